import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { withValueAt } from '../../support/event-text-fields.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { codeFor, eventually, receivedPayload, serverEventIds, UNIT } from './support/sync-world.ts';
import type { SyncWorld, TestDesk } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

const nextId = createEventIdGenerator({ now: Date.now, randomBytes: (n) => new Uint8Array(randomBytes(n)) });

/** Writes an event straight into the desk's log, past today's validation, as an older version of the app stored it. */
async function storedByAnOlderVersion<T extends EventType>(world: SyncWorld, desk: TestDesk, type: T, code: string, payload: PayloadInput<T>, path: Array<string | number>, text: string): Promise<DossierEvent> {
  const valid = createEvent({ type, dossierCode: code, officerId: world.officer.id, deskId: desk.enrollment.deskId, unitId: UNIT, payload }, { nextId, now: Date.now });
  // Signed in the officer's session as that version signed it, the poison included.
  const poisoned = desk.signer!.sign(withValueAt(valid, path, text) as DossierEvent);
  await desk.store.database.collections.events.insert(eventDocOf(poisoned));
  return poisoned;
}

/** Issue 18 point 1: no event stalls a desk's sync; what cannot go waits under "Chưa gửi được", with its reason and a way out. */
describe.each(serverTestDatabases())('events the desk cannot send ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('sends the good ones and those written after, quarantines the poisoned ones with the reason, holds what follows them, and sends all once corrected', async () => {
    const world = await worlds.start(1);
    const one = await worlds.desk(1);
    const day = new Date();
    const before = await one.receive(2);
    // A NUL in a name (no database can store it: it never reached any server), then the receipt's print…
    const nul = await storedByAnOlderVersion(world, one, 'RECEIVED', codeFor(1, 100, day), receivedPayload(day, 100), ['payload', 'applicant', 'fullName'], 'Nguy\u0000ễn Văn Số 100');
    const printed = await one.append('PRINTED', nul.dossierCode, { form: 'receipt', copies: 1, isCopy: false });
    // …and a right-to-left override in another (the server refuses it, naming it), then a note.
    const rlo = await storedByAnOlderVersion(world, one, 'RECEIVED', codeFor(1, 101, day), receivedPayload(day, 101), ['payload', 'applicant', 'fullName'], 'Trần \u202EThị Số 101');
    const note = await one.append('NOTE', rlo.dossierCode, { text: 'Hẹn trả đúng hạn' });
    const after = await one.receive(2);
    // The desk still lists both dossiers: its own log is read as it was written.
    expect((await one.store.dossiers.byCode(nul.dossierCode))?.state).toMatchObject({ applicantName: 'Nguy\u0000ễn Văn Số 100' });

    const sync = await one.startSync();
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ error: null, pendingAfter: 0 });
    expect((await serverEventIds(world, one)).sort()).toEqual([...before, ...after].map((e) => e.id).sort());

    const unsent = await sync.unsent.list();
    const byId = new Map(unsent.map((item) => [item.rejection.eventId, item]));
    expect([...byId.keys()].sort()).toEqual([nul.id, printed.id, rlo.id, note.id].sort());
    expect(byId.get(nul.id)?.rejection).toMatchObject({ code: 'event.forbidden_character', path: 'payload.applicant.fullName', correctable: true, dossierCode: nul.dossierCode, type: 'RECEIVED' });
    expect(byId.get(nul.id)?.rejection.message).toMatch(/^Họ và tên người nộp hồ sơ có ký tự không được phép \(ký tự điều khiển U\+0000, ở ký tự thứ 5\)/);
    // The server's own refusal, word for word the same rule.
    expect(byId.get(rlo.id)?.rejection).toMatchObject({ code: 'event.forbidden_character', path: 'payload.applicant.fullName', correctable: true });
    expect(byId.get(rlo.id)?.rejection.message).toMatch(/^Họ và tên người nộp hồ sơ có ký tự không được phép \(ký tự đảo chiều văn bản U\+202E, ở ký tự thứ 6\)/);
    expect(byId.get(printed.id)?.rejection).toMatchObject({ code: 'event.held', heldBy: nul.id });
    expect(byId.get(note.id)?.rejection).toMatchObject({ code: 'event.held', heldBy: rlo.id });
    expect(byId.get(nul.id)?.correction?.texts).toEqual([
      { path: ['payload', 'applicant', 'fullName'], label: 'Họ và tên người nộp hồ sơ', lines: 'one-line', before: 'Nguy\u0000ễn Văn Số 100', after: 'Nguyễn Văn Số 100' },
    ]);
    expect(byId.get(printed.id)?.correction).toBeNull();
    expect(sync.status()).toMatchObject({ rejected: 4, pending: 0 });

    // The officer confirms both corrections: the events go, and what waited behind them follows.
    await sync.unsent.correct(nul.id);
    await sync.unsent.correct(rlo.id);
    expect((await one.store.dossiers.byCode(nul.dossierCode))?.state).toMatchObject({ applicantName: 'Nguyễn Văn Số 100' });
    const second = await sync.dayEnd();
    expect(second).toMatchObject({ ok: true, error: null, pendingAfter: 0 });
    await eventually(async () => (await serverEventIds(world, one)).length === 8, 'all eight events on the server');
    expect((await serverEventIds(world, one)).sort()).toEqual([...before, nul, printed, rlo, note, ...after].map((e) => e.id).sort());
    expect(await sync.unsent.list()).toEqual([]);
    expect(sync.status()).toMatchObject({ rejected: 0, pending: 0 });

    await one.shutdown();
    await world.stopServer();
    const server = await world.serverState();
    expect(server.dossiers.get(nul.dossierCode)).toMatchObject({ applicantName: 'Nguyễn Văn Số 100' });
    expect(server.dossiers.get(rlo.dossierCode)).toMatchObject({ applicantName: 'Trần Thị Số 101' });
  }, 240_000);

  it('never quarantines on a 5xx: the event the server fails on waits, and goes once the server is put right', async () => {
    const NAME = 'Phạm Văn Lỗi';
    const constraint = sql`alter table events add constraint test_fails_on_this_name check (body->'payload'->'applicant'->>'fullName' is distinct from ${sql.lit(NAME)})`;
    const world = await worlds.start(1, async (db) => void (await constraint.execute(db)));
    const one = await worlds.desk(1);
    const day = new Date();
    const failing = await one.append('RECEIVED', codeFor(1, 50, day), { ...receivedPayload(day, 50), applicant: { fullName: NAME } });
    const sync = await one.startSync({ live: false });
    const report = await sync.dayEnd();
    expect(report.error).toMatch(/Máy chủ gặp lỗi/);
    expect(report.rejected).toEqual([]);
    expect(await sync.unsent.list()).toEqual([]);
    expect(sync.status()).toMatchObject({ rejected: 0, pending: 1 });

    await world.stopServer();
    const db = await openDatabase(world.target, { migrate: false });
    await sql`alter table events drop constraint test_fails_on_this_name`.execute(db.db);
    await db.close();
    await world.startServer();
    const again = await sync.dayEnd();
    expect(again).toMatchObject({ ok: true, error: null, pendingAfter: 0 });
    expect(await serverEventIds(world, one)).toEqual([failing.id]);
  }, 240_000);

});

/** The server's cap on a push is the same on both backends; one is enough for this slow test (1,001 events). */
describe.each(serverTestDatabases().slice(0, 1))('a batch refused without a name ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('halves a batch the server refuses without naming an event, and every half goes through', async () => {
    const world = await worlds.start(1);
    const one = await worlds.desk(1);
    // 1,001 receipts over two days, in one push batch: above the server's 1,000 a push, refused as a whole.
    const days = [new Date(Date.now() - 86_400_000), new Date()];
    const events = days.flatMap((day, d) =>
      Array.from({ length: d === 0 ? 999 : 2 }, (_, i) =>
        one.signer!.sign(
          createEvent({ type: 'RECEIVED', dossierCode: codeFor(1, i + 1, day), officerId: world.officer.id, deskId: one.enrollment.deskId, unitId: UNIT, payload: receivedPayload(day, i + 1) }, { nextId, now: Date.now }),
        ),
      ),
    );
    // Yesterday's receipts are from a desk enrolled before them (the server refuses a receipt older than its desk).
    await world.stopServer();
    const db = await openDatabase(world.target, { migrate: false });
    await sql`update desks set first_enrolled_at = ${new Date(Date.now() - 3 * 86_400_000)} where id = ${one.enrollment.deskId}`.execute(db.db);
    await db.close();
    await world.startServer();
    await one.store.database.collections.events.bulkInsert(events.map(eventDocOf));
    // One cycle, without the day-end's projection of 1,001 dossiers the test does not need.
    const sync = await one.startSync({ live: false, pushBatchSize: 1_100 });
    await sync.awaitInSync();
    expect((await serverEventIds(world, one)).length).toBe(1_001);
    expect(await sync.rejections()).toEqual([]);
  }, 240_000);
});
