import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DossierEvent, PayloadInput } from '../../../src/dossier/events.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { loadMigrations, runMigrations } from '../../../sync/server/db/migrate.ts';
import { addDesk, issueEnrollmentCode, redeemEnrollmentCode } from '../../../sync/server/repositories/desks.ts';
import type { DeskHealthRow } from '../../../sync/server/reports/desk-health.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, PASSWORD, push, receivedPayload, UNIT_A, type TestDesk, type World } from './support/world.ts';
import { dashboardLogin } from './support/dashboard.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const EPOCH = Date.parse('1970-01-01T00:00:00.000Z');
const Y2001 = Date.parse('2001-09-01T02:00:00.000Z');

/** A receipt as a desk whose clock reads `at` writes it: receipt time, desk time and due from that clock. */
function receiptAt(at: number): PayloadInput<'RECEIVED'> {
  return { ...receivedPayload(), receivedAt: new Date(at).toISOString(), dueAt: new Date(at + 3 * DAY).toISOString() };
}

function receivedOn(world: World, desk: TestDesk, at: number): DossierEvent {
  return makeEvent(desk, world.officers.receptionA!, 'RECEIVED', newDossierCode(desk), receiptAt(at), () => at);
}

async function storedFlags(world: World, id: string) {
  return world.database.db.selectFrom('events').select(['clock_skew_flag', 'date_flags']).where('id', '=', id).executeTakeFirst();
}

async function firstEnrolment(world: World, deskId: string): Promise<number> {
  const row = await world.database.db.selectFrom('desks').select('first_enrolled_at').where('id', '=', deskId).executeTakeFirstOrThrow();
  return new Date(row.first_enrolled_at as Date).getTime();
}

async function leaderCookie(world: World): Promise<string> {
  return dashboardLogin(world.app, { unit: UNIT_A, username: 'leadera', password: PASSWORD });
}

describe.each(serverTestDatabases())('event dates on $name', (database) => {
  const suite = worldPerSuite(database);

  it('refuses a receipt dated before the desk was enrolled (1970, 2001) or more than a day ahead, naming it; nothing stored', async () => {
    const { world } = suite;
    const enrolled = await firstEnrolment(world, world.deskA.id);
    for (const [at, code] of [
      [EPOCH, 'event.received_before_enrolment'],
      [Y2001, 'event.received_before_enrolment'],
      [enrolled - 11 * MINUTE, 'event.received_before_enrolment'],
      [Date.now() + 3 * DAY, 'event.received_in_future'],
      [Date.now() + DAY + 5 * MINUTE, 'event.received_in_future'],
    ] as const) {
      const good = receivedOn(world, world.deskA, Date.now());
      const bad = receivedOn(world, world.deskA, at);
      const response = await push(world.app, world.deskA, [good, bad]);
      expect(response.statusCode, `${new Date(at).toISOString()}: ${response.body}`).toBe(422);
      expect(response.json()).toEqual({ error: { code, message: expect.stringContaining(bad.dossierCode), eventId: bad.id, path: 'payload.receivedAt' } });
      expect(response.json().error.message).toMatch(/đồng hồ máy tính của quầy/);
      expect(await storedFlags(world, good.id)).toBeUndefined();
      expect(await storedFlags(world, bad.id)).toBeUndefined();
    }
  });

  it('accepts receipts just inside the limits, unflagged', async () => {
    const { world } = suite;
    const enrolled = await firstEnrolment(world, world.deskA.id);
    const slowAfterEnrolment = receivedOn(world, world.deskA, enrolled - 9 * MINUTE);
    const almostADayAhead = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', newDossierCode(world.deskA), receiptAt(Date.now() + DAY - 5 * MINUTE));
    const fastClock = receivedOn(world, world.deskA, Date.now() + 9 * MINUTE);
    const response = await push(world.app, world.deskA, [slowAfterEnrolment, almostADayAhead, fastClock]);
    expect(response.statusCode, response.body).toBe(200);
    for (const event of [slowAfterEnrolment, almostADayAhead, fastClock]) {
      expect(await storedFlags(world, event.id)).toEqual({ clock_skew_flag: false, date_flags: [] });
    }
  });

  it('stores, and flags with the reason, events whose desk time is before the enrolment or more than 10 minutes ahead', async () => {
    const { world } = suite;
    const { deskA, officers } = world;
    const enrolled = await firstEnrolment(world, deskA.id);
    const code = newDossierCode(deskA);
    const received = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
    const note = (at: number) => makeEvent(deskA, officers.receptionA!, 'NOTE', code, { text: `Ghi chú lúc ${new Date(at).toISOString()}` }, () => at);
    const epoch = note(EPOCH);
    const y2001 = note(Y2001);
    const justBefore = note(enrolled - 11 * MINUTE);
    const insideBefore = note(enrolled - 9 * MINUTE);
    const ahead = note(Date.now() + 3 * DAY);
    const insideAhead = note(Date.now() + 9 * MINUTE);
    const response = await push(world.app, deskA, [received, epoch, y2001, justBefore, insideBefore, ahead, insideAhead]);
    expect(response.statusCode, response.body).toBe(200);
    for (const event of [epoch, y2001, justBefore]) expect(await storedFlags(world, event.id)).toEqual({ clock_skew_flag: true, date_flags: ['before_enrolment'] });
    expect(await storedFlags(world, ahead.id)).toEqual({ clock_skew_flag: true, date_flags: ['ahead'] });
    for (const event of [received, insideBefore, insideAhead]) expect(await storedFlags(world, event.id)).toEqual({ clock_skew_flag: false, date_flags: [] });

    // A batch sent by a desk whose clock said it was 3 days ahead: every event carries both reasons.
    const later = makeEvent(deskA, officers.receptionA!, 'NOTE', code, { text: 'Đồng hồ nhanh' }, () => Date.now() + 3 * DAY);
    const skewed = await push(world.app, deskA, [later], { 'x-desk-time': new Date(Date.now() + 3 * DAY).toISOString() });
    expect(skewed.statusCode, skewed.body).toBe(200);
    expect(await storedFlags(world, later.id)).toEqual({ clock_skew_flag: true, date_flags: ['desk_clock', 'ahead'] });
  });

  it('keeps the first enrolment through a re-enrolment: older events of the desk stay legal and unflagged', async () => {
    const { world } = suite;
    const db = world.database.db;
    const firstAt = new Date(Date.now() - 30 * DAY);
    const issued = await addDesk(db, { unitId: UNIT_A, slot: 7 }, firstAt);
    await redeemEnrollmentCode(db, issued.code, firstAt);
    // Reinstalled today: a new code, a new credential.
    const again = await issueEnrollmentCode(db, issued.desk.id);
    const enrolled = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: again.code } });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const desk: TestDesk = { id: issued.desk.id, unitId: UNIT_A, slot: 7, credential: (enrolled.json() as { credential: string }).credential };
    const row = await db.selectFrom('desks').select(['first_enrolled_at', 'enrolled_at']).where('id', '=', desk.id).executeTakeFirstOrThrow();
    expect(new Date(row.first_enrolled_at as Date).getTime()).toBe(firstAt.getTime());
    expect(Date.now() - new Date(row.enrolled_at as Date).getTime()).toBeLessThan(5 * MINUTE);

    // Received ten days ago, before the reinstall, sent now with the new credential.
    const beforeReinstall = receivedOn(world, desk, Date.now() - 10 * DAY);
    const pushed = await push(world.app, desk, [beforeReinstall]);
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(await storedFlags(world, beforeReinstall.id)).toEqual({ clock_skew_flag: false, date_flags: [] });
    const beforeTheDesk = receivedOn(world, desk, firstAt.getTime() - DAY);
    const refused = await push(world.app, desk, [beforeTheDesk]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'event.received_before_enrolment', eventId: beforeTheDesk.id });
  });

  it('lists each desk’s flagged events on the desk health of what the viewer may see (JSON and /bao-cao)', async () => {
    const { world } = suite;
    const { deskA, deskB, officers } = world;
    const code = newDossierCode(deskA);
    const received = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
    const old = makeEvent(deskA, officers.receptionA!, 'NOTE', code, { text: 'Đồng hồ về 1970' }, () => EPOCH);
    expect((await push(world.app, deskA, [received, old])).statusCode).toBe(200);
    const codeB = newDossierCode(deskB);
    const aheadB = makeEvent(deskB, officers.receptionB!, 'RECEIVED', codeB, receivedPayload(), () => Date.now() + 3 * DAY);
    expect((await push(world.app, deskB, [aheadB])).statusCode).toBe(200);

    const cookie = await leaderCookie(world);
    const response = await world.app.inject({ method: 'GET', url: '/api/reports/desk-health', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const desks = (response.json() as { desks: DeskHealthRow[] }).desks;
    expect(desks.map((d) => d.deskId)).not.toContain(deskB.id);
    const rowA = desks.find((d) => d.deskId === deskA.id);
    expect(rowA?.flaggedEvents[0]).toEqual({
      eventId: old.id,
      dossierCode: code,
      type: 'NOTE',
      deskTime: '1970-01-01T00:00:00.000Z',
      serverTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      reasons: ['before_enrolment'],
    });
    expect(rowA?.flaggedCount).toBeGreaterThanOrEqual(1);
    expect(Math.abs(Date.parse(rowA?.flaggedEvents[0]?.serverTime ?? '') - Date.now())).toBeLessThan(5 * MINUTE);
    const flaggedIds = desks.flatMap((d) => d.flaggedEvents.map((e) => e.eventId));
    expect(flaggedIds).not.toContain(aheadB.id);

    const page = await world.app.inject({ method: 'GET', url: '/bao-cao', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const table = page.body.slice(page.body.indexOf('data-testid="flagged-events"'));
    // The desk by name, its id as secondary text (issue 19 point 6).
    expect(table).toContain(`<tr data-event="${old.id}"><td>Quầy ${deskA.slot} – UBND xã Tân Lập <span class="muted id">${deskA.id}</span></td><td>${code}</td><td>Ghi chú</td>`);
    expect(table).toContain('07:00 01/01/1970');
    expect(table).toContain('Giờ trên quầy trước khi quầy được kích hoạt');
    expect(page.body).not.toContain(codeB);
  });

});

describe.each(serverTestDatabases())('migration 0007 on $name', (database) => {
  it('keeps the first enrolment of a re-enrolled desk and judges the events stored before it once, by the same rules', async () => {
    const opened = await openDatabase(await database.target(), { migrate: false });
    try {
      const db = opened.db;
      const migrations = loadMigrations();
      await runMigrations(db as Kysely<unknown>, migrations.filter((m) => m.version < 7));
      const firstAt = Date.parse('2026-03-02T01:00:00.000Z');
      const reenrolledAt = Date.parse('2026-06-01T01:00:00.000Z');
      await sql`insert into units (id, name, level) values (${UNIT_A}, 'Phường thử', 'commune')`.execute(db);
      await sql`insert into officers (id, unit_id, username, full_name, role, password_verifier) values ('cb', ${UNIT_A}, 'cb', 'Cán bộ', 'reception', 'x')`.execute(db);
      await sql`insert into desks (id, unit_id, slot, credential_hash, enrolled_at) values (${`${UNIT_A}#1`}, ${UNIT_A}, 1, 'h', ${new Date(reenrolledAt)})`.execute(db);
      for (const usedAt of [firstAt, reenrolledAt]) {
        await sql`insert into enrollment_codes (code_hash, desk_id, expires_at, used_at) values (${`c${usedAt}`}, ${`${UNIT_A}#1`}, ${new Date(usedAt + DAY)}, ${new Date(usedAt)})`.execute(db);
      }
      const serverAt = Date.parse('2026-07-01T01:00:00.000Z');
      const rows = [
        { id: '019a0000-0000-7000-8000-000000000001', at: EPOCH, skewFlag: false },
        { id: '019a0000-0000-7000-8000-000000000002', at: serverAt + 3 * DAY, skewFlag: true },
        { id: '019a0000-0000-7000-8000-000000000003', at: serverAt, skewFlag: true },
        { id: '019a0000-0000-7000-8000-000000000004', at: firstAt + DAY, skewFlag: false },
      ];
      for (const row of rows) {
        const body = JSON.stringify({ id: row.id, at: new Date(row.at).toISOString(), type: 'NOTE' });
        await sql`insert into events (id, dossier_code, type, unit_id, desk_id, officer_id, body, body_hash, server_at, clock_skew_flag)
          values (${row.id}, 'x', 'NOTE', ${UNIT_A}, ${`${UNIT_A}#1`}, 'cb', ${body}::jsonb, ${row.id}, ${new Date(serverAt)}, ${row.skewFlag})`.execute(db);
      }
      await runMigrations(db as Kysely<unknown>, migrations);

      const desk = await db.selectFrom('desks').select('first_enrolled_at').executeTakeFirstOrThrow();
      expect(new Date(desk.first_enrolled_at as Date).getTime()).toBe(firstAt);
      const stored = await db.selectFrom('events').select(['id', 'clock_skew_flag', 'date_flags']).orderBy('seq').execute();
      expect(stored.map(({ clock_skew_flag, date_flags }) => ({ clock_skew_flag, date_flags }))).toEqual([
        { clock_skew_flag: true, date_flags: ['before_enrolment'] },
        { clock_skew_flag: true, date_flags: ['ahead'] },
        { clock_skew_flag: true, date_flags: ['desk_clock'] },
        { clock_skew_flag: false, date_flags: [] },
      ]);
      // The event log is append-only again.
      await expect(sql`update events set clock_skew_flag = false`.execute(db)).rejects.toThrow(/append-only/);
    } finally {
      await opened.close();
      await database.cleanup();
    }
  });
});
