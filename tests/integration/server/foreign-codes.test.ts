import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { storeDossierFromElsewhere } from './support/foreign-dossier.ts';
import { buildWorld, makeEvent, push, pullAll, receivedPayload, UNIT_A, UNIT_B, type World } from './support/world.ts';

/** Issue 20 point 6: codes issued elsewhere (`…-0007`) are legal codes everywhere the server reads one. */
describe.each(serverTestDatabases())('codes from elsewhere on $name', (database) => {
  let world: World;
  const today = new Date();
  const yymmdd = `${String(today.getUTCFullYear() % 100).padStart(2, '0')}${String(today.getUTCMonth() + 1).padStart(2, '0')}${String(today.getUTCDate()).padStart(2, '0')}`;
  const foreign = `${UNIT_A}-${yymmdd}-0007`;
  beforeAll(async () => {
    world = await buildWorld(await database.target());
    await storeDossierFromElsewhere(world.database, makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', foreign, receivedPayload()));
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('looks a foreign-code dossier up on the JSON route and the page', async () => {
    const json = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(foreign.toLowerCase())}` });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ code: foreign, status: 2, currentUnit: { id: UNIT_A } });
    for (const url of [`/tra-cuu?ma=${encodeURIComponent(foreign)}`, `/tra-cuu/${encodeURIComponent(foreign)}`]) {
      const page = await world.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(foreign);
      expect(page.body).toContain('Đã tiếp nhận');
    }
  });

  it('accepts later events on it from the holding unit’s desks, and serves it to them and to the unit it goes to', async () => {
    const transferred = makeEvent(world.deskA, world.officers.receptionA!, 'TRANSFERRED', foreign, { toUnitId: UNIT_B });
    const response = await push(world.app, world.deskA, [transferred]);
    expect(response.statusCode, response.body).toBe(200);
    const { documents: pulled } = await pullAll(world.app, world.deskB);
    expect(pulled.filter((event) => event.dossierCode === foreign).map((event) => event.type)).toEqual(['RECEIVED', 'TRANSFERRED']);
    const accepted = makeEvent(world.deskB, world.officers.processingB!, 'ACCEPTED', foreign, {});
    const acceptedResponse = await push(world.app, world.deskB, [accepted]);
    expect(acceptedResponse.statusCode, acceptedResponse.body).toBe(200);
  });

  it('still refuses a desk’s RECEIVED outside its own code range, naming the range rather than calling the code malformed', async () => {
    const pushed = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', `${UNIT_A}-${yymmdd}-0008`, receivedPayload());
    const response = await push(world.app, world.deskA, [pushed]);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'event.code_not_yours', eventId: pushed.id } });
  });

  it('answers a malformed code 404 as before: 0000 and five digits are no codes', async () => {
    for (const typed of [`${UNIT_A}-${yymmdd}-0000`, `${UNIT_A}-${yymmdd}-10007`]) {
      const response = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(typed)}` });
      expect(response.statusCode).toBe(404);
    }
  });
});
