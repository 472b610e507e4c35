import { DomainError } from '../errors.ts';

/**
 * UUIDv7 event ids (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, then 74 bits that are
 * random at each new millisecond and counted up within one (RFC 9562 §6.2 method 2, "monotonic
 * random"). Ids from one generator therefore sort in creation order even when the clock stalls
 * or steps back. Implemented here rather than pulled in: it is 60 lines and must take injected
 * clock and randomness, which the common packages do not.
 *
 * Canonical form is lower-case hex: one event, one string, so ids compare by string equality.
 */

export interface EventIdSources {
  /** Unix milliseconds. */
  now: () => number;
  /** `n` cryptographically random bytes. */
  randomBytes: (n: number) => Uint8Array;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MAX_TIMESTAMP = 2 ** 48 - 1;
const RANDOM_BITS = 74n;
const RANDOM_LIMIT = 1n << RANDOM_BITS;
/** Fresh randomness keeps its top bit clear, leaving at least 2^73 increments within one millisecond. */
const SEED_MASK = (1n << (RANDOM_BITS - 1n)) - 1n;

export function createEventIdGenerator(sources: EventIdSources): () => string {
  let lastTime = -1;
  let lastRandom = 0n;

  const seed = (): bigint => {
    const bytes = sources.randomBytes(10);
    if (bytes.length < 10) {
      throw new DomainError('event_id.bad_random', 'Nguồn số ngẫu nhiên trả về thiếu dữ liệu: không thể tạo mã sự kiện.');
    }
    let value = 0n;
    for (let i = 0; i < 10; i += 1) value = (value << 8n) | BigInt(bytes[i] ?? 0);
    return value & SEED_MASK;
  };

  return () => {
    const now = sources.now();
    if (!Number.isFinite(now) || now < 0 || now > MAX_TIMESTAMP) {
      throw new DomainError('event_id.bad_clock', `Đồng hồ máy trả về thời điểm không hợp lệ (${String(now)}): không thể tạo mã sự kiện.`);
    }
    const time = Math.floor(now);
    if (time > lastTime) {
      lastTime = time;
      lastRandom = seed();
    } else {
      // Same millisecond, or the clock stepped back: stay on the last timestamp and count up.
      lastRandom += 1n;
      if (lastRandom >= RANDOM_LIMIT) {
        lastTime += 1;
        lastRandom = seed();
      }
    }
    return format(lastTime, lastRandom);
  };
}

function format(time: number, random: bigint): string {
  const randA = Number(random >> 62n); // 12 bits
  const randB = random & ((1n << 62n) - 1n); // 62 bits
  const hex =
    time.toString(16).padStart(12, '0') +
    (0x7000 | randA).toString(16).padStart(4, '0') +
    ((0b10n << 62n) | randB).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True for a UUIDv7 in canonical lower-case form. */
export function isUuidV7(text: string): boolean {
  return UUID_V7.test(text);
}

/** Unix milliseconds embedded in a UUIDv7. */
export function eventIdTime(id: string): number {
  if (!isUuidV7(id)) {
    throw new DomainError('event_id.bad_shape', `"${id}" không phải mã sự kiện hợp lệ (UUIDv7).`, undefined, { id });
  }
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
