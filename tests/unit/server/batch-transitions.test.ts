import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { projectWithBatch, type AddedEvent } from '../../../sync/server/domain/batch-transitions.ts';
import { eventFactory, iso, MINUTE, PROCESSING_UNIT, receivedPayload, START } from '../dossier/fixtures.ts';

const STORED_AT = iso(START + 5 * MINUTE);
const PUSHED_AT = iso(START + 60 * MINUTE);
const stamp = (event: DossierEvent, at: string): DossierEvent => ({ ...event, serverAt: at }) as DossierEvent;

/** The rule the fast path must match: each new event checked after the ones before it in the batch. */
function firstRefusedOneByOne(stored: DossierEvent[], added: AddedEvent[]): number | null {
  for (let at = 0; at < added.length; at += 1) {
    const current = added[at] as AddedEvent;
    const projected = projectDossier([...stored, ...added.slice(0, at + 1).map((a) => a.event)]);
    if (projected.anomalies.some((a) => a.eventId === current.event.id)) return current.index;
  }
  return null;
}

function lifecycle() {
  const f = eventFactory();
  const processing = { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'ban-thuly' };
  const make = {
    received: () => f.make('RECEIVED', receivedPayload()),
    transferred: () => f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT, toOfficerId: 'cb.thuly' }),
    accepted: () => f.make('ACCEPTED', {}, processing),
    resolved: () => f.make('RESOLVED', {}, processing),
    returned: () => f.make('RETURNED', { collectedBy: { fullName: 'Nguyễn Văn An' } }),
    note: () => f.make('NOTE', { text: 'Ghi chú' }),
  };
  return { f, make };
}

describe('projectWithBatch', () => {
  it('checks a batch in the desk’s order with one projection', () => {
    const { f, make } = lifecycle();
    const stored = [stamp(make.received(), STORED_AT)];
    f.advance(MINUTE);
    const added = [make.transferred(), make.accepted(), make.resolved()].map((event, index) => ({ event: stamp(event, PUSHED_AT), index }));
    const result = projectWithBatch(stored, added);
    expect(result.refused).toBeNull();
    expect(result.dossier).toEqual(projectDossier([...stored, ...added.map((a) => a.event)]));
  });

  it('names the first new event the state machine refuses, by its batch position', () => {
    const { make } = lifecycle();
    const stored = [stamp(make.received(), STORED_AT)];
    const added = [make.note(), make.resolved(), make.returned()].map((event, index) => ({ event: stamp(event, PUSHED_AT), index: index + 3 }));
    const result = projectWithBatch(stored, added);
    expect(result.refused?.index).toBe(4);
    expect(result.refused?.anomaly.eventId).toBe(added[1]?.event.id);
  });

  it('refuses what the batch order makes illegal even when the projection order would allow it', () => {
    const { make } = lifecycle();
    const stored = [stamp(make.received(), STORED_AT)];
    const transferred = stamp(make.transferred(), PUSHED_AT);
    const accepted = stamp(make.accepted(), PUSHED_AT);
    // Pushed before the transfer it needs, although its id sorts after it.
    const result = projectWithBatch(stored, [
      { event: accepted, index: 0 },
      { event: transferred, index: 1 },
    ]);
    expect(result.refused?.index).toBe(0);
    expect(result.refused?.anomaly.eventId).toBe(accepted.id);
  });

  it('agrees with checking one event at a time on shuffled batches', () => {
    const { make } = lifecycle();
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const kinds = Object.values(make);
    for (let round = 0; round < 200; round += 1) {
      const stored = random() < 0.7 ? [stamp(make.received(), STORED_AT)] : [];
      const events = Array.from({ length: 1 + Math.floor(random() * 5) }, () => (kinds[Math.floor(random() * kinds.length)] as () => DossierEvent)());
      if (random() < 0.5) events.sort(() => random() - 0.5);
      const added = events.map((event, index) => ({ event: stamp(event, PUSHED_AT), index }));
      expect(projectWithBatch(stored, added).refused?.index ?? null).toBe(firstRefusedOneByOne(stored, added));
    }
  });
});
