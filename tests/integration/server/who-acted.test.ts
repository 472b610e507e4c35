import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { deskVerifierOf } from '../../../src/auth/desk-verifier.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { addDesk } from '../../../sync/server/repositories/desks.ts';
import { addOfficer, setOfficerActive, setOfficerDeskAccess } from '../../../sync/server/repositories/officers.ts';
import type { OfficerRecord } from '../../../sync/server/repositories/officers.ts';
import { createReportSessions } from '../../../sync/server/reports/officer-sessions.ts';
import type { OfficerRole } from '../../../sync/server/db/schema.ts';
import { signedIn, testSession } from '../../support/desk-session.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import {
  authed,
  makeEvent,
  makeUnsignedEvent,
  newDossierCode,
  PASSWORD,
  push,
  receivedPayload,
  sessionOf,
  UNIT_A,
  type TestDesk,
  type World,
} from './support/world.ts';

/**
 * Issue 18 point 6, who acted: a desk records events only for officers who logged in on it (a
 * session signature the server checks), only officers allowed on a desk can log in there, and desks
 * hold desk verifiers of those officers only, never the server's verifiers.
 */

const cheap = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)), params: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });
const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/;

async function counts(world: World) {
  const result = await sql<{ events: number; feed: number; dossiers: number }>`select
    (select count(*)::int from events) as events,
    (select count(*)::int from unit_feed) as feed,
    (select count(*)::int from dossiers) as dossiers`.execute(world.database.db);
  return result.rows[0];
}

/** The base64 of the password hash H inside a PHC verifier: must never reach a desk. */
function hashOf(phcVerifier: string): string {
  return phcVerifier.split('$').at(-1) ?? '';
}

let serial = 0;
async function newOfficer(world: World, role: OfficerRole, deskAccess?: 'all' | number[]): Promise<OfficerRecord> {
  serial += 1;
  return addOfficer(world.database.db, {
    unitId: UNIT_A,
    username: `${role}.moi${serial}`,
    fullName: `Cán bộ mới ${serial}`,
    role,
    verifier: await cheap.create(PASSWORD),
    ...(deskAccess ? { deskAccess } : {}),
  });
}

describe.each(serverTestDatabases())('who acted on $name', (database) => {
  const suite = worldPerSuite(database);

  it('accepts an event signed in its officer\u2019s login session on the pushing desk, and stores the session with it', async () => {
    const { deskA, officers, app } = suite.world;
    const event = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), receivedPayload());
    const response = await push(app, deskA, [event]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 1 });
    const row = await suite.world.database.db.selectFrom('events').select('body').where('id', '=', event.id).executeTakeFirstOrThrow();
    const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as DossierEvent;
    expect(body.session).toEqual({ id: sessionOf(deskA, officers.receptionA!).id, mac: expect.any(String) });
    // A retried push of what is stored still succeeds.
    expect((await push(app, deskA, [event])).json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  const forgeries: Array<{ name: string; code: string; forge: (w: World, code: string) => DossierEvent }> = [
    {
      name: 'without a session (no officer ever logged in on the desk)',
      code: 'event.no_session',
      forge: (w, code) => makeUnsignedEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()),
    },
    {
      name: 'signed in the session of another officer',
      code: 'event.bad_session',
      forge: (w, code) => signedIn(makeUnsignedEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()), sessionOf(w.deskA, w.officers.processingA!)),
    },
    {
      name: 'with a MAC made for another desk',
      code: 'event.bad_session',
      forge: (w, code) => signedIn(makeUnsignedEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()), sessionOf(w.deskA2, w.officers.receptionA!)),
    },
    {
      name: 'with its body changed after signing',
      code: 'event.bad_session',
      forge: (w, code) => {
        const event = makeEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()) as DossierEvent & { type: 'RECEIVED' };
        return { ...event, payload: { ...event.payload, applicant: { ...event.payload.applicant, fullName: 'Kẻ Giả Mạo' } } };
      },
    },
    {
      name: 'with a made-up session',
      code: 'event.bad_session',
      forge: (w, code) => ({
        ...makeUnsignedEvent(w.deskA, w.officers.receptionA!, 'RECEIVED', code, receivedPayload()),
        session: { id: randomBytes(16).toString('base64url'), mac: randomBytes(16).toString('base64url') },
      }),
    },
    {
      name: 'signed by a desk that holds only the desk verifier (its SHA-256(H) taken for H)',
      code: 'event.bad_session',
      forge: (w, code) => {
        const officer = w.officers.receptionA!;
        const check = Buffer.from(hashOf(officer.verifier), 'base64');
        const deskHeld = officer.verifier.replace(hashOf(officer.verifier), sha256Base64(check));
        return signedIn(makeUnsignedEvent(w.deskA, officer, 'RECEIVED', code, receivedPayload()), testSession({ id: officer.id, verifier: deskHeld }, w.deskA.id));
      },
    },
  ];

  it.each(forgeries)('refuses an event $name (403 $code, naming it), and stores nothing of its batch', async ({ code, forge }) => {
    const { deskA, officers, app } = suite.world;
    const good = makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), receivedPayload());
    const forged = forge(suite.world, newDossierCode(deskA));
    const before = await counts(suite.world);
    const response = await push(app, deskA, [good, forged]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code, eventId: forged.id, path: 'session', message: expect.stringMatching(vietnamese) });
    expect(await counts(suite.world)).toEqual(before);
    // The good event goes through on its own.
    expect((await push(app, deskA, [good])).json()).toMatchObject({ accepted: 1 });
  });

  it('refuses a validly signed event of an officer not allowed on the desk, and accepts it where they are allowed', async () => {
    const { deskA, deskA2, app } = suite.world;
    const leader = await newOfficer(suite.world, 'leader');
    const byLeader = (desk: TestDesk) => makeEvent(desk, leader, 'RECEIVED', newDossierCode(desk), receivedPayload());
    const before = await counts(suite.world);
    const refused = byLeader(deskA);
    const response = await push(app, deskA, [refused]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'event.officer_not_on_desk', eventId: refused.id, path: 'officerId' });
    expect(await counts(suite.world)).toEqual(before);

    await setOfficerDeskAccess(suite.world.database.db, leader.id, [deskA.slot]);
    expect((await push(app, deskA, [byLeader(deskA)])).statusCode).toBe(200);
    const elsewhere = await push(app, deskA2, [byLeader(deskA2)]);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('event.officer_not_on_desk');
  });

  it('enrolls a desk with desk verifiers of the officers allowed on it only, never the server\u2019s verifiers', async () => {
    const onSeven = await newOfficer(suite.world, 'leader', [7]);
    const notOnSeven = await newOfficer(suite.world, 'processing', [1, 2]);
    const issued = await addDesk(suite.world.database.db, { unitId: UNIT_A, slot: 7 });
    const response = await suite.world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code } });
    expect(response.statusCode).toBe(200);
    const officers = (response.json() as { officers: Array<{ id: string; verifier: string | null; active: boolean }> }).officers;
    const byId = new Map(officers.map((o) => [o.id, o.verifier]));
    const { receptionA, leaderA } = suite.world.officers;
    expect(byId.get(receptionA!.id)).toBe(await deskVerifierOf(receptionA!.verifier));
    expect(byId.get(onSeven.id)).toBe(await deskVerifierOf(onSeven.verifier));
    expect(byId.get(notOnSeven.id)).toBeNull();
    expect(byId.get(leaderA!.id)).toBeNull();
    // Every officer of the unit is named (routes show who acted), no verifier of the server is sent.
    expect(officers.length).toBeGreaterThanOrEqual(6);
    for (const officer of await suite.world.database.db.selectFrom('officers').select('password_verifier').execute()) {
      expect(response.body).not.toContain(hashOf(officer.password_verifier));
    }
  });

  it('pulls officer documents scoped to the desk, and a desk that loses an officer gets no verifier at its next pull', async () => {
    const { deskA, deskA2, app, database: db } = suite.world;
    const pull = async (desk: TestDesk, checkpoint: number) => {
      const response = await app.inject({ method: 'GET', url: `/api/sync/reference/pull?checkpoint=${checkpoint}&limit=1000`, headers: authed(desk) });
      expect(response.statusCode).toBe(200);
      for (const officer of await db.db.selectFrom('officers').select('password_verifier').execute()) expect(response.body).not.toContain(hashOf(officer.password_verifier));
      return response.json() as { documents: Array<{ kind: string; key: string; body: { active: boolean; verifier: string | null } }>; checkpoint: { seq: number } };
    };
    const officerIn = (page: Awaited<ReturnType<typeof pull>>, id: string) => page.documents.find((doc) => doc.kind === 'officer' && doc.key === id)?.body;

    const leader = await newOfficer(suite.world, 'leader');
    const startA = await pull(deskA, 0);
    const startA2 = await pull(deskA2, 0);
    expect(officerIn(startA, leader.id)).toMatchObject({ active: true, verifier: null });
    expect(officerIn(startA, suite.world.officers.receptionA!.id)).toMatchObject({ verifier: await deskVerifierOf(suite.world.officers.receptionA!.verifier) });

    await setOfficerDeskAccess(db.db, leader.id, [deskA2.slot]);
    expect(officerIn(await pull(deskA, startA.checkpoint.seq), leader.id)).toMatchObject({ verifier: null });
    const granted = await pull(deskA2, startA2.checkpoint.seq);
    expect(officerIn(granted, leader.id)).toMatchObject({ active: true, verifier: await deskVerifierOf(leader.verifier) });

    await setOfficerActive(db.db, leader.id, false);
    expect(officerIn(await pull(deskA2, granted.checkpoint.seq), leader.id)).toEqual(expect.objectContaining({ active: false, verifier: null }));
  });

  it('answers the online login with a desk verifier, and refuses an officer not allowed on the calling desk', async () => {
    const { deskA, deskA2, app } = suite.world;
    const leader = await newOfficer(suite.world, 'leader', [deskA.slot]);
    const login = (desk: TestDesk) => app.inject({ method: 'POST', url: '/api/officers/login', headers: authed(desk), payload: { username: leader.username, password: PASSWORD } });
    const ok = await login(deskA);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().verifier).toBe(await deskVerifierOf(leader.verifier));
    expect(ok.body).not.toContain(hashOf(leader.verifier));
    const elsewhere = await login(deskA2);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error).toMatchObject({ code: 'auth.not_on_this_desk', message: expect.stringMatching(vietnamese) });
    await setOfficerActive(suite.world.database.db, leader.id, false);
    expect((await login(deskA)).statusCode).toBe(401);
  });

  it('a disabled officer can no longer log in on the server\u2019s pages, and their open session ends', async () => {
    const leader = await newOfficer(suite.world, 'leader');
    // The throttle is tested on its own (login-guard tests); here every password is checked.
    const sessions = createReportSessions(suite.world.database.db, { attempt: (_account, check) => check() });
    const token = await sessions.login(UNIT_A, leader.username, PASSWORD);
    expect(token).not.toBeNull();
    const request = { headers: { authorization: `Bearer ${token}` } } as unknown as FastifyRequest;
    expect(await sessions.authorize(request)).toMatchObject({ officerId: leader.id });
    await setOfficerActive(suite.world.database.db, leader.id, false);
    expect(await sessions.authorize(request)).toBeNull();
    expect(await sessions.login(UNIT_A, leader.username, PASSWORD)).toBeNull();
    await setOfficerActive(suite.world.database.db, leader.id, true);
    expect(await sessions.login(UNIT_A, leader.username, PASSWORD)).not.toBeNull();
  });
});

/** SHA-256 as unpadded base64, as the desk verifier holds it. */
function sha256Base64(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '');
}
