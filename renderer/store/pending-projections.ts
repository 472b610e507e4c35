/**
 * Projections written after their append has returned (a receipt is saved once its event is
 * stored; its projection follows at once). Reads of projections wait for these first, so this
 * window always sees its own receipts. A failed one is handed to `onFailure` (the store logs it
 * and tries again shortly): the checkpoint has not passed its event, so any catch-up projects it.
 */
export interface PendingProjections {
  track(work: Promise<unknown>): void;
  /** Resolves once every projection tracked so far is written or has failed. */
  settled(): Promise<void>;
}

export function createPendingProjections(onFailure: (error: unknown) => void): PendingProjections {
  const pending = new Set<Promise<void>>();
  return {
    track(work) {
      const done = work.then(
        () => undefined,
        (error: unknown) => onFailure(error),
      );
      pending.add(done);
      void done.then(() => pending.delete(done));
    },
    async settled() {
      if (pending.size > 0) await Promise.all(pending);
    },
  };
}

/** `reads` with every method waiting for the pending projections first. */
export function afterPendingProjections<T extends object>(reads: T, pending: PendingProjections): T {
  const waiting = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(reads)) {
    waiting[name] =
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            await pending.settled();
            return (method as (...a: unknown[]) => unknown).apply(reads, args);
          }
        : method;
  }
  return waiting as T;
}
