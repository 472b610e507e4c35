import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { usernameSchema } from '../../../src/auth/officer.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { parseAgencyId } from '../../../src/dossier/dossier-code.ts';
import type { OfficerRole, Schema } from '../db/schema.ts';
import type { LoginGuard } from '../domain/login-guard.ts';
import { readCookie } from '../plugins/cookies.ts';
import { findOfficer, findOfficerByUsername } from '../repositories/officers.ts';

/** Who may read provincial reports, and over which receiving units (undefined = the whole province). */
export interface ReportViewer {
  officerId: string;
  fullName: string;
  role: OfficerRole;
  unitId: string;
  unitIds: readonly string[] | undefined;
}

/** The hook the report routes ask; swap it for the server's own officer sessions when they exist. */
export type ReportAuthorizer = (request: FastifyRequest) => Promise<ReportViewer | null>;

export const SESSION_COOKIE = 'motcua_bao_cao';
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const SESSION_TTL_MS = SESSION_MAX_AGE_SECONDS * 1000;
const verifier = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)) });
const decoy = verifier.create('decoy-password-never-used');

/**
 * Browser sessions for the dashboard: leaders and administrators log in with their officer
 * account; the token lives in an HttpOnly cookie (or `Authorization: Bearer` for API clients).
 * Sessions are in memory: a restart logs everyone out, which is acceptable for a dashboard.
 */
export function createReportSessions(db: Kysely<Schema>, guard: Pick<LoginGuard, 'attempt'>, now: () => number = Date.now) {
  const sessions = new Map<string, ReportViewer & { expiresMs: number }>();

  async function scopeOf(role: OfficerRole, unitId: string): Promise<readonly string[] | undefined> {
    if (role === 'admin') return undefined;
    const children = await db.selectFrom('units').select('id').where('parent_id', '=', unitId).execute();
    return [unitId, ...children.map((c) => c.id)];
  }

  async function stillActive(officerId: string): Promise<boolean> {
    return (await findOfficer(db, officerId))?.active === true;
  }

  return {
    /** A session token, or null when the account is unknown, wrong, inactive or not leader/admin. */
    async login(unitId: string, username: string, password: string): Promise<string | null> {
      // What is not an agency id and a username names no account, and never reaches the database
      // (a NUL there made it fail: a 500 instead of a refusal).
      const unit = parseAgencyId(unitId);
      const name = usernameSchema.safeParse(username);
      if (!unit.ok || !name.success) return null;
      const officer = await findOfficerByUsername(db, unit.value, name.data);
      const matches = await guard.attempt({ unitId, username }, async () =>
        (await verifier.verify(password, officer?.verifier ?? (await decoy))) && officer !== undefined,
      );
      if (!officer || !matches || !officer.active || (officer.role !== 'leader' && officer.role !== 'admin')) return null;
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, {
        officerId: officer.id, fullName: officer.fullName, role: officer.role, unitId: officer.unitId,
        unitIds: await scopeOf(officer.role, officer.unitId), expiresMs: now() + SESSION_TTL_MS,
      });
      return token;
    },
    logout(token: string | undefined): void {
      if (token) sessions.delete(token);
    },
    tokenOf,
    authorize: (async (request) => {
      const token = tokenOf(request);
      const session = token ? sessions.get(token) : undefined;
      if (!token || !session || session.expiresMs < now()) return null;
      // An officer disabled since (npm run admin -- officer disable, another process) is out at once.
      if (!(await stillActive(session.officerId))) {
        sessions.delete(token);
        return null;
      }
      const { expiresMs: _expires, ...viewer } = session;
      return viewer;
    }) satisfies ReportAuthorizer,
  };
}

export type ReportSessions = ReturnType<typeof createReportSessions>;

function tokenOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(request.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return readCookie(request, SESSION_COOKIE);
}
