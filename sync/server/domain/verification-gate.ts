import { ServerError } from './server-error.ts';

export interface VerificationGateOptions {
  /** Password verifications running at once (argon2 takes a core and 19 MiB each). */
  maxRunning: number;
  /** Verifications allowed to wait for a slot; beyond that a login is turned away unhashed. */
  maxQueued: number;
}

export interface VerificationGate {
  /** Runs `task` when a slot is free; throws 429 `auth.busy` at once when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly queued: number;
  /** The most verifications that ever ran at once (for tests and health). */
  readonly peakRunning: number;
}

/**
 * Bounds the CPU and memory logins can take: a flood of logins (any username, from any number of
 * addresses) queues a few verifications and answers the rest "busy" without hashing, so argon2's
 * deliberate cost cannot be turned against the server.
 */
export function createVerificationGate({ maxRunning, maxQueued }: VerificationGateOptions): VerificationGate {
  let running = 0;
  let peakRunning = 0;
  // A finishing verification hands its slot straight to the next in line: `running` never dips
  // in between, so a newcomer cannot slip into a slot someone is already waiting for.
  const waiting: Array<() => void> = [];

  return {
    async run(task) {
      if (running < maxRunning) running += 1;
      else if (waiting.length < maxQueued) await new Promise<void>((resolve) => waiting.push(resolve));
      // 429 rather than 503: a refusal the server chose, not a failure to log at every turn.
      else throw new ServerError(429, 'auth.busy', 'Máy chủ đang bận kiểm tra đăng nhập. Vui lòng thử lại sau ít giây.');
      peakRunning = Math.max(peakRunning, running);
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    get peakRunning() {
      return peakRunning;
    },
  };
}
