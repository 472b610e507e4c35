import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../renderer/store/replication-access.ts';
import { createPendingTracker } from '../../../sync/client/pending-counter.ts';
import type { PendingCounter } from '../../../sync/client/pending-counter.ts';

/** The pending count follows the change stream after one scan, instead of rescanning the log. */

function doc(id: string, at: string, serverAt: string | null): EventDoc {
  return { id, dossierCode: '000.00.12.H23-261122-1001', type: 'NOTE', at, event: { id, serverAt, type: 'NOTE' }, personal: {} };
}

function fakeCounter(waiting: Array<[string, string]>, release: Promise<void> = Promise.resolve()) {
  let scans = 0;
  const counter: PendingCounter = {
    count: () => Promise.reject(new Error('not used')),
    async scan() {
      scans += 1;
      await release;
      return new Map(waiting);
    },
  };
  return { counter, scans: () => scans };
}

describe('pending tracker', () => {
  it('scans once, then follows acknowledgements, stamps and new events', async () => {
    const { counter, scans } = fakeCounter([
      ['a', '2026-11-22T01:00:00.000Z'],
      ['b', '2026-11-22T02:00:00.000Z'],
    ]);
    const tracker = createPendingTracker(counter);
    const acked = new Set<string>();
    const confirmed = (id: string) => acked.has(id);
    expect(await tracker.summary(confirmed)).toEqual({ pending: 2, oldestPendingAt: '2026-11-22T01:00:00.000Z' });

    acked.add('a');
    expect(await tracker.summary(confirmed)).toEqual({ pending: 1, oldestPendingAt: '2026-11-22T02:00:00.000Z' });
    tracker.observe(doc('c', '2026-11-22T03:00:00.000Z', null));
    expect(await tracker.summary(confirmed)).toEqual({ pending: 2, oldestPendingAt: '2026-11-22T02:00:00.000Z' });
    // Our events read back stamped: no longer waiting.
    tracker.observe(doc('b', '2026-11-22T02:00:00.000Z', '2026-11-22T04:00:00.000Z'));
    tracker.observe(doc('c', '2026-11-22T03:00:00.000Z', '2026-11-22T04:00:00.000Z'));
    expect(await tracker.summary(confirmed)).toEqual({ pending: 0, oldestPendingAt: null });
    expect(scans()).toBe(1);
  });

  it('replays the changes that came while the first scan ran, in order', async () => {
    let release = () => undefined as void;
    const { counter } = fakeCounter([['a', '2026-11-22T01:00:00.000Z']], new Promise<void>((resolve) => (release = resolve)));
    const tracker = createPendingTracker(counter);
    const first = tracker.summary(() => false);
    const second = tracker.summary(() => false);
    tracker.observe(doc('a', '2026-11-22T01:00:00.000Z', '2026-11-22T05:00:00.000Z'));
    tracker.observe(doc('d', '2026-11-22T06:00:00.000Z', null));
    release();
    expect(await first).toEqual({ pending: 1, oldestPendingAt: '2026-11-22T06:00:00.000Z' });
    expect(await second).toEqual({ pending: 1, oldestPendingAt: '2026-11-22T06:00:00.000Z' });
  });
});
