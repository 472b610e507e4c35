import { z } from 'zod';
import { deskVerifierOf } from '../../../src/auth/desk-verifier.ts';
import type { OfficerRole } from '../db/schema.ts';

/**
 * Which desks of their unit an officer may log in on (issue 18 point 6): every desk of the unit,
 * including desks added later, or the listed slots (none when empty). A desk receives an officer's
 * desk verifier only where the officer may log in, and the server accepts their events only from there.
 */
export type DeskAccess = 'all' | readonly number[];

const SLOTS = /^[1-9](,[1-9])*$/;

/** Reception and processing work at any desk of their unit; a leader's or administrator's account, which can do most, at none until granted. */
export function defaultDeskAccess(role: OfficerRole): DeskAccess {
  return role === 'reception' || role === 'processing' ? 'all' : [];
}

/** `all`, `none` or slots such as `1,3` (the column's and the command line's form); null for anything else. */
export function parseDeskAccess(text: string): DeskAccess | null {
  const trimmed = text.trim().toLowerCase().replaceAll(' ', '');
  if (trimmed === 'all') return 'all';
  if (trimmed === 'none') return [];
  if (!SLOTS.test(trimmed)) return null;
  return [...new Set(trimmed.split(',').map(Number))].sort((a, b) => a - b);
}

export function formatDeskAccess(access: DeskAccess): string {
  if (access === 'all') return 'all';
  return access.length === 0 ? 'none' : [...new Set(access)].sort((a, b) => a - b).join(',');
}

export const deskAccessSchema = z.string().transform((text, ctx) => {
  const access = parseDeskAccess(text);
  if (access !== null) return access;
  ctx.addIssue({ code: 'custom', message: 'ghi all, none hoặc các số quầy từ 1 đến 9 cách nhau bằng dấu phẩy (ví dụ 1,3)' });
  return z.NEVER;
});

export function allowedOnDesk(access: DeskAccess, slot: number): boolean {
  return access === 'all' || access.includes(slot);
}

/** In Vietnamese, for the administrator's command line. */
export function describeDeskAccess(access: DeskAccess): string {
  if (access === 'all') return 'mọi quầy của đơn vị';
  return access.length === 0 ? 'không quầy nào' : `quầy số ${access.join(', ')}`;
}

/** What the server keeps of an officer; `verifier` is the argon2id PHC verifier, H included. */
export interface ServerOfficer {
  id: string;
  unitId: string;
  fullName: string;
  username: string;
  role: OfficerRole;
  verifier: string;
  active: boolean;
  deskAccess: DeskAccess;
}

/** An officer as a desk receives them (src/auth/officer.ts `Officer`). */
export interface DeskOfficer {
  id: string;
  unitId: string;
  fullName: string;
  username: string;
  role: OfficerRole;
  active: boolean;
  /** A desk verifier (src/auth/desk-verifier.ts) where the officer may log in, else null; never H. */
  verifier: string | null;
}

/**
 * The officer as the desk in `deskSlot` of their unit sees them: every desk of the unit learns
 * their name and role (routes show who acted); only a desk they may log in on, while the account is
 * active, gets what checks their password, and that is a desk verifier, never the server's verifier.
 */
export async function officerForDesk(officer: ServerOfficer, deskSlot: number): Promise<DeskOfficer> {
  const mayLogIn = officer.active && allowedOnDesk(officer.deskAccess, deskSlot);
  return {
    id: officer.id,
    unitId: officer.unitId,
    fullName: officer.fullName,
    username: officer.username,
    role: officer.role,
    active: officer.active,
    verifier: mayLogIn ? await deskVerifierOf(officer.verifier) : null,
  };
}

/**
 * The officer's reference document, the same for every desk of the unit; what a desk is sent is
 * `officerForDesk` of the officer as stored. Its body changes whenever what some desk would see
 * changes (status, desks), so that the document is sent again.
 */
export function publishedOfficer(officer: ServerOfficer): Record<string, unknown> {
  const { verifier: _verifier, deskAccess, ...profile } = officer;
  return { ...profile, deskAccess: formatDeskAccess(deskAccess) };
}
