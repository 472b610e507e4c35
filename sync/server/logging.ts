import type { FastifyServerOptions } from 'fastify';

/**
 * What the server's log may say about an error. A database error quotes the data it choked on:
 * its message ("invalid input syntax for type json", `… value out of range: "…"`), `detail`
 * ("Failing row contains (…)", "Key (id)=(…)"), `where` ("JSON data, line 1: …") and, on PGlite,
 * the statement's parameters: a citizen's name, ID number and the whole pushed body. So a database
 * error is logged by what it is (SQLSTATE code, severity, routine, constraint, table, column) and
 * never by what it says; the request id beside it leads to the request. Other errors keep their
 * message and stack (the server's own words), except JSON syntax errors, which quote their input.
 */
const DATABASE_ERROR_FIELDS = ['code', 'severity', 'routine', 'constraint', 'schema', 'table', 'column', 'dataType'] as const;

export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  if (isDatabaseError(error)) {
    const fields: Record<string, unknown> = {};
    for (const field of DATABASE_ERROR_FIELDS) {
      const value = (error as unknown as Record<string, unknown>)[field];
      if (typeof value === 'string' && value !== '') fields[field] = value;
    }
    return { type: 'DatabaseError', message: `database error ${String(fields.code)}`, ...fields };
  }
  const code = (error as { code?: unknown }).code;
  const logged: Record<string, unknown> = { type: error.name, ...(typeof code === 'string' ? { code } : {}) };
  if (!(error instanceof SyntaxError)) {
    logged.message = error.message;
    logged.stack = error.stack;
  }
  if (error.cause !== undefined && depth < 3) logged.cause = errorForLog(error.cause, depth + 1);
  return logged;
}

/** PostgreSQL's and PGlite's errors alike: a five-character SQLSTATE and a severity. */
function isDatabaseError(error: Error): boolean {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** The logger options with `errorForLog` as the serializer of every `err` the server logs. */
export function withSafeErrorLogging(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return false;
  const options = logger === true ? {} : logger;
  // Fastify types `err` as returning pino's standard shape; a database error's has no stack here.
  const err = errorForLog as (error: unknown) => { type: string; message: string; stack: string };
  return { ...options, serializers: { ...options.serializers, err } };
}
