import type { ReactNode } from 'react';
import './notice.css';

type Tone = 'error' | 'info' | 'success' | 'warning';

/** A calm inline message; errors are announced to screen readers. */
export function Notice({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children && <p className="empty-state-hint">{children}</p>}
    </div>
  );
}
