import { useEffect, useState } from 'react';
import { clockWarning } from '../../src/time/clock-offset.ts';
import type { ClockWarning } from '../../src/time/clock-offset.ts';
import { watchClockOffset } from '../../sync/client/clock-offset.ts';
import type { DeskStore } from '../store/index.ts';
import './clock-warning.css';

/**
 * The warning for the desk clock's last known offset from the server's (src/time/clock-offset.ts),
 * or null; it follows each sync that learns a new offset.
 */
export function useClockWarning(store: DeskStore): ClockWarning | null {
  const [warning, setWarning] = useState<ClockWarning | null>(null);
  useEffect(() => {
    const subscription = watchClockOffset(store).subscribe({
      next: (offset) => setWarning(clockWarning(offset?.offsetMs ?? null)),
      // Unreadable settings: no warning rather than no login or no print.
      error: () => setWarning(null),
    });
    return () => subscription.unsubscribe();
  }, [store]);
  return warning;
}

/** Red, announced, never blocking: the officer reads it and carries on. */
export function ClockWarningNotice({ warning, testId = 'clock-warning' }: { warning: ClockWarning; testId?: string }) {
  return (
    <p className="clock-warning" role="alert" data-testid={testId}>
      <span className="clock-warning-icon" aria-hidden="true">
        !
      </span>
      {warning.message}
    </p>
  );
}
