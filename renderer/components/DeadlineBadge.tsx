import type { DeadlineKind } from './deadline-view.ts';
import { deadlineLabels } from './deadline-view.ts';
import './badges.css';

export function DeadlineBadge({ kind }: { kind: DeadlineKind }) {
  if (kind === 'none') return <span className="badge deadline-none">—</span>;
  return (
    <span className={`badge deadline-badge deadline-${kind}`} data-deadline={kind}>
      {deadlineLabels[kind]}
    </span>
  );
}
