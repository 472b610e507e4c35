import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, pullAll, push, receivedPayload, type World } from './support/world.ts';

async function storedEvents(world: World): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from events`.execute(world.database.db);
  return result.rows[0]?.n ?? 0;
}

/** A RECEIVED event made valid by the desk, then given this birth date (as a desk with other rules could push it). */
function receivedBornOn(world: World, birthDate: string) {
  const payload = receivedPayload();
  const event = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', newDossierCode(world.deskA), payload);
  return { ...event, payload: { ...event.payload, applicant: { ...payload.applicant, birthDate } } };
}

describe.each(serverTestDatabases())('dates and papers of a pushed receipt on $name', (database) => {
  const suite = worldPerSuite(database);

  it.each([
    ['31/02/1990, which does not exist', '1990-02-31', /birthDate/],
    ['before 1900', '1899-12-31', /Ngày sinh không được trước năm 1900/],
    ['after the day of receipt', '2999-01-01', /Ngày sinh không được sau ngày/],
  ])('refuses a birth date %s, naming the field, and stores nothing', async (_what, birthDate, message) => {
    const before = await storedEvents(suite.world);
    const response = await push(suite.world.app, suite.world.deskA, [receivedBornOn(suite.world, birthDate)]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'event.bad_shape', path: 'payload.applicant.birthDate' });
    expect(response.json().error.message).toMatch(message);
    expect(await storedEvents(suite.world)).toBe(before);
  });

  it('keeps a real birth date and a paper only shown at the desk, and serves them back as sent', async () => {
    const { deskA, deskA2, officers } = suite.world;
    const payload = receivedPayload();
    payload.applicant.birthDate = '1990-09-05';
    payload.papers = [...payload.papers, { name: 'Căn cước công dân', originals: 0, copies: 0, presentedOnly: true }];
    const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), payload);
    expect((await push(suite.world.app, deskA, [event])).statusCode).toBe(200);
    const pulled = (await pullAll(suite.world.app, deskA2)).documents.find((doc) => doc.id === event.id) as { payload: typeof payload } | undefined;
    expect(pulled?.payload.papers).toEqual(payload.papers);
    expect(pulled?.payload.applicant.birthDate).toBe('1990-09-05');
  });
});
