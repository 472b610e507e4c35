/**
 * Instants are stored in one fixed-width form (`toISOString`: 24 characters, milliseconds, Z)
 * so that index keys compare in time order as plain strings: "…T02:30:00Z" and
 * "…T02:30:00.000Z" are the same instant but would not sort together.
 */
export function normalizeInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return new Date(ms).toISOString();
}

export function instantFromMs(ms: number): string {
  return new Date(ms).toISOString();
}
