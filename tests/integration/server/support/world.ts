import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createPasswordVerifier } from '../../../../src/auth/password-verifier.ts';
import { createEventIdGenerator } from '../../../../src/dossier/event-id.ts';
import { createEvent, type DossierEvent, type EventType, type PayloadInput } from '../../../../src/dossier/events.ts';
import { buildApp, type AppOptions } from '../../../../sync/server/app.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../../../../sync/server/db/database.ts';
import { addDesk } from '../../../../sync/server/repositories/desks.ts';
import { addOfficer, type OfficerRecord } from '../../../../sync/server/repositories/officers.ts';
import { addUnit } from '../../../../sync/server/repositories/units.ts';
import type { OfficerRole } from '../../../../sync/server/db/schema.ts';
import { signedIn, testSession, type TestSession } from '../../../support/desk-session.ts';

export const PROVINCE = '000.00.00.H23';
export const UNIT_A = '000.00.12.H23';
export const UNIT_B = '000.00.13.H23';
export const PASSWORD = 'mật-khẩu-đủ-dài';

// Cheap argon2 parameters: the tests exercise the flow, not the cost.
const verifiers = createPasswordVerifier({
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  params: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
});

export interface TestDesk {
  id: string;
  unitId: string;
  slot: number;
  credential: string;
}

export interface World {
  database: Database;
  app: FastifyInstance;
  officers: Record<string, OfficerRecord>;
  deskA: TestDesk;
  deskA2: TestDesk;
  deskB: TestDesk;
  close(): Promise<void>;
}

/** Two communes under a province; officers of each role; desks A#1, A#2, B#1 enrolled through the API. */
export async function buildWorld(target: DatabaseTarget, options: Partial<AppOptions> = {}): Promise<World> {
  const database = await openDatabase(target);
  const app = await buildApp({ database, ...options });
  await addUnit(database.db, { id: PROVINCE, name: 'UBND tỉnh Thử Nghiệm', level: 'province', parentId: null });
  await addUnit(database.db, { id: UNIT_A, name: 'UBND xã Tân Lập', level: 'commune', parentId: PROVINCE });
  await addUnit(database.db, { id: UNIT_B, name: 'UBND phường Hòa Bình', level: 'commune', parentId: PROVINCE });
  const verifier = await verifiers.create(PASSWORD);
  const officers: Record<string, OfficerRecord> = {};
  const people: Array<[string, string, OfficerRole]> = [
    ['receptionA', UNIT_A, 'reception'],
    ['processingA', UNIT_A, 'processing'],
    ['leaderA', UNIT_A, 'leader'],
    ['adminA', UNIT_A, 'admin'],
    ['receptionB', UNIT_B, 'reception'],
    ['processingB', UNIT_B, 'processing'],
  ];
  for (const [key, unitId, role] of people) {
    // The leader is granted desk 1 (leaders work on no desk unless granted): the tests that act as them act there.
    const deskAccess = key === 'leaderA' ? [1] : undefined;
    officers[key] = await addOfficer(database.db, { unitId, username: key.toLowerCase(), fullName: `Cán bộ ${key}`, role, verifier, deskAccess });
  }
  const enroll = async (unitId: string, slot: number): Promise<TestDesk> => {
    const issued = await addDesk(database.db, { unitId, slot });
    const response = await app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code } });
    if (response.statusCode !== 200) throw new Error(`enrollment failed: ${response.body}`);
    return { id: issued.desk.id, unitId, slot, credential: (response.json() as { credential: string }).credential };
  };
  const deskA = await enroll(UNIT_A, 1);
  const deskA2 = await enroll(UNIT_A, 2);
  const deskB = await enroll(UNIT_B, 1);
  return { database, app, officers, deskA, deskA2, deskB, close: () => app.close() };
}

const nextId = createEventIdGenerator({ now: () => Date.now(), randomBytes: (n) => new Uint8Array(randomBytes(n)) });
let counter = 0;

/** A fresh dossier code in the desk's own range (agency + slot), today. */
export function newDossierCode(desk: TestDesk): string {
  counter += 1;
  const date = new Date();
  const yymmdd = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
  return `${desk.unitId}-${yymmdd}-${desk.slot * 1000 + (counter % 999) + 1}`;
}

export function receivedPayload(): PayloadInput<'RECEIVED'> {
  const receivedAt = new Date();
  return {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    statutoryTime: { kind: 'working-days', days: 3 },
    channel: 'in-person',
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '001203004567', phone: '0912345678' },
    papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
    sets: 1,
    fee: { amount: 0 },
    resultDelivery: 'desk',
    receivedAt: receivedAt.toISOString(),
    dueAt: new Date(receivedAt.getTime() + 3 * 86_400_000).toISOString(),
  };
}

/** One login session per officer and desk, as if each officer had logged in on each desk once. */
const sessions = new Map<string, TestSession>();

/** The session `officer` opened on `desk` (its verifier's H gives the key, as on a desk at login). */
export function sessionOf(desk: TestDesk, officer: Pick<OfficerRecord, 'id' | 'verifier'>): TestSession {
  const key = `${desk.id}|${officer.id}|${officer.verifier}`;
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = testSession(officer, desk.id)));
  return session;
}

/** An event of `officer` recorded on `desk`, signed in the officer's session there as the desk signs it. */
export function makeEvent<T extends EventType>(
  desk: TestDesk,
  officer: OfficerRecord,
  type: T,
  dossierCode: string,
  payload: PayloadInput<T>,
  now: () => number = () => Date.now(),
): DossierEvent {
  return signedIn(makeUnsignedEvent(desk, officer, type, dossierCode, payload, now), sessionOf(desk, officer));
}

/** The same event without a session signature: what a desk that never had the officer log in could make. */
export function makeUnsignedEvent<T extends EventType>(
  desk: TestDesk,
  officer: Pick<OfficerRecord, 'id'>,
  type: T,
  dossierCode: string,
  payload: PayloadInput<T>,
  now: () => number = () => Date.now(),
): DossierEvent {
  return createEvent({ type, dossierCode, officerId: officer.id, deskId: desk.id, unitId: desk.unitId, payload }, { nextId, now });
}

export function pushRows(events: unknown[]): Array<{ assumedMasterState: null; newDocumentState: unknown }> {
  return events.map((event) => ({ assumedMasterState: null, newDocumentState: event }));
}

export function authed(desk: TestDesk): Record<string, string> {
  return { authorization: `Bearer ${desk.credential}` };
}

export async function push(app: FastifyInstance, desk: TestDesk, events: unknown[], headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/sync/events/push', headers: { ...authed(desk), ...headers }, payload: pushRows(events) });
}

export async function pullAll(app: FastifyInstance, desk: TestDesk, from = 0, limit = 100) {
  const documents: Array<Record<string, unknown>> = [];
  let checkpoint = from;
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/api/sync/events/pull?checkpoint=${checkpoint}&limit=${limit}`, headers: authed(desk) });
    if (response.statusCode !== 200) throw new Error(`pull failed: ${response.body}`);
    const page = response.json() as { documents: Array<Record<string, unknown>>; checkpoint: { seq: number } };
    documents.push(...page.documents);
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < limit) return { documents, checkpoint };
  }
}
