import { useEffect, useState } from 'react';
import { phaseLabels } from '../../sync/client/sync-status.ts';
import { formatCount, formatInstant } from '../components/format.ts';
import { DayEndDialog } from './DayEndDialog.tsx';
import { UNSENT_PATH } from './UnsentScreen.tsx';
import { useDeskSync } from './use-desk-sync.ts';
import './sync-status.css';

/** Hash route of the enrollment screen (renderer/screens/enroll). */
export const ENROLL_PATH = '/ket-noi-may-chu';

/**
 * The top bar's sync indicator: connection state, events waiting to be sent, last successful
 * sync. Clicking it (or Ctrl+Shift+S from anywhere) opens the day-end sync.
 */
export function SyncStatusIndicator() {
  const { sync, enrollment, loading, status } = useDeskSync();
  const [open, setOpen] = useState(false);
  const enrolled = enrollment !== null && sync !== null;

  useEffect(() => {
    if (!enrolled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enrolled]);

  if (loading) return null;
  if (!enrollment || !sync) {
    return (
      <a className="sync-indicator sync-off" href={`#${ENROLL_PATH}`} data-testid="sync-indicator">
        <span className="sync-dot" aria-hidden="true" />
        Chưa kết nối máy chủ tỉnh
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
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-phase">{phaseLabels[status.phase]}</span>
        <span className="sync-detail">
          {status.pending > 0 ? `${formatCount(status.pending)} chờ gửi · ` : ''}
          {last}
        </span>
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
