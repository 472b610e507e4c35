/**
 * A refusal the server explains to the client as `{error: {code, message, eventId?, path?}}`.
 * `message` is Vietnamese: desks show it to the officer as is.
 */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: { eventId?: string; path?: readonly (string | number)[] } = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; eventId?: string; path?: string };
}

export function errorBody(code: string, message: string, extra: ServerError['extra'] = {}): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(extra.eventId !== undefined ? { eventId: extra.eventId } : {}),
      ...(extra.path !== undefined && extra.path.length > 0 ? { path: extra.path.join('.') } : {}),
    },
  };
}
