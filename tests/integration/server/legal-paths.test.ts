import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, receivedPayload, type World } from './support/world.ts';

type Officer = 'receptionA' | 'processingA' | 'leaderA';
type Step = { [T in EventType]: { type: T; officer: Officer; payload: PayloadInput<T> } }[EventType];
const step = <T extends EventType>(type: T, officer: Officer, payload: PayloadInput<T>): Step => ({ type, officer, payload }) as Step;

const accept = step('ACCEPTED', 'processingA', {});
const askPayment = step('FINANCIAL_OBLIGATION_REQUESTED', 'processingA', { note: 'Nộp lệ phí trước bạ tại Chi cục Thuế', amount: 500_000 });
const resolve = step('RESOLVED', 'processingA', {});

async function stored(world: World, code: string): Promise<string[]> {
  const rows = await sql<{ type: string }>`select type from events where dossier_code = ${code} order by seq`.execute(world.database.db);
  return rows.rows.map((row) => row.type);
}

async function lookup(world: World, code: string): Promise<{ status: number; appointmentAt: string | null }> {
  const response = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe.each(serverTestDatabases())('the paths after reception on the server, on $name', (database) => {
  const suite = worldPerSuite(database);

  const eventsOf = (code: string, steps: readonly Step[]): DossierEvent[] =>
    steps.map(({ type, officer, payload }) => makeEvent(suite.world.deskA, suite.world.officers[officer]!, type, code, payload as never));

  /** A received dossier of desk A#1 with `steps` recorded on it, pushed and accepted. */
  async function dossierAfter(steps: readonly Step[]): Promise<string> {
    const code = newDossierCode(suite.world.deskA);
    const response = await push(suite.world.app, suite.world.deskA, eventsOf(code, [step('RECEIVED', 'receptionA', receivedPayload()), ...steps]));
    expect(response.statusCode, response.body).toBe(200);
    return code;
  }

  it('takes the financial obligation asked (with its amount) and fulfilled (with the paused time): the lookup shows the new date', async () => {
    const code = await dossierAfter([accept, askPayment]);
    expect((await lookup(suite.world, code)).status).toBe(6);
    const newDueAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const fulfilled = eventsOf(code, [step('FINANCIAL_OBLIGATION_FULFILLED', 'receptionA', { pausedWorkingMinutes: 480, newDueAt })]);
    const response = await push(suite.world.app, suite.world.deskA, fulfilled);
    expect(response.statusCode, response.body).toBe(200);
    expect(await lookup(suite.world, code)).toMatchObject({ status: 4, appointmentAt: newDueAt });
  });

  it('still takes a fulfilment without the paused time (as recorded before it), and refuses half of it with 400', async () => {
    const code = await dossierAfter([accept, askPayment]);
    // A new due date without the paused time behind it: built around createEvent, which refuses it too.
    const [whole] = eventsOf(code, [step('FINANCIAL_OBLIGATION_FULFILLED', 'receptionA', {})]);
    const half = [{ ...whole!, payload: { pausedWorkingMinutes: 60 } }];
    const refused = await push(suite.world.app, suite.world.deskA, half);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'event.bad_shape', eventId: half[0]!.id } });
    const plain = eventsOf(code, [step('FINANCIAL_OBLIGATION_FULFILLED', 'receptionA', {})]);
    expect((await push(suite.world.app, suite.world.deskA, plain)).statusCode).toBe(200);
    expect((await lookup(suite.world, code)).status).toBe(4);
  });

  it('records a withdrawal with the written request of who asked and when', async () => {
    const code = await dossierAfter([accept]);
    const request = { fullName: 'Nguyễn Văn An', citizenId: '001203004567', date: new Date().toISOString().slice(0, 10), paper: 'Đơn đề nghị rút hồ sơ' };
    const response = await push(suite.world.app, suite.world.deskA, eventsOf(code, [step('WITHDRAWN', 'receptionA', { reason: 'Công dân đi công tác dài ngày', request })]));
    expect(response.statusCode, response.body).toBe(200);
    const body = await sql<{ payload: { request: unknown } }>`select body->'payload' as payload from events where dossier_code = ${code} and type = 'WITHDRAWN'`.execute(suite.world.database.db);
    expect(body.rows[0]?.payload.request).toEqual(request);
    expect((await lookup(suite.world, code)).status).toBe(7);
  });

  const illegal: Array<{ name: string; before: Step[]; bad: Step; message: string }> = [
    { name: 'obligation asked before the dossier is taken in processing', before: [], bad: askPayment, message: 'Không thể "Yêu cầu thực hiện nghĩa vụ tài chính" khi hồ sơ đang ở trạng thái "Đã tiếp nhận"' },
    { name: 'obligation fulfilled when none was asked', before: [accept], bad: step('FINANCIAL_OBLIGATION_FULFILLED', 'receptionA', {}), message: 'Không thể "Ghi nhận đã thực hiện nghĩa vụ tài chính"' },
    { name: 'refusal while the citizen pays', before: [accept, askPayment], bad: step('REFUSED', 'processingA', { reason: 'Không đủ điều kiện' }), message: 'Không thể "Từ chối giải quyết"' },
    { name: 'resolution while the citizen pays', before: [accept, askPayment], bad: resolve, message: 'Không thể "Hoàn thành giải quyết"' },
    { name: 'supplement received when none was asked', before: [accept], bad: step('SUPPLEMENT_RECEIVED', 'receptionA', { pausedWorkingMinutes: 0, newDueAt: new Date(Date.now() + 86_400_000).toISOString() }), message: 'Không thể "Nhận hồ sơ bổ sung"' },
    { name: 'withdrawal of a resolved dossier', before: [accept, resolve], bad: step('WITHDRAWN', 'receptionA', { reason: 'Xin rút' }), message: 'Không thể "Rút hồ sơ theo yêu cầu"' },
    { name: 'stop before processing', before: [], bad: step('STOPPED', 'processingA', { reason: 'Dừng' }), message: 'Không thể "Dừng giải quyết"' },
    {
      name: 'apology on a resolved dossier',
      before: [accept, resolve],
      bad: step('EXTENDED', 'processingA', { reason: 'Chậm', responsibleUnit: 'UBND', newDueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() }),
      message: 'Không thể "Xin lỗi và hẹn lại ngày trả"',
    },
  ];

  it.each(illegal)('refuses $name with 409 and a Vietnamese message, storing nothing', async ({ before, bad, message }) => {
    const code = await dossierAfter(before);
    const kept = await stored(suite.world, code);
    const [event] = eventsOf(code, [bad]);
    const response = await push(suite.world.app, suite.world.deskA, [event]);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toEqual({ error: { code: 'transition.illegal', message: expect.stringContaining(message), eventId: event!.id } });
    expect(await stored(suite.world, code)).toEqual(kept);
  });

  it('refuses the obligation asked by a reception officer with 403, as the desk never offers it to them', async () => {
    const code = await dossierAfter([accept]);
    const [event] = eventsOf(code, [{ ...askPayment, officer: 'receptionA' }]);
    const response = await push(suite.world.app, suite.world.deskA, [event]);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'event.role_forbidden' } });
  });
});
