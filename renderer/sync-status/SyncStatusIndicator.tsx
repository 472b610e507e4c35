import { useEffect, useState } from 'react';
import { phaseLabels } from '../../sync/client/sync-status.ts';
import { DAY_END_KEYS } from '../app/shortcuts.ts';
import { formatCount, formatInstant } from '../components/format.ts';
import { DayEndDialog } from './DayEndDialog.tsx';
import { UNSENT_PATH } from './UnsentScreen.tsx';
import { useDeskSync } from './use-desk-sync.ts';
import './sync-status.css';

/** Hash route of the enrollment screen (renderer/screens/enroll). */
export const ENROLL_PATH = '/ket-noi-may-chu';

/**
 * The top bar's sync indicator: connection state, events waiting to be sent, last successful
 * sync, and a red "Không mã hóa" while syncing over plain HTTP on the network. The labelled
 * "Đồng bộ cuối ngày" button beside it, the indicator itself and Ctrl+Shift+S from anywhere open
 * the day-end sync.
 */
export function SyncStatusIndicator() {
  const { sync, enrollment, loading, status, error } = useDeskSync();
  const [open, setOpen] = useState(false);
  const enrolled = enrollment !== null && sync !== null;

  useEffect(() => {
    if (!enrolled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && !event.altKey && event.code === 'KeyS') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enrolled]);

  if (loading) return null;
  if (!enrollment) {
    return (
      <a className="sync-indicator sync-off" href={`#${ENROLL_PATH}`} data-testid="sync-indicator">
        <span className="sync-dot" aria-hidden="true" />
        Chưa kết nối máy chủ tỉnh
      </a>
    );
  }
  // Sync cannot run (an address the rule refuses) or has stopped for good (credential refused):
  // only the administrator can help, so the indicator leads to the enrollment screen instead.
  if (!sync || status.phase === 'revoked') {
    const [phase, label, why] = sync ? ['revoked', phaseLabels.revoked, status.lastError?.message] : ['blocked', 'Không đồng bộ được', error];
    return (
      <a className="sync-indicator sync-stopped" href={`#${ENROLL_PATH}`} title={why ?? undefined} data-testid="sync-indicator" data-phase={phase}>
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-phase">{label}</span>
        <span className="sync-detail">liên hệ quản trị viên tỉnh</span>
      </a>
    );
  }
  const last = status.lastSuccessAt === null ? 'chưa đồng bộ' : `đồng bộ lúc ${formatInstant(new Date(status.lastSuccessAt).toISOString())}`;
  return (
    <>
      <button
        type="button"
        className={`sync-indicator sync-${status.phase}`}
        onClick={() => setOpen(true)}
        title={status.lastError && status.phase !== 'online' ? status.lastError.message : 'Đồng bộ cuối ngày (Ctrl+Shift+S)'}
        data-testid="sync-indicator"
        data-phase={status.phase}
        data-attachments-pending={status.attachmentsPending ?? 0}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-phase">{phaseLabels[status.phase]}</span>
        {sync.transport === 'plain-http' && (
          <span className="sync-insecure" data-testid="sync-insecure" title="Kết nối http:// không mã hóa (quản trị viên đã cho phép trong Cài đặt)">
            Không mã hóa
          </span>
        )}
        <span className="sync-detail">
          {status.pending > 0 ? `${formatCount(status.pending)} chờ gửi · ` : ''}
          {(status.pendingConsultations ?? 0) > 0 ? `${formatCount(status.pendingConsultations ?? 0)} lượt hướng dẫn chờ gửi · ` : ''}
          {(status.attachmentsPending ?? 0) > 0 ? `${formatCount(status.attachmentsPending ?? 0)} tệp số hóa chờ gửi · ` : ''}
          {last}
        </span>
      </button>
      <button type="button" className="day-end-button" onClick={() => setOpen(true)} data-testid="day-end-button" title={`${DAY_END_KEYS.label} (${DAY_END_KEYS.keys})`}>
        Đồng bộ cuối ngày
      </button>
      {status.rejected > 0 && (
        <a className="sync-unsent" href={`#${UNSENT_PATH}`} data-testid="sync-unsent" title="Xem và xử lý các thao tác chưa gửi được lên máy chủ tỉnh">
          {formatCount(status.rejected)} chưa gửi được
        </a>
      )}
      {open && <DayEndDialog sync={sync} onClose={() => setOpen(false)} />}
    </>
  );
}
