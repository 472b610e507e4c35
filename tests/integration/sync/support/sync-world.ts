import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventSigner } from '../../../../src/auth/officer-session.ts';
import type { EventSigner } from '../../../../src/auth/officer-session.ts';
import { createPasswordVerifier } from '../../../../src/auth/password-verifier.ts';
import { createEventIdGenerator } from '../../../../src/dossier/event-id.ts';
import { createEvent } from '../../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../../src/dossier/events.ts';
import { projectDossier } from '../../../../src/dossier/projection.ts';
import { createDeskAuth } from '../../../../renderer/store/index.ts';
import type { DeskStore } from '../../../../renderer/store/index.ts';
import { enrollDesk } from '../../../../sync/client/enrollment.ts';
import type { Enrollment } from '../../../../sync/client/enrollment.ts';
import { startDeskSync } from '../../../../sync/client/desk-sync.ts';
import type { DeskSync, DeskSyncOptions } from '../../../../sync/client/desk-sync.ts';
import { openDatabase } from '../../../../sync/server/db/database.ts';
import type { DatabaseTarget } from '../../../../sync/server/db/database.ts';
import { addDesk } from '../../../../sync/server/repositories/desks.ts';
import { addOfficer } from '../../../../sync/server/repositories/officers.ts';
import type { OfficerRecord } from '../../../../sync/server/repositories/officers.ts';
import { addUnit } from '../../../../sync/server/repositories/units.ts';
import { startServerProcess } from '../../../helpers/server-process.ts';
import type { ServerProcess } from '../../../helpers/server-process.ts';
import { startTcpProxy } from '../../../support/tcp-proxy.ts';
import type { TcpProxy } from '../../../support/tcp-proxy.ts';
import { openTestStore, uniqueNameForSync } from './desk-stores.ts';

export const PROVINCE = '000.00.00.H23';
export const UNIT = '000.00.12.H23';
export const PROVINCE_CHOICE = { code: '01', name: 'Thành phố Hà Nội' };

const verifiers = createPasswordVerifier({
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  params: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
});

/** A provincial server process (behind a TCP proxy) with one commune, one officer and desk codes. */
export interface SyncWorld {
  target: DatabaseTarget;
  proxy: TcpProxy;
  server: ServerProcess;
  officer: OfficerRecord;
  /** One-time enrollment codes of desk slots 1, 2… (index 0 is slot 1). */
  codes: string[];
  /** Where the server keeps uploaded files (a folder of this world's own). */
  blobDir: string;
  /** SIGKILL: no graceful close, like a power cut. */
  killServer(): Promise<void>;
  startServer(): Promise<void>;
  stopServer(): Promise<void>;
  /** What the server stored (it must be stopped for PGlite: one process per directory). */
  serverState(): Promise<ServerState>;
  close(): Promise<void>;
}

export interface ServerState {
  eventIds: string[];
  /** Projections saved by the server, by code. */
  dossiers: Map<string, unknown>;
}

export async function startSyncWorld(target: DatabaseTarget, slots = 2, prepare?: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>): Promise<SyncWorld> {
  const setup = await openDatabase(target);
  let officer: OfficerRecord;
  const codes: string[] = [];
  try {
    await addUnit(setup.db, { id: PROVINCE, name: 'UBND thành phố Thử Nghiệm', level: 'province', parentId: null });
    await addUnit(setup.db, { id: UNIT, name: 'UBND xã Tân Lập', level: 'commune', parentId: PROVINCE });
    officer = await addOfficer(setup.db, {
      unitId: UNIT,
      username: 'tiepnhan',
      fullName: 'Trần Thị Bình',
      role: 'reception',
      verifier: await verifiers.create(OFFICER_PASSWORD),
    });
    for (let slot = 1; slot <= slots; slot += 1) codes.push((await addDesk(setup.db, { unitId: UNIT, slot })).code);
    await prepare?.(setup.db);
  } finally {
    await setup.close();
  }

  const blobDir = mkdtempSync(join(tmpdir(), 'motcua-sync-blobs-'));
  const launch = () =>
    target.kind === 'pglite'
      ? startServerProcess(['--data', target.dataDir, '--blobs', blobDir], { DATABASE_URL: '' })
      : startServerProcess(['--blobs', blobDir], { DATABASE_URL: target.url });
  let server = await launch();
  const proxy = await startTcpProxy(portOf(server.url));

  const world: SyncWorld = {
    target,
    proxy,
    get server() {
      return server;
    },
    officer,
    codes,
    blobDir,
    async killServer() {
      if (server.child.exitCode !== null) return;
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await exited;
      proxy.cutAll();
    },
    async startServer() {
      server = await launch();
      proxy.setTarget(portOf(server.url));
    },
    async stopServer() {
      await server.stop();
      proxy.cutAll();
    },
    async serverState() {
      const database = await openDatabase(target, { migrate: false });
      try {
        const events = await database.db.selectFrom('events').select('id').orderBy('seq').execute();
        const dossiers = await database.db.selectFrom('dossiers').select(['code', 'state']).execute();
        return {
          eventIds: events.map((row) => String(row.id)),
          dossiers: new Map(dossiers.map((row) => [row.code, typeof row.state === 'string' ? (JSON.parse(row.state) as unknown) : row.state])),
        };
      } finally {
        await database.close();
      }
    },
    async close() {
      await proxy.close();
      await server.stop();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
  return world;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** A desk: its store, its enrollment, and (when started) its sync. */
export interface TestDesk {
  name: string;
  store: DeskStore;
  enrollment: Enrollment;
  /** The session of the world's officer, logged in on this desk: the store signs their events with it. */
  signer: EventSigner | null;
  sync: DeskSync | null;
  receive(count: number, day?: Date): Promise<DossierEvent[]>;
  append<T extends EventType>(type: T, code: string, payload: PayloadInput<T>): Promise<DossierEvent>;
  startSync(options?: Partial<DeskSyncOptions>): Promise<DeskSync>;
  /** Closes sync and store, like quitting the app (in the middle of whatever runs). */
  shutdown(): Promise<void>;
  /** Opens the same database again and restarts sync, like relaunching the app. */
  restart(options?: Partial<DeskSyncOptions>): Promise<DeskSync>;
}

export const OFFICER_PASSWORD = 'mật-khẩu-đủ-dài';

/** Logs `username` in on the desk as the login screen does; the store then signs their events in that session. */
export async function logInOnDesk(store: DeskStore, username: string, password: string = OFFICER_PASSWORD): Promise<EventSigner> {
  const result = await createDeskAuth(store, { now: Date.now }).login(username, password);
  if (!result.ok) throw result.error;
  const signer = await createEventSigner(result.value.session);
  store.events.signWith(signer);
  return signer;
}

/** `logIn: false`: enrolled only, nobody logged in (the store signs nothing). */
export async function enrolledDesk(world: SyncWorld, slot: number, { logIn = true }: { logIn?: boolean } = {}): Promise<TestDesk> {
  const name = uniqueNameForSync(`desk${slot}`);
  let store = await openTestStore(name);
  const outcome = await enrollDesk(store, { serverUrl: world.proxy.url, code: world.codes[slot - 1] ?? '', province: PROVINCE_CHOICE }, { clock: Date.now });
  const signer = logIn ? await logInOnDesk(store, world.officer.username) : null;
  const nextId = createEventIdGenerator({ now: Date.now, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
  let counter = 0;

  const desk: TestDesk = {
    name,
    get store() {
      return store;
    },
    enrollment: outcome.enrollment,
    signer,
    sync: null,
    async append(type, code, payload) {
      const event = createEvent(
        { type, dossierCode: code, officerId: world.officer.id, deskId: outcome.enrollment.deskId, unitId: UNIT, payload },
        { nextId, now: Date.now },
      );
      await store.events.append(event);
      return event;
    },
    async receive(count, day = new Date()) {
      const events: DossierEvent[] = [];
      for (let i = 0; i < count; i += 1) {
        counter += 1;
        events.push(await desk.append('RECEIVED', codeFor(slot, counter, day), receivedPayload(day, counter)));
      }
      return events;
    },
    async startSync(options = {}) {
      desk.sync = await startDeskSync({ store, enrollment: outcome.enrollment, clock: Date.now, retryTimeMs: 200, backoff: { baseMs: 100, maxMs: 1000 }, ...options });
      return desk.sync;
    },
    async shutdown() {
      await desk.sync?.stop();
      desk.sync = null;
      await store.close();
    },
    async restart(options = {}) {
      store = await openTestStore(name);
      // The officer's session outlives the relaunch, as it outlives a reload of the desk's window.
      store.events.signWith(signer);
      return desk.startSync(options);
    },
  };
  return desk;
}

export function codeFor(slot: number, counter: number, day: Date): string {
  const yymmdd = `${String(day.getUTCFullYear() % 100).padStart(2, '0')}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  return `${UNIT}-${yymmdd}-${String(slot * 1000 + counter).padStart(4, '0')}`;
}

export function receivedPayload(day: Date, n: number): PayloadInput<'RECEIVED'> {
  return {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    statutoryTime: { kind: 'working-days', days: 3 },
    channel: 'in-person',
    applicant: { fullName: `Nguyễn Văn Số ${n}`, citizenId: '001203004567', phone: '0912345678', address: 'Thôn Đông, xã Tân Lập' },
    papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
    sets: 1,
    fee: { amount: 0 },
    resultDelivery: 'desk',
    receivedAt: day.toISOString(),
    dueAt: new Date(day.getTime() + 3 * 86_400_000).toISOString(),
  };
}

/** Every event id on a desk, sorted. */
export async function deskEventIds(desk: TestDesk): Promise<string[]> {
  const docs = await desk.store.database.collections.events.find().exec();
  return docs.map((doc) => doc.id).sort();
}

/** The projection of every dossier on a desk, recomputed from its events, by code. */
export async function deskProjections(desk: TestDesk): Promise<Map<string, unknown>> {
  const dossiers = await desk.store.database.collections.dossiers.find().exec();
  const result = new Map<string, unknown>();
  for (const dossier of dossiers) {
    const events = await desk.store.events.forDossier(dossier.code);
    result.set(dossier.code, JSON.parse(JSON.stringify(projectDossier(events))) as unknown);
  }
  return result;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** Event ids of the unit as the server serves them (its feed), straight to the server, not via the proxy. */
export async function serverEventIds(world: SyncWorld, desk: TestDesk): Promise<string[]> {
  const ids: string[] = [];
  let checkpoint = 0;
  for (;;) {
    const response = await fetch(`${world.server.url}/api/sync/events/pull?checkpoint=${checkpoint}&limit=1000`, {
      headers: { authorization: `Bearer ${desk.enrollment.credential}` },
    });
    const page = (await response.json()) as { documents: Array<{ id: string }>; checkpoint: { seq: number } };
    ids.push(...page.documents.map((doc) => doc.id));
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < 1000) return ids;
  }
}
