/**
 * Growing waits between failed attempts (1 s, 2 s, 4 s… up to a minute, with jitter so a
 * province of desks coming back online does not knock at once). RxDB retries failed handlers
 * after a fixed `retryTime`; the handlers wait here first, which turns that into a backoff.
 * `wake()` cuts a wait short: the stream reconnected, or the officer asked for a sync.
 */
export interface Backoff {
  /** Resolves at once after a success, else after the current wait (or a wake). */
  beforeAttempt(): Promise<void>;
  succeeded(): void;
  failed(): void;
  wake(): void;
  /** Consecutive failures so far. */
  readonly failures: number;
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function createBackoff({ baseMs = 1000, maxMs = 60_000, random = Math.random }: BackoffOptions = {}): Backoff {
  let failures = 0;
  let wakers = new Set<() => void>();

  function delay(): number {
    if (failures === 0) return 0;
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 20));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  return {
    get failures() {
      return failures;
    },
    beforeAttempt() {
      const ms = delay();
      if (ms === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakers.add(done);
      });
    },
    succeeded() {
      failures = 0;
    },
    failed() {
      failures += 1;
    },
    wake() {
      const waiting = wakers;
      wakers = new Set();
      for (const done of waiting) done();
    },
  };
}
