import { z } from 'zod';

/**
 * Failures that cross the desk bridge. `code` is for code and logs; `message` is
 * Vietnamese and fit to show the officer as is.
 */
export const bridgeErrorCodeSchema = z.enum([
  'invalid-payload',
  'forbidden-sender',
  'unsupported',
  'printer-not-found',
  'print-failed',
  'pdf-failed',
  'printer-unreachable',
  'printer-timeout',
  'printer-offline',
  'printer-out-of-paper',
  'printer-connection-lost',
  'invalid-image',
  'backup-failed',
  'backup-too-large',
  'secret-storage-unavailable',
  'update-not-ready',
  'internal',
]);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCodeSchema>;

/**
 * Whether paper may have come out of the printer before the failure. A retry after
 * `maybe` must be marked as a copy (DESIGN §5: reprints are marked as copies).
 */
export const printedOutcomeSchema = z.enum(['no', 'maybe']);
export type PrintedOutcome = z.infer<typeof printedOutcomeSchema>;

export const bridgeFailureSchema = z.object({
  code: bridgeErrorCodeSchema,
  message: z.string().min(1),
  printed: printedOutcomeSchema.optional(),
});
export type BridgeFailure = z.infer<typeof bridgeFailureSchema>;

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    readonly printed?: PrintedOutcome,
  ) {
    super(message);
  }

  toFailure(): BridgeFailure {
    return this.printed === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, printed: this.printed };
  }

  static fromFailure(failure: BridgeFailure): BridgeError {
    return new BridgeError(failure.code, failure.message, failure.printed);
  }
}

export const isBridgeError = (value: unknown): value is BridgeError => value instanceof BridgeError;

/**
 * What every IPC handler answers. Electron's `invoke` flattens thrown errors into a
 * message string, so failures travel as data and the preload rethrows them typed.
 */
export const bridgeEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: bridgeFailureSchema }),
]);
export type BridgeEnvelope = z.infer<typeof bridgeEnvelopeSchema>;

/**
 * Normalises whatever a bridge call rejected with. Across Electron's contextBridge an
 * Error keeps only its message, so the preload rejects with a plain failure object;
 * the web bridge rejects with `BridgeError`. Callers handle both through this.
 */
export function toBridgeError(reason: unknown): BridgeError {
  if (reason instanceof BridgeError) return reason;
  const failure = bridgeFailureSchema.safeParse(reason);
  if (failure.success) return BridgeError.fromFailure(failure.data);
  return new BridgeError('internal', 'Có lỗi không mong đợi khi làm việc với máy tính. Hãy thử lại.');
}
