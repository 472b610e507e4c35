import type { DossierStatus } from '../../src/dossier/status.ts';
import { statusLabels } from '../../src/dossier/status.ts';
import './badges.css';

export function StatusBadge({ status }: { status: DossierStatus }) {
  return (
    <span className={`badge status-badge status-${status}`} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
