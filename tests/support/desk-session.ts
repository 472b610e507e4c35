import { createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../src/canonical-json.ts';

/**
 * Signs events as a desk does once its officer has logged in (src/auth/officer-session.ts), written
 * again here with Node's crypto: the server accepting what this independent implementation signs,
 * and refusing what it signs wrongly, is part of what the tests prove. Used by the test and bench
 * helpers that build events for the server without a desk.
 */
export interface TestSession {
  officerId: string;
  deskId: string;
  id: string;
  /** S. */
  key: Buffer;
}

/** H from an argon2id PHC verifier (its last field). */
function passwordHashOf(phcVerifier: string): Buffer {
  const hash = phcVerifier.split('$').at(-1);
  if (!hash) throw new Error(`not a PHC verifier: ${phcVerifier}`);
  return Buffer.from(hash, 'base64');
}

/** A session of `officer` (its server-side PHC verifier) on `deskId`, as a login there opens one. */
export function testSession(officer: { id: string; verifier: string }, deskId: string, id: string = randomBytes(16).toString('base64url')): TestSession {
  const officerKey = createHmac('sha256', passwordHashOf(officer.verifier)).update('motcua/officer-key/v1').digest();
  const key = createHmac('sha256', officerKey).update(`session|${deskId}|${officer.id}|${id}`).digest();
  return { officerId: officer.id, deskId, id, key };
}

/** The event with the session's signature: a MAC of its canonical JSON without session and serverAt. */
export function signedIn<E extends object>(event: E, session: TestSession): E & { session: { id: string; mac: string } } {
  const { session: _old, serverAt: _serverAt, ...body } = event as E & { session?: unknown; serverAt?: unknown };
  const mac = createHmac('sha256', session.key).update(canonicalJson(body), 'utf8').digest().subarray(0, 16).toString('base64url');
  return { ...event, session: { id: session.id, mac } };
}

/** Signs each event in a session of its own officer on `deskId` (one session per officer). */
export function signAll<E extends { officerId: string }>(events: readonly E[], deskId: string, verifierOf: (officerId: string) => string): Array<E & { session: { id: string; mac: string } }> {
  const sessions = new Map<string, TestSession>();
  return events.map((event) => {
    let session = sessions.get(event.officerId);
    if (!session) sessions.set(event.officerId, (session = testSession({ id: event.officerId, verifier: verifierOf(event.officerId) }, deskId)));
    return signedIn(event, session);
  });
}
