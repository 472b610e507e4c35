import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUTHORISATION_PAPER_NAME } from '../../../src/dossier/parties.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, pullAll, push, receivedPayload, type World } from './support/world.ts';

async function storedEvents(world: World): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from events`.execute(world.database.db);
  return result.rows[0]?.n ?? 0;
}

/** An organisation applying through an authorised person, as the receive screen records it. */
function organisationPayload() {
  const payload = receivedPayload();
  payload.applicant = {
    fullName: 'Công ty TNHH Xây dựng Minh Phát',
    address: '12 Phố Huế, phường Hai Bà Trưng, Hà Nội',
    organisation: { taxCode: '0100109106-001', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Giám đốc', citizenId: '001080001234' } },
  };
  payload.representative = { fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: '0987654321' };
  payload.papers = [...payload.papers, { name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 }];
  return payload;
}

describe.each(serverTestDatabases())('organisation applicants and representatives pushed on $name', (database) => {
  const suite = worldPerSuite(database);

  it('keeps an organisation, its legal representative and the authorised person, and serves them back as sent', async () => {
    const { deskA, deskA2, officers } = suite.world;
    const payload = organisationPayload();
    const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), payload);
    expect((await push(suite.world.app, deskA, [event])).statusCode).toBe(200);
    const pulled = (await pullAll(suite.world.app, deskA2)).documents.find((doc) => doc.id === event.id) as { payload: typeof payload } | undefined;
    expect(pulled?.payload.applicant).toEqual(payload.applicant);
    expect(pulled?.payload.representative).toEqual(payload.representative);
    expect(pulled?.payload.papers).toEqual(payload.papers);
  });

  it.each([
    ['a tax code whose check digit is wrong', (p: ReturnType<typeof organisationPayload>) => ({ ...p, applicant: { ...p.applicant, organisation: { ...p.applicant.organisation!, taxCode: '0100109107' } } }), 'payload.applicant.organisation.taxCode', /Mã số thuế/],
    ['a representative without the authorisation paper', (p: ReturnType<typeof organisationPayload>) => ({ ...p, papers: p.papers.slice(0, -1) }), 'payload.papers', /giấy ủy quyền/],
    ['a representative without a citizen ID', (p: ReturnType<typeof organisationPayload>) => ({ ...p, representative: { fullName: 'Phạm Thị Dung' } }), 'payload.representative.citizenId', /./],
  ])('refuses %s with 400 structured JSON naming the field, and stores nothing', async (_what, spoil, path, message) => {
    const { deskA, officers } = suite.world;
    const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), organisationPayload());
    const before = await storedEvents(suite.world);
    const response = await push(suite.world.app, deskA, [{ ...event, payload: spoil(event.payload as ReturnType<typeof organisationPayload>) }]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'event.bad_shape', eventId: event.id, path });
    expect(response.json().error.message).toMatch(message);
    expect(await storedEvents(suite.world)).toBe(before);
  });
});
