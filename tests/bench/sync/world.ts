import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { DatabaseTarget } from '../../../sync/server/db/database.ts';
import { addDesk, issueEnrollmentCode, redeemEnrollmentCode } from '../../../sync/server/repositories/desks.ts';
import { addOfficer } from '../../../sync/server/repositories/officers.ts';
import { addUnit } from '../../../sync/server/repositories/units.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { onInterrupt } from './cleanup.ts';
import type { DeskActors } from './dataset.ts';

/**
 * The provincial side of the bench: communes under one province, each with a reception and a
 * processing officer and one desk (slot 1), set up with the server's own repositories, and the
 * real server process (`sync/server/main.ts`) on top.
 */
export const PROVINCE = '000.00.00.H23';
export const PROVINCE_CHOICE = { code: '01', name: 'Thành phố Hà Nội' };

export interface BenchUnit extends DeskActors {
  /** The one-time enrollment code (spent when `credential` is set). */
  code: string;
  /** The desk credential, when the code was redeemed here (simulated desks). */
  credential: string | null;
}

const verifiers = createPasswordVerifier({
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  params: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
});

/** Commune `index` (1-based): 000.10.01.H23, 000.10.02.H23, … 99 per middle level. */
export function communeId(index: number): string {
  const level = 10 + Math.floor((index - 1) / 99);
  const own = ((index - 1) % 99) + 1;
  return `000.${String(level).padStart(2, '0')}.${String(own).padStart(2, '0')}.H23`;
}

/** The desks were first enrolled this long ago: the data sets' receipts of past days are later than that. */
const ENROLLED_AGO_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Creates `count` communes with their officers and desks, each first enrolled a year ago (the server
 * refuses receipts older than their desk). `redeem`: keep that enrollment's credential (as
 * `POST /api/desks/enroll` gives it, without its rate limit of 10 a minute); otherwise the desk gets
 * a fresh code to enroll with again, as a reinstalled desk does.
 */
export async function seedCommunes(target: DatabaseTarget, count: number, { redeem }: { redeem: boolean }): Promise<BenchUnit[]> {
  const database = await openDatabase(target);
  try {
    const db = database.db;
    await addUnit(db, { id: PROVINCE, name: 'UBND thành phố Thử Nghiệm', level: 'province', parentId: null });
    const verifier = await verifiers.create('mật-khẩu-đủ-dài');
    const one = async (index: number): Promise<BenchUnit> => {
      const unitId = communeId(index);
      await addUnit(db, { id: unitId, name: `UBND xã Thử Nghiệm ${index}`, level: 'commune', parentId: PROVINCE });
      const reception = await addOfficer(db, { unitId, username: 'tiepnhan', fullName: `Trần Thị Bình ${index}`, role: 'reception', verifier });
      const processing = await addOfficer(db, { unitId, username: 'chuyenmon', fullName: `Lê Văn Cường ${index}`, role: 'processing', verifier });
      const enrolledAt = new Date(Date.now() - ENROLLED_AGO_MS);
      const issued = await addDesk(db, { unitId, slot: 1 }, enrolledAt);
      const first = await redeemEnrollmentCode(db, issued.code, enrolledAt);
      const credential = redeem ? first.credential : null;
      const code = redeem ? issued.code : (await issueEnrollmentCode(db, issued.desk.id)).code;
      return {
        unitId,
        deskId: issued.desk.id,
        slot: 1,
        receptionOfficerId: reception.id,
        processingOfficerId: processing.id,
        officerVerifier: verifier,
        code,
        credential,
      };
    };
    const units: BenchUnit[] = [];
    // A few at a time: PostgreSQL's pool has 10 connections; PGlite serialises anyway.
    for (let first = 1; first <= count; first += 8) {
      const indexes = Array.from({ length: Math.min(8, count - first + 1) }, (_, i) => first + i);
      units.push(...(await Promise.all(indexes.map(one))));
    }
    return units;
  } finally {
    await database.close();
  }
}

export interface BenchServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** The last lines the server wrote (its log), for failures. */
  tail(): string;
}

/**
 * Starts `sync/server/main.ts` as a separate process, logging at `info` as in production, keeping
 * uploaded files in `blobDir` when given. Once it
 * listens, its log is drained into a short ring buffer: the helper would keep (and rescan) all of it.
 */
export async function startBenchServer(target: DatabaseTarget, { blobDir }: { blobDir?: string } = {}): Promise<BenchServer> {
  const profile = serverProfileEnv();
  const blobs = blobDir === undefined ? [] : ['--blobs', blobDir];
  const server =
    target.kind === 'pglite'
      ? await startServerProcess(['--data', target.dataDir, ...blobs], { DATABASE_URL: '', ...profile })
      : await startServerProcess(blobs, { DATABASE_URL: target.url, ...profile });
  const forget = onInterrupt(() => {
    server.child.kill('SIGKILL');
  });
  const lines: string[] = [];
  for (const stream of [server.child.stdout, server.child.stderr]) {
    if (!stream) continue;
    stream.removeAllListeners('data');
    stream.on('data', (chunk: Buffer) => {
      lines.push(chunk.toString('utf8'));
      if (lines.length > 40) lines.splice(0, lines.length - 40);
    });
  }
  return {
    url: server.url,
    port: Number(new URL(server.url).port),
    async stop() {
      forget();
      await server.stop();
    },
    tail: () => lines.join('').slice(-4000),
  };
}

/**
 * `BENCH_SERVER_CPU_PROF=<dir>`: the server process writes a V8 CPU profile there when it stops
 * (open it in Chrome DevTools), and only the server: the bench's own work stays out of it.
 */
function serverProfileEnv(): NodeJS.ProcessEnv {
  if (!process.env.BENCH_SERVER_CPU_PROF) return {};
  const preload = fileURLToPath(new URL('./cpu-profile-preload.mjs', import.meta.url));
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim() };
}
