import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { OfficerRole } from '../../../src/auth/officer.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { addDesk } from '../../../sync/server/repositories/desks.ts';
import { addOfficer } from '../../../sync/server/repositories/officers.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import type { ServerProcess } from '../../helpers/server-process.ts';
import { newPgliteDir } from '../../integration/server/support/server-databases.ts';
import type { Schema } from '../../../sync/server/db/schema.ts';
import { addUnit } from '../../../sync/server/repositories/units.ts';

/** Two wards of Hà Nội and their officers, for the E2E tests that run a real provincial server. */
export const PROVINCE = '000.00.00.H23';
export const UNIT_A = '000.00.12.H23';
export const UNIT_B = '000.00.13.H23';
export const PASSWORD = 'mật-khẩu-đủ-dài-2026';
export const RECEPTION_A = { username: 'lan.nt', fullName: 'Nguyễn Thị Lan' };
export const PROCESSING_B = { username: 'hung.tv', fullName: 'Trần Văn Hùng' };
export const LEADER_A = { username: 'lanhdao', fullName: 'Phạm Minh Đức' };

// Cheap argon2 parameters: the tests exercise the flows, not the cost.
export const verifiers = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)), params: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });

/** The city and its two wards, Ba Đình (A) and Hoàn Kiếm (B). */
export async function addHanoiUnits(db: Kysely<Schema>): Promise<void> {
  await addUnit(db, { id: PROVINCE, name: 'UBND thành phố Hà Nội', level: 'province', parentId: null });
  await addUnit(db, { id: UNIT_A, name: 'UBND phường Ba Đình', level: 'commune', parentId: PROVINCE });
  await addUnit(db, { id: UNIT_B, name: 'UBND phường Hoàn Kiếm', level: 'commune', parentId: PROVINCE });
}

export interface HanoiOfficer {
  unitId: string;
  username: string;
  fullName: string;
  role: OfficerRole;
}

/** Ba Đình's local administrator: a desk whose unit has none goes back to first-run set-up when restarted. */
export const ADMIN_A: HanoiOfficer = { unitId: UNIT_A, username: 'quantri', fullName: 'Quản trị Ba Đình', role: 'admin' };

export interface HanoiServer {
  server: ServerProcess;
  /** The one-time enrolment code of each desk asked for, in order. */
  deskCodes: string[];
  stop(): Promise<void>;
}

/**
 * A real provincial server on PGlite with the two wards, the officers (all with PASSWORD) and the
 * desks asked for; `prepare` adds what one test needs more before the server starts.
 */
export async function startHanoiServer(setup: {
  officers: readonly HanoiOfficer[];
  desks: readonly { unitId: string; slot: number }[];
  prepare?: (db: Kysely<Schema>) => Promise<void>;
}): Promise<HanoiServer> {
  const dataDir = await newPgliteDir();
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const deskCodes: string[] = [];
  try {
    const db = database.db;
    const verifier = await verifiers.create(PASSWORD);
    await addHanoiUnits(db);
    for (const officer of setup.officers) await addOfficer(db, { ...officer, verifier });
    await setup.prepare?.(db);
    for (const desk of setup.desks) deskCodes.push((await addDesk(db, desk)).code);
  } finally {
    await database.close();
  }
  const server = await startServerProcess(['--data', dataDir]);
  return {
    server,
    deskCodes,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
