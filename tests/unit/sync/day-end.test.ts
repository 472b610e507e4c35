import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../renderer/store/replication-access.ts';
import { countDay, createDayTally, startOfLocalDay } from '../../../sync/client/day-end.ts';
import type { Rejection } from '../../../sync/client/rejections.ts';
import { memoryEventsCollections } from './memory-events.ts';

/** Issue 6 point 9: the day-end report counts the day, not only what its own cycle pushed. */

const OURS = '000.00.12.H23#1';
const THEIRS = '000.00.12.H23#2';
const HOUR = 3_600_000;
// 2026-11-22 in Vietnam: 00:00 there is 17:00 UTC the day before.
const MIDNIGHT = Date.parse('2026-11-21T17:00:00.000Z');

let counter = 0;
function doc(deskId: string, serverAt: number | null): EventDoc {
  counter += 1;
  const id = `0190a000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    dossierCode: `000.00.12.H23-261122-${1000 + counter}`,
    type: 'NOTE',
    at: new Date(MIDNIGHT).toISOString(),
    event: { id, deskId, serverAt: serverAt === null ? null : new Date(serverAt).toISOString(), type: 'NOTE' },
    personal: {},
  };
}

function rejection(eventId: string, at: number, message = 'Cán bộ không thuộc đơn vị.'): Rejection {
  return { eventId, dossierCode: '000.00.12.H23-261122-1001', type: 'RECEIVED', direction: 'push', code: 'event.unknown_officer', message, at };
}

describe('startOfLocalDay', () => {
  it('is midnight in Vietnam (UTC+7), whatever the time of day', () => {
    expect(startOfLocalDay(MIDNIGHT)).toBe(MIDNIGHT);
    expect(startOfLocalDay(MIDNIGHT + 23 * HOUR + 59 * 60_000)).toBe(MIDNIGHT);
    expect(startOfLocalDay(MIDNIGHT - 1)).toBe(MIDNIGHT - 24 * HOUR);
    // 16:30 UTC is still the evening before in Vietnam; 17:00 UTC is the next day there.
    expect(startOfLocalDay(Date.parse('2026-11-22T16:30:00Z'))).toBe(MIDNIGHT);
    expect(startOfLocalDay(Date.parse('2026-11-22T17:00:00Z'))).toBe(MIDNIGHT + 24 * HOUR);
  });
});

describe('createDayTally', () => {
  it('counts our events the server took today, by stamp or acknowledgement, once each', () => {
    const stampedToday = doc(OURS, MIDNIGHT + 8 * HOUR);
    const stampedYesterday = doc(OURS, MIDNIGHT - HOUR);
    const ackedToday = doc(OURS, null);
    const ackedYesterday = doc(OURS, null);
    const waiting = doc(OURS, null);
    const tally = createDayTally({
      deskId: OURS,
      since: MIDNIGHT,
      acknowledged: new Map([
        [ackedToday.id, MIDNIGHT + 9 * HOUR],
        [ackedYesterday.id, MIDNIGHT - 2 * HOUR],
        // Acknowledged, then read back stamped: one event, counted once.
        [stampedToday.id, MIDNIGHT + 8 * HOUR],
      ]),
      rejections: [],
    });
    for (const each of [stampedToday, stampedYesterday, ackedToday, ackedYesterday, waiting]) tally.add(each);
    expect(tally.totals()).toEqual({ since: MIDNIGHT, sent: 2, sentDossiers: 2, received: 0, receivedDossiers: 0, rejected: [] });
  });

  it('counts events of other desks as received, and nothing of ours', () => {
    const tally = createDayTally({ deskId: OURS, since: MIDNIGHT, acknowledged: new Map(), rejections: [] });
    tally.add(doc(THEIRS, MIDNIGHT + HOUR));
    tally.add(doc(THEIRS, MIDNIGHT - HOUR)); // written here today: it arrived today
    tally.add(doc(OURS, MIDNIGHT + HOUR));
    expect(tally.totals()).toMatchObject({ sent: 1, received: 2 });
  });

  it("lists today's refusals with their reasons, oldest first, and never counts them as sent", () => {
    const refused = doc(OURS, null);
    const later = rejection('later', MIDNIGHT + 10 * HOUR, 'Hồ sơ không thuộc đơn vị.');
    const earlier = rejection(refused.id, MIDNIGHT + 7 * HOUR);
    const yesterday = rejection('old', MIDNIGHT - HOUR);
    const tally = createDayTally({
      deskId: OURS,
      since: MIDNIGHT,
      acknowledged: new Map([[refused.id, MIDNIGHT + 7 * HOUR]]),
      rejections: [later, yesterday, earlier],
    });
    tally.add(refused);
    const totals = tally.totals();
    expect(totals.sent).toBe(0);
    expect(totals.rejected).toEqual([earlier, later]);
    expect(totals.rejected.map((r) => r.message)).toEqual(['Cán bộ không thuộc đơn vị.', 'Hồ sơ không thuộc đơn vị.']);
  });
});

describe('countDay', () => {
  const eventsCollection = memoryEventsCollections('dayend');

  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('reads only what was written on the desk since the start of the day, page after page', async () => {
    const events = await eventsCollection();
    // Before "midnight": our event sent earlier (stamped), one still waiting, another desk's.
    const early = Date.now();
    const sentBefore = doc(OURS, early);
    const waitingSinceYesterday = doc(OURS, null);
    await events.bulkInsert([sentBefore, waitingSinceYesterday, doc(THEIRS, early)]);
    await tick();
    const since = Date.now();
    await tick();

    // Since then: 600 events of another desk arrived (more than one page), two of ours were
    // taken by the server and read back stamped, and the one waiting since yesterday too.
    const stampedAt = Date.now();
    await events.bulkInsert(Array.from({ length: 600 }, () => doc(THEIRS, stampedAt)));
    await events.bulkInsert([doc(OURS, stampedAt), doc(OURS, stampedAt)]);
    await events.upsert({ ...waitingSinceYesterday, event: { ...waitingSinceYesterday.event, serverAt: new Date(stampedAt).toISOString() } });

    const totals = await countDay(events, { deskId: OURS, since, acknowledged: new Map(), rejections: [] });
    expect(totals).toEqual({ since, sent: 3, sentDossiers: 3, received: 600, receivedDossiers: 600, rejected: [] });
  });

  it('counts a push acknowledged today whose stamped copy has not come back yet', async () => {
    const events = await eventsCollection();
    const pending = doc(OURS, null);
    await events.insert(pending);
    await tick();
    const since = Date.now();
    const totals = await countDay(events, { deskId: OURS, since, acknowledged: new Map([[pending.id, since + 1]]), rejections: [] });
    expect(totals).toMatchObject({ sent: 1, received: 0 });
    // Written before the day began: its dossier is read from the store to be counted.
    expect(totals).toMatchObject({ sentDossiers: 1 });
  });

  it('counts dossiers as well as actions: six actions on one dossier are one dossier (issue 19 point 6)', async () => {
    const events = await eventsCollection();
    const since = Date.now();
    await tick();
    const stampedAt = Date.now();
    const first = doc(OURS, stampedAt);
    const sameDossier = Array.from({ length: 5 }, () => ({ ...doc(OURS, stampedAt), dossierCode: first.dossierCode }));
    const theirs = doc(THEIRS, stampedAt);
    await events.bulkInsert([first, ...sameDossier, theirs, { ...doc(THEIRS, stampedAt), dossierCode: theirs.dossierCode }]);
    const totals = await countDay(events, { deskId: OURS, since, acknowledged: new Map(), rejections: [] });
    expect(totals).toMatchObject({ sent: 6, sentDossiers: 1, received: 2, receivedDossiers: 1 });
  });
});
