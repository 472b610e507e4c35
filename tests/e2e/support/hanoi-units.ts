import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
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
