import type { z } from 'zod';
import { ServerError } from '../domain/server-error.ts';

/** Parses a request part with its zod schema; a mismatch is a 400 naming the first bad field. */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? key : String(key)));
  throw new ServerError(400, 'request.invalid', `${what} không hợp lệ${path.length > 0 ? ` ở "${path.join('.')}"` : ''}: ${issue?.message ?? ''}`, { path });
}
