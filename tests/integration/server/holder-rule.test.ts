import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import type { OfficerRecord } from '../../../sync/server/repositories/officers.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, receivedPayload, UNIT_A, UNIT_B, type TestDesk, type World } from './support/world.ts';

/** What the server holds of a dossier: its stored events and the public lookup's answer. */
async function snapshot(world: World, code: string) {
  const events = await sql<{ id: string }>`select id::text as id from events where dossier_code = ${code} order by seq`.execute(world.database.db);
  const lookup = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code)}` });
  return { events: events.rows.map((row) => row.id), lookup: { status: lookup.statusCode, body: lookup.json() as Record<string, unknown> } };
}

async function pushOk(world: World, desk: TestDesk, events: DossierEvent[]): Promise<void> {
  const response = await push(world.app, desk, events);
  expect(response.statusCode, response.body).toBe(200);
}

describe.each(serverTestDatabases())('only the unit holding a dossier writes to it, on $name', (database) => {
  const suite = worldPerSuite(database);

  /** Unit A receives a dossier, takes it in processing and transfers it to unit B. */
  async function transferredToB(): Promise<string> {
    const { world } = suite;
    const { deskA, officers } = world;
    const code = newDossierCode(deskA);
    await pushOk(world, deskA, [
      makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload()),
      makeEvent(deskA, officers.processingA!, 'ACCEPTED', code, {}),
      makeEvent(deskA, officers.receptionA!, 'TRANSFERRED', code, { toUnitId: UNIT_B }),
    ]);
    return code;
  }

  /** …and unit B accepts and resolves it: the result is at B. */
  async function resolvedAtB(): Promise<string> {
    const { world } = suite;
    const code = await transferredToB();
    await pushOk(world, world.deskB, [
      makeEvent(world.deskB, world.officers.processingB!, 'ACCEPTED', code, {}),
      makeEvent(world.deskB, world.officers.processingB!, 'RESOLVED', code, { resultSummary: 'Đã cấp giấy' }),
    ]);
    return code;
  }

  const late: Array<{ type: EventType; officer: 'receptionA' | 'processingA' | 'leaderA'; payload: PayloadInput<EventType>; setup: () => Promise<string> }> = [
    { type: 'RESOLVED', officer: 'processingA', payload: { resultSummary: 'Kết quả giả' }, setup: transferredToB },
    { type: 'RETURNED', officer: 'receptionA', payload: { collectedBy: { fullName: 'Nguyễn Văn An' } }, setup: resolvedAtB },
    { type: 'WITHDRAWN', officer: 'receptionA', payload: { reason: 'Công dân xin rút' }, setup: transferredToB },
    { type: 'REFUSED', officer: 'receptionA', payload: { reason: 'Không đủ điều kiện' }, setup: transferredToB },
    { type: 'TRANSFERRED', officer: 'leaderA', payload: { toUnitId: UNIT_A }, setup: transferredToB },
  ];

  it.each(late)('refuses $type from the unit that transferred the dossier away: 409 naming it, nothing stored, lookup unchanged', async ({ type, officer, payload, setup }) => {
    const { world } = suite;
    const code = await setup();
    const before = await snapshot(world, code);
    // A good event of another dossier in the same batch is not stored either: a push is all or nothing.
    const other = newDossierCode(world.deskA);
    const good = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', other, receivedPayload());
    const bad = makeEvent(world.deskA, world.officers[officer]!, type, code, payload as never);
    const response = await push(world.app, world.deskA, [good, bad]);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'transition.wrong_unit', message: expect.stringContaining(`đang do đơn vị ${UNIT_B} giữ`), eventId: bad.id },
    });
    expect(await snapshot(world, code)).toEqual(before);
    expect((await snapshot(world, other)).events).toEqual([]);
  });

  it('lets the holder act, hand the result back, and the receiving unit return it', async () => {
    const { world } = suite;
    const { deskA, deskB, officers } = world;
    const code = await resolvedAtB();
    expect((await snapshot(world, code)).lookup.body).toMatchObject({ status: 9, currentUnit: { id: UNIT_B } });

    // Only to the receiving unit, and only by the holder.
    const elsewhere = makeEvent(deskB, officers.processingB as OfficerRecord, 'TRANSFERRED', code, { toUnitId: '000.00.00.H23' });
    const refused = await push(world.app, deskB, [elsewhere]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'transition.hand_back_elsewhere', eventId: elsewhere.id });

    await pushOk(world, deskB, [makeEvent(deskB, officers.processingB!, 'TRANSFERRED', code, { toUnitId: UNIT_A, note: 'Chuyển trả kết quả' })]);
    expect((await snapshot(world, code)).lookup.body).toMatchObject({ status: 9, currentUnit: { id: UNIT_A } });
    await pushOk(world, deskA, [
      makeEvent(deskA, officers.receptionA!, 'PRINTED', code, { form: 'receipt', copies: 1, isCopy: true }),
      makeEvent(deskA, officers.receptionA!, 'RETURNED', code, { collectedBy: { fullName: 'Nguyễn Văn An' } }),
    ]);
    const after = await snapshot(world, code);
    expect(after.lookup.body).toMatchObject({ status: 10, currentUnit: { id: UNIT_A } });
    expect(after.events).toHaveLength(8);

    // B handed it back: B writes nothing more on it.
    const note = makeEvent(deskB, officers.processingB!, 'NOTE', code, { text: 'Ghi chú muộn' });
    const tooLate = await push(world.app, deskB, [note]);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error).toMatchObject({ code: 'transition.wrong_unit', eventId: note.id });
  });
});
