import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createConsultation } from '../../../src/counter/consultation.ts';
import type { CounterConsultation } from '../../../src/counter/consultation.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { signedIn } from '../../support/desk-session.ts';
import { dashboardLogin } from './support/dashboard.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed, makeEvent, newDossierCode, PASSWORD, push, receivedPayload, sessionOf, UNIT_A, type TestDesk, type World } from './support/world.ts';

const nextId = createEventIdGenerator({ now: () => Date.now(), randomBytes: (n) => new Uint8Array(randomBytes(n)) });

type Officer = World['officers'][string];

function unsigned(desk: TestDesk, officer: Officer, outcome: 'guided' | 'refused' = 'guided'): CounterConsultation {
  return createConsultation(
    {
      outcome,
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      applicant: { fullName: 'Nguyễn Văn An', citizenId: '001085012345', phone: '0912345678' },
      reason: outcome === 'guided' ? 'Thiếu giấy chứng sinh' : 'Không thuộc thẩm quyền của xã',
      items: outcome === 'guided' ? ['Giấy chứng sinh'] : [],
      officerId: officer.id,
      deskId: desk.id,
      unitId: desk.unitId,
    },
    { nextId, now: () => Date.now() },
  );
}

const signed = (desk: TestDesk, officer: Officer, outcome: 'guided' | 'refused' = 'guided') => signedIn(unsigned(desk, officer, outcome), sessionOf(desk, officer));

function pushConsultations(world: World, desk: TestDesk, consultations: unknown[]) {
  return world.app.inject({ method: 'POST', url: '/api/sync/consultations/push', headers: authed(desk), payload: { consultations } });
}

async function storedIds(world: World): Promise<string[]> {
  return (await world.database.db.selectFrom('counter_consultations').select('id').orderBy('id').execute()).map((row) => row.id);
}

describe.each(serverTestDatabases())('counter consultations on $name', (database) => {
  const suite = worldPerSuite(database);

  it('stores a pushed batch once; a retry stores nothing new and succeeds', async () => {
    const { deskA, officers } = suite.world;
    const guided = signed(deskA, officers.receptionA!, 'guided');
    const refused = signed(deskA, officers.receptionA!, 'refused');
    const first = await pushConsultations(suite.world, deskA, [guided, refused]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 2, duplicates: 0, acceptedIds: [guided.id, refused.id] });
    const retry = await pushConsultations(suite.world, deskA, [guided, refused]);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const row = await suite.world.database.db.selectFrom('counter_consultations').selectAll().where('id', '=', guided.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ unit_id: UNIT_A, desk_id: deskA.id, officer_id: officers.receptionA!.id, outcome: 'guided', procedure_code: '1.001193' });
    // Never a dossier: nothing in the event log or the projections.
    const dossiers = await suite.world.database.db.selectFrom('dossiers').select('code').execute();
    expect(dossiers).toEqual([]);
  });

  it('refuses bad input with structured JSON and stores nothing of the batch', async () => {
    const { deskA, deskB, officers } = suite.world;
    const before = await storedIds(suite.world);
    const good = signed(deskA, officers.receptionA!);
    const cases: Array<{ body: unknown[]; status: number; code: string; path?: string }> = [
      { body: [good, { ...signed(deskA, officers.receptionA!), items: [] }], status: 400, code: 'consultation.bad_shape', path: 'items' },
      { body: [good, { ...signed(deskA, officers.receptionA!), extra: 1 }], status: 400, code: 'consultation.bad_shape' },
      { body: [good, signedIn({ ...unsigned(deskA, officers.receptionA!), reason: 'Thiếu\u202egiấy' }, sessionOf(deskA, officers.receptionA!))], status: 400, code: 'consultation.bad_shape', path: 'reason' },
      { body: [good, unsigned(deskA, officers.receptionA!)], status: 403, code: 'consultation.no_session', path: 'session' },
      { body: [good, { ...signed(deskA, officers.receptionA!), reason: 'Sửa sau khi ký' }], status: 403, code: 'consultation.bad_session', path: 'session' },
      { body: [good, signed(deskA, officers.processingA!)], status: 403, code: 'consultation.role_forbidden', path: 'officerId' },
      { body: [good, signed(deskB, officers.receptionB!)], status: 403, code: 'consultation.wrong_desk', path: 'deskId' },
      { body: [good, { ...signed(deskA, officers.receptionA!), serverAt: new Date().toISOString() }], status: 400, code: 'consultation.forged_server_time' },
    ];
    for (const { body, status, code, path } of cases) {
      const response = await pushConsultations(suite.world, deskA, body);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error).toMatchObject({ code, message: expect.any(String), ...(path ? { path } : {}) });
    }
    expect(await storedIds(suite.world)).toEqual(before);
    // The empty or malformed request itself.
    for (const payload of [{ consultations: [] }, { consultations: 'x' }, [good]]) {
      const response = await suite.world.app.inject({ method: 'POST', url: '/api/sync/consultations/push', headers: authed(deskA), payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
    }
    // Without the desk credential.
    const anonymous = await suite.world.app.inject({ method: 'POST', url: '/api/sync/consultations/push', payload: { consultations: [good] } });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedIds(suite.world)).toEqual(before);
  });

  it('refuses an id stored with another body (409), keeping the stored one', async () => {
    const { deskA, officers } = suite.world;
    const original = signed(deskA, officers.receptionA!);
    expect((await pushConsultations(suite.world, deskA, [original])).statusCode).toBe(200);
    const tampered = signedIn({ ...unsigned(deskA, officers.receptionA!), id: original.id, reason: 'Lý do khác' }, sessionOf(deskA, officers.receptionA!));
    const response = await pushConsultations(suite.world, deskA, [tampered]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'consultation.id_reused', eventId: original.id });
    const row = await suite.world.database.db.selectFrom('counter_consultations').select('body').where('id', '=', original.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.body)).toContain('Thiếu giấy chứng sinh');
  });

  it('counts them in their own report line, never in "received", in the JSON and the workbook', async () => {
    const { deskA, deskA2, officers, app } = suite.world;
    const code = newDossierCode(deskA);
    expect((await push(app, deskA, [makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload())])).statusCode).toBe(200);
    expect((await pushConsultations(suite.world, deskA2, [signed(deskA2, officers.receptionA!, 'refused')])).statusCode).toBe(200);
    const expected = await suite.world.database.db.selectFrom('counter_consultations').select('outcome').execute();
    const guided = expected.filter((row) => row.outcome === 'guided').length;
    const refused = expected.filter((row) => row.outcome === 'refused').length;
    expect(refused).toBeGreaterThan(0);
    const cookie = await dashboardLogin(app, { unit: UNIT_A, username: 'leadera', password: PASSWORD });
    const today = localDateOf(Date.now());
    const report = await app.inject({ method: 'GET', url: `/api/reports/official?from=${today}&to=${today}&groupBy=none`, headers: { cookie } });
    expect(report.statusCode).toBe(200);
    const body = report.json();
    expect(body.counterConsultations).toEqual({ total: guided + refused, guided, refused });
    expect(body.total.received.total).toBe(1);
    expect(body.total.refused).toBe(0);
    // Another period does not count them.
    const earlier = await app.inject({ method: 'GET', url: `/api/reports/official?from=2025-01-01&to=2025-01-31&groupBy=none`, headers: { cookie } });
    expect(earlier.json().counterConsultations).toEqual({ total: 0, guided: 0, refused: 0 });

    const xlsx = await app.inject({ method: 'GET', url: `/api/reports/official.xlsx?from=${today}&to=${today}&groupBy=none`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const line = values.find((row) => row.includes('Hướng dẫn, từ chối tại quầy (không tiếp nhận)'));
    expect(line?.slice(1)).toEqual(['Hướng dẫn, từ chối tại quầy (không tiếp nhận)', guided + refused, 'Hướng dẫn bổ sung', guided, 'Từ chối tiếp nhận', refused]);
  });
});
