import { createSessionChecker, officerKeyOfVerifier } from '../../../src/auth/officer-session.ts';
import type { SessionChecker, SignableRecord } from '../../../src/auth/officer-session.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { BatchOfficer } from '../repositories/batch-context.ts';
import type { Desk } from '../repositories/desks.ts';
import { allowedOnDesk, parseDeskAccess } from './officer-access.ts';
import { ServerError } from './server-error.ts';

/**
 * Session checkers by desk, officer and verifier, kept across pushes (a desk's session sends many
 * batches): deriving a session key is two HMACs, checking an event one. Keyed by the verifier itself,
 * so that a new password makes a new officer key. Oldest dropped first past the bound.
 */
const checkers = new Map<string, SessionChecker>();
const MAX_CHECKERS = 5_000;

async function checkerFor(deskId: string, officerId: string, verifier: string): Promise<SessionChecker> {
  const key = `${deskId}\n${officerId}\n${verifier}`;
  let checker = checkers.get(key);
  if (!checker) {
    checker = createSessionChecker({ id: officerId, key: await officerKeyOfVerifier(verifier) }, deskId);
    if (checkers.size >= MAX_CHECKERS) checkers.delete(checkers.keys().next().value as string);
    checkers.set(key, checker);
  }
  return checker;
}

/**
 * Who acted (issue 18 point 6): each new event must come from a desk its officer may work on, with
 * a MAC made in that officer's login session on this very desk (src/auth/officer-session.ts). The
 * desk can make one only with the key derived at the officer's login there from the typed password,
 * so a desk cannot record events for an officer who never logged in on it. Runs after the officers'
 * unit, status and role are checked; events already stored (a retried push) were checked then.
 */
export async function checkSessions(
  officers: ReadonlyMap<string, BatchOfficer>,
  events: readonly DossierEvent[],
  desk: Desk,
  alreadyStored: { has(eventId: string): boolean },
): Promise<void> {
  for (const event of events) {
    if (alreadyStored.has(event.id)) continue;
    const officer = officers.get(event.officerId);
    const where = { eventId: event.id };
    if (!officer || !allowedOnDesk(parseDeskAccess(officer.deskAccess) ?? [], desk.slot)) {
      throw new ServerError(403, 'event.officer_not_on_desk', `Cán bộ ${event.officerId} không được phép làm việc tại quầy ${desk.id}.`, {
        ...where,
        path: ['officerId'],
      });
    }
    if (!event.session) {
      throw new ServerError(
        403,
        'event.no_session',
        `Sự kiện không có chữ ký phiên đăng nhập: chỉ ghi nhận thao tác của cán bộ đã đăng nhập tại quầy ${desk.id}.`,
        { ...where, path: ['session'] },
      );
    }
    if (!(await (await checkerFor(desk.id, event.officerId, officer.verifier)).verify(event))) {
      throw new ServerError(
        403,
        'event.bad_session',
        `Chữ ký phiên đăng nhập không đúng: cán bộ ${event.officerId} không đăng nhập tại quầy ${desk.id} trong phiên này, hoặc sự kiện đã bị sửa sau khi ghi.`,
        { ...where, path: ['session'] },
      );
    }
  }
}

/**
 * The same session rule for a record kept beside the log (a counter consultation): true when it
 * carries a session MAC of its officer, made in a login on this desk.
 */
export async function recordSessionVerifies(deskId: string, officer: { id: string; verifier: string }, record: SignableRecord): Promise<boolean> {
  return (await checkerFor(deskId, officer.id, officer.verifier)).verify(record);
}
