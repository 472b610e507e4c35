import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { createEventIdGenerator, eventIdTime, isUuidV7 } from '../../../src/dossier/event-id.ts';

const fixedBytes = (value: number) => (n: number) => new Uint8Array(n).fill(value);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('createEventIdGenerator', () => {
  it('lays out timestamp, version 7 and variant per RFC 9562', () => {
    const next = createEventIdGenerator({ now: () => 0x017f22e279b0, randomBytes: fixedBytes(0) });
    expect(next()).toBe('017f22e2-79b0-7000-8000-000000000000');
  });

  it('keeps the top random bit clear so a millisecond has room to count', () => {
    const id = createEventIdGenerator({ now: () => 1, randomBytes: fixedBytes(0xff) })();
    expect(id).toBe('00000000-0001-77ff-bfff-ffffffffffff');
    expect(isUuidV7(id)).toBe(true);
  });

  it('counts up within one millisecond and when the clock steps back', () => {
    let clock = 1_763_776_800_000;
    const next = createEventIdGenerator({ now: () => clock, randomBytes: fixedBytes(0) });
    const a = next();
    const b = next();
    clock -= 5_000;
    const c = next();
    expect(a < b && b < c).toBe(true);
    expect(b.endsWith('000000000001')).toBe(true);
    expect(eventIdTime(c)).toBe(1_763_776_800_000);
  });

  it('reseeds on a new millisecond and embeds the time', () => {
    let clock = 1_763_776_800_000;
    const seen: number[] = [];
    const next = createEventIdGenerator({
      now: () => clock,
      randomBytes: (n) => {
        seen.push(n);
        return new Uint8Array(n).fill(seen.length);
      },
    });
    next();
    clock += 1;
    const id = next();
    expect(seen).toEqual([10, 10]);
    expect(eventIdTime(id)).toBe(clock);
  });

  it('floors fractional milliseconds', () => {
    expect(eventIdTime(createEventIdGenerator({ now: () => 1000.9, randomBytes: fixedBytes(1) })())).toBe(1000);
  });

  it('rejects a broken clock or random source', () => {
    for (const value of [Number.NaN, -1, 2 ** 48, Infinity]) {
      expect(codeOf(() => createEventIdGenerator({ now: () => value, randomBytes: fixedBytes(0) })())).toBe('event_id.bad_clock');
    }
    expect(codeOf(() => createEventIdGenerator({ now: () => 1, randomBytes: () => new Uint8Array(3) })())).toBe('event_id.bad_random');
  });

  it('is strictly increasing for any clock sequence and random source', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 60 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (times, bytes) => {
          let i = 0;
          const next = createEventIdGenerator({ now: () => times[i++ % times.length] ?? 0, randomBytes: () => bytes });
          const ids = times.map(() => next());
          return ids.every((id, k) => isUuidV7(id) && (k === 0 || (ids[k - 1] as string) < id));
        },
      ),
    );
  });
});

describe('isUuidV7 and eventIdTime', () => {
  it.each([
    '017f22e2-79b0-7cc3-98c4-dc0c0c07398f',
  ])('accepts %s', (id) => {
    expect(isUuidV7(id)).toBe(true);
    expect(eventIdTime(id)).toBe(0x017f22e279b0);
  });

  it.each([
    '017F22E2-79B0-7CC3-98C4-DC0C0C07398F',
    '017f22e2-79b0-4cc3-98c4-dc0c0c07398f',
    '017f22e2-79b0-7cc3-c8c4-dc0c0c07398f',
    '017f22e279b07cc398c4dc0c0c07398f',
    '',
  ])('rejects %j', (id) => {
    expect(isUuidV7(id)).toBe(false);
    expect(codeOf(() => eventIdTime(id))).toBe('event_id.bad_shape');
  });
});
