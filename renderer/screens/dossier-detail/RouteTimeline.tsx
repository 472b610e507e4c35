import type { Anomaly } from '../../../src/dossier/dossier-state.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { PlaceNames } from '../../../src/people/place-names.ts';
import { formatInstant } from '../../components/format.ts';
import { PlaceLabel } from '../../components/PlaceLabel.tsx';
import { routeEvents } from './action-rules.ts';
import { eventDetails, eventTitle } from './route-entries.ts';

interface RouteTimelineProps {
  eventIds: readonly string[];
  events: readonly DossierEvent[];
  anomalies: readonly Anomaly[];
  officerName: (id: string) => string;
  places: PlaceNames;
}

/** "Đường đi hồ sơ": every event with who, when and where; anomalies stay visible on their event. */
export function RouteTimeline({ eventIds, events, anomalies, officerName, places }: RouteTimelineProps) {
  const route = routeEvents({ eventIds: [...eventIds] }, events);
  const anomaliesOf = (id: string) => anomalies.filter((a) => a.eventId === id);
  return (
    <section className="panel route-panel" aria-labelledby="route-title">
      <h2 id="route-title">Đường đi hồ sơ ({route.length} bước)</h2>
      {anomalies.length > 0 && (
        <p className="route-warning" role="alert">
          Có {anomalies.length} điểm bất thường trên đường đi hồ sơ: cần kiểm tra.
        </p>
      )}
      <ol className="route" data-testid="route">
        {route.map((event) => {
          const problems = anomaliesOf(event.id);
          return (
            <li key={event.id} className={problems.length > 0 ? 'route-step anomalous' : `route-step type-${event.type.toLowerCase()}`} data-type={event.type}>
              <div className="route-head">
                <span className="route-title">{eventTitle(event)}</span>
                <time className="route-time" dateTime={event.at}>
                  {formatInstant(event.at)}
                </time>
              </div>
              <div className="route-who" data-testid="route-who">
                {officerName(event.officerId)} · <PlaceLabel place={places.counter(event.deskId)} />
                {event.serverAt === null && <span className="unsynced" title="Sự kiện chưa gửi lên máy chủ tỉnh"> · chưa đồng bộ</span>}
              </div>
              {eventDetails(event, officerName, places).map((line, index) => (
                <div key={index} className="route-line">
                  {line}
                </div>
              ))}
              {problems.map((problem) => (
                <div key={problem.code} className="route-anomaly">
                  ⚠ {problem.message}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
