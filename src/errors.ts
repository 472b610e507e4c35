/**
 * The one error type the domain core throws or returns for bad input.
 * `code` is stable and machine-readable (for logs, HTTP and tests);
 * `message` is Vietnamese, fit to show an officer as is;
 * `path` names the offending field where there is one.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly path?: readonly (string | number)[],
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
