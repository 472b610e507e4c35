import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addOfficer } from '../../../sync/server/repositories/officers.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed, makeEvent, newDossierCode, pullAll, push, receivedPayload, UNIT_A, UNIT_B, type World } from './support/world.ts';

async function counts(world: World) {
  const result = await sql<{ events: number; feed: number; dossiers: number }>`select
    (select count(*)::int from events) as events,
    (select count(*)::int from unit_feed) as feed,
    (select count(*)::int from dossiers) as dossiers`.execute(world.database.db);
  return result.rows[0];
}

describe.each(serverTestDatabases())('event replication on $name', (database) => {
  const suite = worldPerSuite(database);

  it('stores a pushed batch once, stamps server time, and serves it to the unit\u2019s desks only', async () => {
    const { deskA, deskA2, deskB, officers } = suite.world;
    const code = newDossierCode(deskA);
    const received = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
    const printed = makeEvent(deskA, officers.receptionA!, 'PRINTED', code, { form: 'receipt', copies: 1, isCopy: false });
    const first = await push(suite.world.app, deskA, [received, printed]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ conflicts: [], accepted: 2, duplicates: 0, clockSkewed: false });

    const retry = await push(suite.world.app, deskA, [received, printed]);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ conflicts: [], accepted: 0, duplicates: 2 });

    const pulledA2 = await pullAll(suite.world.app, deskA2);
    expect(pulledA2.documents.map((d) => d.id)).toEqual([received.id, printed.id]);
    expect(pulledA2.documents[0]).toMatchObject({ ...received, serverAt: expect.any(String), _deleted: false });
    expect(Math.abs(Date.parse(String(pulledA2.documents[0]?.serverAt)) - Date.now())).toBeLessThan(60_000);
    expect((await pullAll(suite.world.app, deskB)).documents).toEqual([]);

    // Pushing back what was pulled (with its server time) is still the same event.
    const echo = await push(suite.world.app, deskA2, []);
    expect(echo.statusCode).toBe(200);
    const echoed = await push(suite.world.app, deskA, [pulledA2.documents[0]]);
    expect(echoed.json()).toMatchObject({ duplicates: 1 });

    const projection = await suite.world.database.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(projection).toMatchObject({ status: 2, receiving_unit_id: UNIT_A, holder_unit_id: UNIT_A, procedure_code: '1.001193' });
  });

  it('gives a unit the whole history of a dossier transferred to it, past its checkpoint', async () => {
    const { deskA, deskB, officers } = suite.world;
    const before = await pullAll(suite.world.app, deskB);
    const code = newDossierCode(deskA);
    const received = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
    expect((await push(suite.world.app, deskA, [received])).statusCode).toBe(200);
    expect((await pullAll(suite.world.app, deskB, before.checkpoint)).documents).toEqual([]);

    const transferred = makeEvent(deskA, officers.receptionA!, 'TRANSFERRED', code, { toUnitId: UNIT_B });
    expect((await push(suite.world.app, deskA, [transferred])).statusCode).toBe(200);
    const after = await pullAll(suite.world.app, deskB, before.checkpoint);
    expect(after.documents.map((d) => d.id)).toEqual([received.id, transferred.id]);

    const accepted = makeEvent(deskB, officers.processingB!, 'ACCEPTED', code, {});
    const resolved = makeEvent(deskB, officers.processingB!, 'RESOLVED', code, {});
    expect((await push(suite.world.app, deskB, [accepted, resolved])).statusCode).toBe(200);
    const seenByA = await pullAll(suite.world.app, deskA);
    expect(seenByA.documents.map((d) => d.id)).toEqual(expect.arrayContaining([accepted.id, resolved.id]));
    const projection = await suite.world.database.db.selectFrom('dossiers').select(['status', 'holder_unit_id']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(projection).toEqual({ status: 9, holder_unit_id: UNIT_B });
  });

  it('reports and flags a desk clock more than 10 minutes off', async () => {
    const { deskA, officers } = suite.world;
    const code = newDossierCode(deskA);
    const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
    const response = await push(suite.world.app, deskA, [event], { 'x-desk-time': new Date(Date.now() - 15 * 60_000).toISOString() });
    expect(response.statusCode).toBe(200);
    expect(response.json().clockSkewed).toBe(true);
    expect(response.json().clockSkewMs).toBeLessThan(-14 * 60_000);
    const row = await suite.world.database.db.selectFrom('events').select('clock_skew_flag').where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(row.clock_skew_flag).toBe(true);
  });

  describe('hostile input: refused with a clear error, nothing stored, server healthy', () => {
    const cases: Array<{ name: string; status: number; code: string; build: (w: World) => { rows?: unknown; raw?: string; events?: unknown[]; desk?: 'A' | 'B'; headers?: Record<string, string>; eventIndex?: number } }> = [
      {
        name: 'an event for another unit',
        status: 403,
        code: 'event.wrong_unit',
        build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), unitId: UNIT_B }] }),
      },
      {
        name: 'an event signed by another desk',
        status: 403,
        code: 'event.wrong_desk',
        build: (w) => ({ events: [makeEvent(w.deskA2, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA2), receivedPayload())] }),
      },
      {
        name: 'a forged officer',
        status: 403,
        code: 'event.unknown_officer',
        build: (w) => ({ events: [makeEvent(w.deskA, { ...w.officers.receptionA!, id: 'ke-gia-mao' }, 'RECEIVED', newDossierCode(w.deskA), receivedPayload())] }),
      },
      {
        name: 'an officer of another unit',
        status: 403,
        code: 'event.unknown_officer',
        build: (w) => ({ events: [makeEvent(w.deskA, w.officers.receptionB!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload())] }),
      },
      {
        name: 'a role that may not record the action',
        status: 403,
        code: 'event.role_forbidden',
        build: (w) => ({ events: [makeEvent(w.deskA, w.officers.processingA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload())] }),
      },
      {
        name: 'a forged server time',
        status: 400,
        code: 'event.forged_server_time',
        build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), serverAt: '2020-01-01T00:00:00.000Z' }] }),
      },
      {
        name: 'a dossier code outside the desk\u2019s range',
        status: 403,
        code: 'event.code_not_yours',
        build: (w) => ({ events: [makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA2), receivedPayload())] }),
      },
      {
        name: 'an illegal transition (resolving a dossier never accepted)',
        status: 409,
        code: 'transition.illegal',
        build: (w) => {
          const code = newDossierCode(w.deskA);
          return {
            events: [
              makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()),
              makeEvent(w.deskA, w.officers.processingA!, 'RESOLVED', code, {}),
            ],
            eventIndex: 1,
          };
        },
      },
      {
        name: 'an action on a dossier never received',
        status: 409,
        code: 'transition.not_received',
        build: (w) => ({ events: [makeEvent(w.deskA, w.officers.receptionA!, 'NOTE', newDossierCode(w.deskA), { text: 'ghi chú' })] }),
      },
      {
        name: 'a transfer to a unit that does not exist',
        status: 422,
        code: 'event.unknown_unit',
        build: (w) => {
          const code = newDossierCode(w.deskA);
          return {
            events: [
              makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()),
              makeEvent(w.deskA, w.officers.receptionA!, 'TRANSFERRED', code, { toUnitId: '000.00.99.H23' }),
            ],
            eventIndex: 1,
          };
        },
      },
      {
        name: 'a bad event schema',
        status: 400,
        code: 'event.bad_shape',
        build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), type: 'DESTROYED' }] }),
      },
      {
        name: 'an unknown extra field',
        status: 400,
        code: 'event.bad_shape',
        build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), isAdmin: true }] }),
      },
      {
        name: 'SQL injection in the dossier code',
        status: 400,
        code: 'event.bad_shape',
        build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), dossierCode: "x'); drop table events; --" }] }),
      },
      {
        name: 'an event over 64 KB',
        status: 413,
        code: 'event.too_large',
        build: (w) => {
          const payload = receivedPayload();
          payload.papers = Array.from({ length: 100 }, (_, i) => ({ name: `Giấy ${i} ${'x'.repeat(280)}`, originals: 1, copies: 1 }));
          payload.notes = 'ư'.repeat(2000);
          const event = makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), payload);
          return { events: [{ ...event, payload: { ...event.payload, applicant: { ...event.payload, fullName: 'A' } } }] };
        },
      },
      { name: 'malformed JSON', status: 400, code: 'request.bad_json', build: () => ({ raw: '[{"assumedMasterState": null, "newDocumentState": {' }) },
      { name: 'a body that is not a list of rows', status: 400, code: 'request.invalid', build: () => ({ rows: { newDocumentState: {} } }) },
      { name: 'a request over 1 MB', status: 413, code: 'request.too_large', build: () => ({ raw: JSON.stringify([{ newDocumentState: 'x'.repeat(1_100_000) }]) }) },
      { name: 'a deleted event', status: 400, code: 'event.delete_forbidden', build: (w) => ({ events: [{ ...makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', newDossierCode(w.deskA), receivedPayload()), _deleted: true }] }) },
      { name: 'a bad X-Desk-Time', status: 400, code: 'request.invalid', build: () => ({ events: [], headers: { 'x-desk-time': "now'; --" } }) },
    ];

    it.each(cases)('$name → $status $code', async ({ status, code, build }) => {
      const before = await counts(suite.world);
      const built = build(suite.world);
      const desk = built.desk === 'B' ? suite.world.deskB : suite.world.deskA;
      const payload = built.raw ?? JSON.stringify(built.rows ?? (built.events ?? []).map((event) => ({ assumedMasterState: null, newDocumentState: event })));
      const response = await suite.world.app.inject({
        method: 'POST',
        url: '/api/sync/events/push',
        headers: { ...authed(desk), 'content-type': 'application/json', ...built.headers },
        payload,
      });
      expect(response.statusCode).toBe(status);
      const body = response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toEqual(expect.any(String));
      const events = built.events as Array<{ id?: string }> | undefined;
      const culprit = events?.[built.eventIndex ?? 0]?.id;
      if (culprit && code.startsWith('event.') && code !== 'event.bad_shape') expect(body.error.eventId).toBe(culprit);
      expect(await counts(suite.world)).toEqual(before);
      expect((await suite.world.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    });

    it('a reused id with a different body → 409 event.id_reused', async () => {
      const { deskA, officers } = suite.world;
      const code = newDossierCode(deskA);
      const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload());
      expect((await push(suite.world.app, deskA, [event])).statusCode).toBe(200);
      const before = await counts(suite.world);
      const tampered = { ...event, payload: { ...event.payload, applicant: { fullName: 'Kẻ Giả Mạo' } } };
      const response = await push(suite.world.app, deskA, [tampered]);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'event.id_reused', eventId: event.id });
      const inBatch = await push(suite.world.app, deskA, [makeEvent(deskA, officers.receptionA!, 'NOTE', code, { text: 'a' }), tampered]);
      expect(inBatch.statusCode).toBe(409);
      expect(await counts(suite.world)).toEqual(before);
    });

    it('a desk cannot act on another unit\u2019s dossier', async () => {
      const { deskA, deskB, officers } = suite.world;
      const code = newDossierCode(deskA);
      expect((await push(suite.world.app, deskA, [makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload())])).statusCode).toBe(200);
      const before = await counts(suite.world);
      const response = await push(suite.world.app, deskB, [makeEvent(deskB, officers.receptionB!, 'NOTE', code, { text: 'xem trộm' })]);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('event.dossier_not_visible');
      expect(await counts(suite.world)).toEqual(before);
    });

    it('an officer whose account was locked \u2192 403 event.officer_inactive, even beside valid events', async () => {
      const { deskA, officers } = suite.world;
      const locked = await addOfficer(suite.world.database.db, { unitId: UNIT_A, username: 'da-khoa', fullName: 'Cán bộ đã khóa', role: 'reception', verifier: officers.receptionA!.verifier });
      await suite.world.database.db.updateTable('officers').set({ active: false }).where('id', '=', locked.id).execute();
      const before = await counts(suite.world);
      const valid = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), receivedPayload());
      const byLocked = makeEvent(deskA, locked, 'RECEIVED', newDossierCode(deskA), receivedPayload());
      const response = await push(suite.world.app, deskA, [valid, byLocked]);
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'event.officer_inactive', eventId: byLocked.id });
      expect(await counts(suite.world)).toEqual(before);
    });

    it('SQL-injection strings in queries are plain bad input', async () => {
      for (const url of ["/api/sync/events/pull?checkpoint=0;drop table events", "/api/sync/events/pull?limit=1' or '1'='1"]) {
        const response = await suite.world.app.inject({ method: 'GET', url, headers: authed(suite.world.deskA) });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('request.invalid');
      }
    });
  });
});
