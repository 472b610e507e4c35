import { describe, expect, it } from 'vitest';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import { pulledEventOf } from '../../../sync/client/event-docs.ts';
import { resolveOwnStamps } from '../../../sync/client/own-stamps.ts';
import { eventFactory, receivedPayload } from '../dossier/fixtures.ts';
import { memoryEventsCollections } from './memory-events.ts';

/** Issue 8 point 4: the desk does not download the bodies of its own events again. */

const eventsCollection = memoryEventsCollections('stamps');

const SERVER_AT = '2025-11-22T02:00:00.000Z';

describe('resolveOwnStamps', () => {
  it('rebuilds our events from the local copy plus the server time: the doc a whole event would give', async () => {
    const events = await eventsCollection();
    const factory = eventFactory();
    const mine = factory.make('RECEIVED', receivedPayload());
    const theirs = { ...factory.make('RECEIVED', receivedPayload()), deskId: '000.00.12.H23#2', serverAt: SERVER_AT, _deleted: false };
    await events.insert(eventDocOf(mine));
    const page = {
      documents: [{ id: mine.id, serverAt: SERVER_AT, stampOnly: true, _deleted: false }, theirs],
      checkpoint: { seq: 7 },
    };
    const resolved = await resolveOwnStamps(events, page);
    expect(resolved?.checkpoint).toEqual({ seq: 7 });
    expect(resolved?.documents[1]).toBe(theirs);
    const fromStamp = pulledEventOf(resolved!.documents[0]!);
    const fromWhole = pulledEventOf({ ...mine, serverAt: SERVER_AT, _deleted: false });
    expect(fromStamp.ok && fromWhole.ok).toBe(true);
    expect(fromStamp).toEqual(fromWhole);
  });

  it('passes pages without stamps (an older server) through untouched', async () => {
    const events = await eventsCollection();
    const page = { documents: [{ id: 'x', type: 'NOTE' }], checkpoint: { seq: 1 } };
    expect(await resolveOwnStamps(events, page)).toBe(page);
  });

  it('gives up (the caller pulls whole events) when a stamped event is not on the desk', async () => {
    const events = await eventsCollection();
    const page = { documents: [{ id: '0190a000-0000-7000-8000-000000000001', serverAt: SERVER_AT, stampOnly: true, _deleted: false }], checkpoint: { seq: 2 } };
    expect(await resolveOwnStamps(events, page)).toBeNull();
    expect(await resolveOwnStamps(events, { documents: [{ stampOnly: true }], checkpoint: { seq: 2 } })).toBeNull();
  });
});
