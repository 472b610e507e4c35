import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TODAY_STATUSES, toListQuery } from '../../../renderer/screens/alerts/alert-queries.ts';
import type { AlertKind, AlertQuery } from '../../../renderer/screens/alerts/alert-queries.ts';
import { countOf } from '../../../renderer/screens/alerts/use-alerts.ts';
import { RUNNING_STATUSES } from '../../../renderer/components/deadline-view.ts';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent, type EventType, type PayloadInput } from '../../../src/dossier/events.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { AGENCY, START, codeOf, openTestStore, receivedPayload } from './fixtures.ts';

// Issue 21 point 5: a desk's deadline alerts count the dossiers its unit holds. One transferred to
// another unit alerts at that unit's desk, and here again once handed back; a projection with no
// holder unit recorded (legacy) counts as held here.

const UNIT_B = '000.00.13.H23';
const now = new Date(START).toISOString(); // 08:00 in Vietnam, 24/11/2025
const OVERDUE = '2025-11-24T00:30:00.000Z';
const LATER_TODAY = '2025-11-24T09:00:00.000Z';
const RECEIVED_AT = '2025-11-19T02:00:00.000Z';

const queries: Record<AlertKind, AlertQuery> = {
  overdue: { statuses: RUNNING_STATUSES, deadline: { before: now } },
  'due-soon': { statuses: RUNNING_STATUSES, deadline: { from: now, before: '2025-11-25T01:00:00.000Z' } },
  today: { statuses: TODAY_STATUSES, deadline: { from: '2025-11-23T17:00:00.000Z', before: '2025-11-24T17:00:00.000Z' } },
};

// One id generator for the file: event ids grow in the order events are made.
const nextId = createEventIdGenerator({ now: () => START, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
function eventAt<T extends EventType>(unitId: string, officerId: string, type: T, dossierCode: string, payload: PayloadInput<T>) {
  return createEvent({ type, dossierCode, officerId, deskId: `${unitId}#1`, unitId, payload }, { nextId, now: () => START });
}
const here = <T extends EventType>(type: T, code: string, payload: PayloadInput<T>) => eventAt(AGENCY, 'officer-1', type, code, payload);
const atB = <T extends EventType>(type: T, code: string, payload: PayloadInput<T>) => eventAt(UNIT_B, 'officer-b', type, code, payload);

let store: DeskStore;
afterEach(async () => {
  await store.close();
});

/** What the alerts screen of this desk shows for one kind: the count, the list, the "nobody named" row, a name search. */
async function alert(kind: AlertKind) {
  const list = toListQuery(queries[kind], AGENCY, null, 50);
  return {
    total: await countOf(store, queries[kind], AGENCY),
    list: (await store.dossiers.query(list)).items.map((d) => d.code).sort(),
    unassigned: await countOf(store, queries[kind], AGENCY, ''),
    named: (await store.dossiers.query({ ...list, nameQuery: 'an' })).items.map((d) => d.code).sort(),
  };
}

/** Rewrites the stored projection's holder unit, as a projection from before the field would have it. */
async function setStoredHolderUnit(code: string, holderUnitId: string | undefined): Promise<void> {
  const doc = await store.database.collections.dossiers.findOne(code).exec();
  if (!doc) throw new Error(`no projection of ${code}`);
  const { holderUnitId: _old, ...state } = doc.toMutableJSON().state;
  await doc.incrementalPatch({ state: holderUnitId === undefined ? state : { ...state, holderUnitId } });
}

describe('deadline alerts count the dossiers this unit holds', () => {
  it('leaves out a dossier transferred away, counts it again once handed back, and counts a legacy one', async () => {
    const name = `held${Date.now()}`;
    store = await openTestStore({ name });
    const [heldHere, away, legacyEmpty, legacyMissing, resolvedAway] = [codeOf(1), codeOf(2), codeOf(3), codeOf(4), codeOf(5)] as const;
    for (const code of [heldHere, away, legacyEmpty, legacyMissing]) {
      await store.events.append(here('RECEIVED', code, receivedPayload({ name: 'Nguyễn Văn An', receivedAt: RECEIVED_AT, dueAt: OVERDUE })));
    }
    await store.events.append(here('RECEIVED', resolvedAway, receivedPayload({ name: 'Trần Thị An', receivedAt: RECEIVED_AT, dueAt: LATER_TODAY })));
    await setStoredHolderUnit(legacyEmpty, '');
    await setStoredHolderUnit(legacyMissing, undefined);
    const everyOverdue = [heldHere, away, legacyEmpty, legacyMissing].sort();
    expect(await alert('overdue')).toEqual({ total: 4, list: everyOverdue, unassigned: 0, named: everyOverdue });

    // Sent to unit B (nobody named there yet): B's desk raises its alerts, this one no longer does.
    await store.events.append(here('TRANSFERRED', away, { toUnitId: UNIT_B }));
    const stillHere = [heldHere, legacyEmpty, legacyMissing].sort();
    expect(await alert('overdue')).toEqual({ total: 3, list: stillHere, unassigned: 0, named: stillHere });
    expect((await store.dossiers.counts({ statuses: RUNNING_STATUSES }))[DossierStatus.Received]).toBe(5); // every dossier the desk knows
    await store.events.append(atB('ACCEPTED', away, {}));
    expect((await alert('overdue')).total).toBe(3);

    // B hands it back unfinished: it alerts here again.
    await store.events.append(atB('TRANSFERRED', away, { toUnitId: AGENCY, toOfficerId: 'officer-1' }));
    expect(await alert('overdue')).toEqual({ total: 4, list: everyOverdue, unassigned: 0, named: everyOverdue });

    // A component resolved at B waits there: not today's appointment here until its result comes back.
    await store.events.append(here('TRANSFERRED', resolvedAway, { toUnitId: UNIT_B }));
    await store.events.append(atB('ACCEPTED', resolvedAway, {}));
    await store.events.append(atB('RESOLVED', resolvedAway, {}));
    expect((await alert('today')).list).toEqual(everyOverdue);
    expect((await alert('today')).total).toBe(4);
    await store.events.append(atB('TRANSFERRED', resolvedAway, { toUnitId: AGENCY }));
    const today = await alert('today');
    expect(today.list).toEqual([...everyOverdue, resolvedAway].sort());
    expect(today).toMatchObject({ total: 5, unassigned: 1 });
    await store.close();

    // Reopened: the in-memory index loads the holder units from the stored projections.
    store = await openTestStore({ name });
    await store.events.append(here('TRANSFERRED', heldHere, { toUnitId: UNIT_B }));
    const afterReopen = [away, legacyEmpty, legacyMissing].sort();
    expect(await alert('overdue')).toEqual({ total: 3, list: afterReopen, unassigned: 0, named: afterReopen });
    expect((await alert('today')).total).toBe(4);
    // Page by page, the page cut after the filter: the first dossier in due order is held elsewhere.
    const onePerPage = toListQuery(queries.overdue, AGENCY, null, 1);
    const first = await store.dossiers.query(onePerPage);
    expect(first.items.map((d) => d.code)).toEqual([away]);
    const second = await store.dossiers.query({ ...onePerPage, cursor: first.nextCursor });
    expect(second.items.map((d) => d.code)).toEqual([legacyEmpty]);
  });

  it('counts a closed status by holder unit too (read from the documents, no index has it)', async () => {
    store = await openTestStore();
    for (const n of [1, 2]) await store.events.append(here('RECEIVED', codeOf(n), receivedPayload({ receivedAt: RECEIVED_AT, dueAt: OVERDUE })));
    await store.events.append(here('WITHDRAWN', codeOf(1), { reason: 'Công dân rút hồ sơ' }));
    await store.events.append(here('TRANSFERRED', codeOf(2), { toUnitId: UNIT_B }));
    await store.events.append(atB('ACCEPTED', codeOf(2), {}));
    await store.events.append(atB('WITHDRAWN', codeOf(2), { reason: 'Công dân rút hồ sơ' }));
    expect((await store.dossiers.counts())[DossierStatus.Withdrawn]).toBe(2);
    expect((await store.dossiers.counts({ holderUnit: AGENCY }))[DossierStatus.Withdrawn]).toBe(1);
    expect((await store.dossiers.counts({ holderUnit: UNIT_B }))[DossierStatus.Withdrawn]).toBe(1);
  });
});
