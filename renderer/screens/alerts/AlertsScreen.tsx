import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { compareVietnamese } from '../../../src/people/vietnamese-collator.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { DeadlineBadge } from '../../components/DeadlineBadge.tsx';
import { deadlineKindOf } from '../../components/deadline-view.ts';
import type { DeadlineContext } from '../../components/deadline-view.ts';
import { formatCount, formatInstant } from '../../components/format.ts';
import { EmptyState, Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useClock, useDossierChanges } from '../../components/use-live.ts';
import { alertQueries, alertTitles } from './alert-queries.ts';
import type { AlertKind } from './alert-queries.ts';
import { LIST_LIMIT, useAlerts } from './use-alerts.ts';
import './alerts.css';

const KINDS: AlertKind[] = ['overdue', 'due-soon', 'today'];

export function AlertsScreen() {
  const desk = useDesk();
  const [, navigate] = useLocation();
  const nowMs = useClock(desk.now);
  const version = useDossierChanges(desk.store);
  const [officer, setOfficer] = useState<string>('all');
  const threshold = desk.settings.dueSoonWorkingMinutes;
  const queries = useMemo(() => alertQueries(desk.calendar, nowMs, threshold), [desk.calendar, nowMs, threshold]);
  const officerIds = useMemo(() => desk.officers.map((o) => o.id), [desk.officers]);
  // Only dossiers this unit holds: one transferred to another unit alerts at that unit's desk.
  const { data, error } = useAlerts(desk.store, desk.identity.agencyId, queries, officerIds, officer === 'all' ? null : officer, version);
  const deadline: DeadlineContext = { calendar: desk.calendar, nowMs, dueSoonWorkingMinutes: threshold };
  const open = (code: string) => navigate(`/ho-so/${encodeURIComponent(code)}`);
  const officers = [...desk.officers].sort((a, b) => compareVietnamese(a.fullName, b.fullName));

  return (
    <section className="alerts-screen">
      <header className="section-header alerts-header">
        <div>
          <h1>Cảnh báo</h1>
          <p>
            Hồ sơ quá hạn, sắp đến hạn và hẹn trả hôm nay. Cập nhật lúc {formatInstant(new Date(nowMs).toISOString())}.
          </p>
        </div>
        <label className="alerts-officer">
          <span>Cán bộ</span>
          <select value={officer} onChange={(e) => setOfficer(e.target.value)}>
            <option value="all">Tất cả cán bộ</option>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullName}
              </option>
            ))}
            <option value="">Chưa chỉ định cán bộ</option>
          </select>
        </label>
      </header>
      {error && <Notice tone="error">{error}</Notice>}

      <div className="alert-cards">
        {KINDS.map((kind) => (
          <a key={kind} href={`#alert-${kind}`} className={`alert-card alert-${kind}`} data-testid={`alert-count-${kind}`}>
            <span className="alert-number">{data ? formatCount(data.totals[kind]) : '…'}</span>
            <span className="alert-label">{alertTitles[kind]}</span>
          </a>
        ))}
      </div>

      <div className="alerts-body">
        <div className="alert-lists">
          {KINDS.map((kind) => (
            <section key={kind} id={`alert-${kind}`} className={`panel alert-list alert-list-${kind}`} aria-labelledby={`alert-title-${kind}`} data-testid={`alert-list-${kind}`}>
              <h2 id={`alert-title-${kind}`}>
                {alertTitles[kind]} <span className="muted">({data ? formatCount(data.totals[kind]) : '…'})</span>
              </h2>
              {data && data.lists[kind].length === 0 ? (
                <EmptyState title="Không có hồ sơ nào." />
              ) : (
                <AlertTable items={data?.lists[kind] ?? []} deadline={deadline} officerName={desk.officerName} onOpen={open} />
              )}
              {data && data.totals[kind] > LIST_LIMIT && (
                <p className="muted">Hiển thị {LIST_LIMIT} hồ sơ có hạn gần nhất; xem đủ ở màn hình Hồ sơ.</p>
              )}
            </section>
          ))}
        </div>

        <section className="panel per-officer" aria-labelledby="per-officer-title">
          <h2 id="per-officer-title">Theo cán bộ</h2>
          {data && data.perOfficer.length === 0 ? (
            <p className="muted">Không có cảnh báo.</p>
          ) : (
            <table className="per-officer-table" data-testid="per-officer">
              <thead>
                <tr>
                  <th>Cán bộ</th>
                  <th>Quá hạn</th>
                  <th>Sắp hạn</th>
                  <th>Hôm nay</th>
                </tr>
              </thead>
              <tbody>
                {data?.perOfficer.map((row) => (
                  <tr key={row.officerId || 'unit'} className={officer === row.officerId ? 'selected' : undefined} onClick={() => setOfficer(row.officerId)}>
                    <td>{row.officerId ? desk.officerName(row.officerId) : 'Chưa chỉ định'}</td>
                    <td className={row.counts.overdue > 0 ? 'num overdue' : 'num'}>{formatCount(row.counts.overdue)}</td>
                    <td className={row.counts['due-soon'] > 0 ? 'num soon' : 'num'}>{formatCount(row.counts['due-soon'])}</td>
                    <td className="num">{formatCount(row.counts.today)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}

function AlertTable({ items, deadline, officerName, onOpen }: { items: readonly ProjectedDossier[]; deadline: DeadlineContext; officerName: (id: string | null) => string; onOpen: (code: string) => void }) {
  return (
    <table className="alert-table">
      <thead>
        <tr>
          <th>Mã hồ sơ</th>
          <th>Người nộp, thủ tục</th>
          <th>Hẹn trả</th>
          <th>Hạn</th>
          <th>Cán bộ giữ</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.code} tabIndex={0} onClick={() => onOpen(d.code)} onKeyDown={(e) => e.key === 'Enter' && onOpen(d.code)} data-code={d.code}>
            <td className="mono">{d.code}</td>
            <td title={`${d.applicantName} – ${d.procedureName}`}>
              <div className="alert-name">{d.applicantName}</div>
              <div className="alert-procedure">
                <StatusBadge status={d.status} /> {d.procedureName}
              </div>
            </td>
            <td className="nowrap">{formatInstant(d.dueAt)}</td>
            <td><DeadlineBadge kind={deadlineKindOf(d, deadline)} /></td>
            <td>{d.holderOfficerId ? officerName(d.holderOfficerId) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
