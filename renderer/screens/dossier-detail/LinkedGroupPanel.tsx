import { Link } from 'wouter';
import { linkedFieldKeys, linkedFieldSpecs, type LinkedFieldKey } from '../../../src/catalogue/linked-group-schema.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { isoToDisplayDate } from '../receive/receive-form.ts';
import { statusLabels } from '../../../src/dossier/status.ts';
import { unitKindLabels } from '../../../src/units/unit-kind.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { useGroupMembers } from '../../components/use-group-members.ts';
import { formatInstant } from '../../components/format.ts';

/**
 * A linked group's components beside this one: each with its code, the kind of unit that decides
 * it, its appointment, and, when this desk holds it, where it is and who has it.
 */
export function LinkedGroupPanel({ dossier, events, unitText }: { dossier: ProjectedDossier; events: readonly DossierEvent[]; unitText: (unitId: string) => string }) {
  const desk = useDesk();
  // Officers of other units are not on this desk: their unit is shown, never a bare account id.
  const officerInCharge = (id: string | null) => {
    const name = id ? desk.officerName(id) : '';
    return name && name !== id ? ` – ${name}` : '';
  };
  const group = dossier.group;
  const siblings = useGroupMembers(desk.store, dossier);
  if (!group) return null;
  const data = carriedData(events);
  return (
    <section className="linked-group-panel" aria-labelledby="linked-group-title" data-testid="linked-group-panel">
      <h2 id="linked-group-title">
        Hồ sơ liên thông {dossier.linkedGroupId} <span className="muted">· {group.procedureName}</span>
      </h2>
      <table className="linked-members">
        <thead>
          <tr>
            <th>Thủ tục thành phần</th>
            <th>Mã hồ sơ</th>
            <th>Cơ quan giải quyết</th>
            <th>Hẹn trả</th>
            <th>Tình trạng</th>
            <th>Đang xử lý tại</th>
          </tr>
        </thead>
        <tbody>
          {group.members.map((member) => {
            const held = siblings.get(member.dossierCode);
            const current = member.dossierCode === dossier.code;
            return (
              <tr key={member.dossierCode} data-testid="linked-member" className={current ? 'current' : undefined}>
                <td>{member.procedureName}</td>
                <td className="code">{current ? member.dossierCode : <Link href={`/ho-so/${encodeURIComponent(member.dossierCode)}`}>{member.dossierCode}</Link>}</td>
                <td>{unitKindLabels[member.unitKind]}</td>
                <td>{formatInstant(held?.dueAt ?? member.dueAt)}</td>
                <td data-testid="linked-member-status">{held ? statusLabels[held.status] : 'Chưa có trên quầy này'}</td>
                <td>{held ? `${unitText(held.holderUnitId)}${officerInCharge(held.holderOfficerId)}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.length > 0 && (
        <>
          <h3>Dữ liệu liên thông của thủ tục này</h3>
          <dl className="linked-data" data-testid="linked-data">
            {data.map(([key, value]) => (
              <div key={key}>
                <dt>{linkedFieldSpecs[key].label}</dt>
                <dd>{linkedFieldSpecs[key].format === 'date' ? isoToDisplayDate(value) : value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

/** What the component carries: the shared data given at reception, then the results handed on with its transfers. */
function carriedData(events: readonly DossierEvent[]): Array<[LinkedFieldKey, string]> {
  const values: Partial<Record<LinkedFieldKey, string>> = {};
  for (const event of events) {
    if (event.type === 'RECEIVED' && event.payload.group) Object.assign(values, event.payload.group.data);
    if (event.type === 'TRANSFERRED' && event.payload.groupData) Object.assign(values, event.payload.groupData);
  }
  return linkedFieldKeys.flatMap((key) => (values[key] ? [[key, values[key]] as [LinkedFieldKey, string]] : []));
}
