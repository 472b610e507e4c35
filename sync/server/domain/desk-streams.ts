export interface DeskStreamOptions {
  /** Event streams one desk credential may hold open at once in a server process. */
  maxPerCredential: number;
  /** How often open streams re-check their credential (revoked, or replaced by a re-enrollment). */
  recheckMs: number;
}

/** A desk holds two streams (events, reference); four leaves room for a reconnect overlapping the old one. */
export const DEFAULT_DESK_STREAM_OPTIONS: Readonly<DeskStreamOptions> = { maxPerCredential: 4, recheckMs: 2_000 };

export interface DeskStreamsDeps extends DeskStreamOptions {
  /** Which of these credential hashes still open a desk (enrolled, not revoked). */
  stillValid(credentialHashes: readonly string[]): Promise<ReadonlySet<string>>;
  onRecheckFailed(error: unknown): void;
}

export interface DeskStreams {
  /**
   * Registers an open stream of `credentialHash`; `close` ends it when the credential stops being
   * valid. Returns the stream's release, or null when the credential already holds the maximum.
   */
  open(credentialHash: string, close: () => void): (() => void) | null;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
  /** Checks every open stream's credential now (the timer does it every `recheckMs`). */
  recheck(): Promise<void>;
  readonly size: number;
}

/**
 * The open event streams of this process, by desk credential. A stream authenticates once, when
 * it opens, and may then stay open for days: a timer re-reads the credentials of all open streams
 * in one query and closes those whose desk was revoked or re-enrolled since, which works whichever
 * process (the admin command line, another server on the same PostgreSQL) made the change.
 */
export function createDeskStreams(deps: DeskStreamsDeps): DeskStreams {
  const open = new Map<() => void, string>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let checking: Promise<void> | null = null;

  const countOf = (hash: string) => [...open.values()].filter((h) => h === hash).length;
  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };

  async function recheckNow(): Promise<void> {
    const hashes = [...new Set(open.values())];
    if (hashes.length === 0) return;
    let valid: ReadonlySet<string>;
    try {
      valid = await deps.stillValid(hashes);
    } catch (error) {
      // The database is away: keep the streams, the next round checks again.
      deps.onRecheckFailed(error);
      return;
    }
    for (const [close, hash] of [...open]) if (!valid.has(hash)) close();
  }

  const streams: DeskStreams = {
    open(credentialHash, close) {
      if (countOf(credentialHash) >= deps.maxPerCredential) return null;
      open.set(close, credentialHash);
      if (timer === null) {
        timer = setInterval(() => void streams.recheck(), deps.recheckMs);
        // Open streams alone must not keep a process alive that is otherwise done.
        timer.unref?.();
      }
      return () => {
        open.delete(close);
        if (open.size === 0) stopTimer();
      };
    },
    closeAll() {
      for (const close of [...open.keys()]) close();
      open.clear();
      stopTimer();
    },
    recheck() {
      // Rounds never overlap: a slow database delays the next round rather than stacking them.
      checking ??= recheckNow().finally(() => {
        checking = null;
      });
      return checking;
    },
    get size() {
      return open.size;
    },
  };
  return streams;
}
