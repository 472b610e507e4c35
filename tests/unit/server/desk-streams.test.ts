import { describe, expect, it } from 'vitest';
import { createDeskStreams } from '../../../sync/server/domain/desk-streams.ts';

describe('desk streams', () => {
  const setup = (valid: Set<string>) => {
    const failures: unknown[] = [];
    const streams = createDeskStreams({
      maxPerCredential: 2,
      recheckMs: 60_000,
      stillValid: async (hashes) => {
        if (valid.has('database-down')) throw new Error('connection refused');
        return new Set(hashes.filter((hash) => valid.has(hash)));
      },
      onRecheckFailed: (error) => failures.push(error),
    });
    return { streams, failures };
  };

  it('holds at most maxPerCredential streams per credential; a released place is free again', () => {
    const { streams } = setup(new Set(['a', 'b']));
    const first = streams.open('a', () => undefined);
    expect(first).not.toBeNull();
    expect(streams.open('a', () => undefined)).not.toBeNull();
    expect(streams.open('a', () => undefined)).toBeNull();
    expect(streams.open('b', () => undefined)).not.toBeNull();
    first?.();
    expect(streams.open('a', () => undefined)).not.toBeNull();
    expect(streams.size).toBe(3);
    streams.closeAll();
  });

  it('closes the streams whose credential is no longer valid, keeps the others, and keeps all when the database is away', async () => {
    const valid = new Set(['a', 'b']);
    const { streams, failures } = setup(valid);
    const closed: string[] = [];
    const track = (name: string, hash: string) => {
      const release = streams.open(hash, () => {
        closed.push(name);
        release?.();
      });
    };
    track('a1', 'a');
    track('a2', 'a');
    track('b1', 'b');
    await streams.recheck();
    expect(closed).toEqual([]);
    valid.add('database-down');
    valid.delete('a');
    await streams.recheck();
    expect(closed).toEqual([]);
    expect(failures).toHaveLength(1);
    valid.delete('database-down');
    await streams.recheck();
    expect(closed).toEqual(['a1', 'a2']);
    expect(streams.size).toBe(1);
    streams.closeAll();
    expect(closed).toEqual(['a1', 'a2', 'b1']);
    expect(streams.size).toBe(0);
  });
});
