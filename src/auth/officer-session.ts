import { canonicalJson } from '../canonical-json.ts';
import type { DossierEvent } from '../dossier/events.ts';
import { DomainError } from '../errors.ts';
import { decodeBase64Url, encodeBase64Url } from './base64.ts';
import { equalBytes } from './constant-time.ts';
import { hmacSha256, hmacSha256With } from './hmac.ts';
import type { MacFunction } from './hmac.ts';
import { parseArgon2Verifier } from './phc.ts';

/**
 * Who acted: an event is accepted by the server only with a MAC made in a login session of its
 * officer on the desk that pushes it (issue 18 point 6).
 *
 *   H = argon2id(password, salt)                                 the server's verifier holds H
 *   K = HMAC-SHA256(H, "motcua/officer-key/v1")                  officer key
 *   S = HMAC-SHA256(K, "session|" + deskId + "|" + officerId + "|" + sessionId)   one login on one desk
 *   mac = first 128 bits of HMAC-SHA256(S, canonical JSON of the event without session and serverAt)
 *
 * The desk computes H once at login from the typed password (it holds only a desk verifier,
 * desk-verifier.ts, from which H cannot be had without the password), derives K and then S, and
 * keeps S alone for the session. The server derives K from its stored H, so existing officers need
 * no new password, and S from the pushing desk's id and the event's officer: a MAC made for another
 * desk, another officer or another body does not verify. The officer id in S (beyond the suggested
 * scheme) keeps two accounts that were given one verifier (same salt, same H) from signing for each other.
 */

export const OFFICER_KEY_LABEL = 'motcua/officer-key/v1';
const SESSION_ID_BYTES = 16;
const MAC_BYTES = 16;

/** A login of one officer on one desk, as the desk keeps it: S, never H or K. */
export interface OfficerSession {
  officerId: string;
  deskId: string;
  /** 128 random bits, base64url. */
  id: string;
  /** S. */
  key: Uint8Array;
}

/** A fresh session id from `randomBytes` (the caller's cryptographic source). */
export function newSessionId(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(SESSION_ID_BYTES);
  if (bytes.length !== SESSION_ID_BYTES) {
    throw new DomainError('auth.bad_random', 'Nguồn số ngẫu nhiên trả về thiếu dữ liệu: không thể mở phiên đăng nhập.');
  }
  return encodeBase64Url(bytes);
}

/** K from H. */
export function officerKeyOf(passwordHash: Uint8Array): Promise<Uint8Array> {
  return hmacSha256(passwordHash, OFFICER_KEY_LABEL);
}

/** K from the server's argon2id PHC verifier (throws `auth.bad_verifier` for a malformed one). */
export function officerKeyOfVerifier(phcVerifier: string): Promise<Uint8Array> {
  return officerKeyOf(parseArgon2Verifier(phcVerifier).hash);
}

/** S from K. */
export function sessionKeyOf(officerKey: Uint8Array, session: { deskId: string; officerId: string; id: string }): Promise<Uint8Array> {
  return hmacSha256(officerKey, `session|${session.deskId}|${session.officerId}|${session.id}`);
}

/** Opens a session at login: H gives K, K gives S; only S is kept. */
export async function openOfficerSession(input: { passwordHash: Uint8Array; officerId: string; deskId: string; sessionId: string }): Promise<OfficerSession> {
  const officerKey = await officerKeyOf(input.passwordHash);
  const key = await sessionKeyOf(officerKey, { deskId: input.deskId, officerId: input.officerId, id: input.sessionId });
  officerKey.fill(0);
  return { officerId: input.officerId, deskId: input.deskId, id: input.sessionId, key };
}

/**
 * A record an officer signs in their session: a dossier event, or a record of its own kept beside
 * the log (a counter consultation, src/counter/consultation.ts), signed by the same rule.
 */
export interface SignableRecord {
  officerId: string;
  session?: { id: string; mac: string } | undefined;
  serverAt?: string | null;
}

/** What the MAC covers: the event as recorded, without its session and without the server's time. */
export function sessionMessage(event: SignableRecord): string {
  return canonicalJson({ ...event, session: undefined, serverAt: undefined });
}

function macOf(mac: MacFunction, event: SignableRecord): string {
  return encodeBase64Url(mac(sessionMessage(event)).subarray(0, MAC_BYTES));
}

export interface EventSigner {
  readonly officerId: string;
  readonly sessionId: string;
  /**
   * The event with this session's `session` field. An event that already carries one is returned
   * as is; an event of another officer is refused (`event.wrong_officer`): a desk records events
   * only for the officer logged in on it.
   */
  sign<E extends DossierEvent>(event: E): E;
  /** The same for any signable record (a counter consultation): same session, same MAC rule. */
  signRecord<R extends SignableRecord>(record: R): R;
}

export async function createEventSigner(session: OfficerSession): Promise<EventSigner> {
  const mac = await hmacSha256With(session.key);
  const signRecord = <R extends SignableRecord>(record: R): R => {
    if (record.session) return record;
    if (record.officerId !== session.officerId) {
      throw new DomainError(
        'event.wrong_officer',
        'Thao tác ghi tên một cán bộ khác với cán bộ đang đăng nhập tại quầy: không ghi nhận. Hãy đăng nhập bằng tài khoản của mình.',
        ['officerId'],
      );
    }
    return { ...record, session: { id: session.id, mac: macOf(mac, record) } };
  };
  return {
    officerId: session.officerId,
    sessionId: session.id,
    sign: signRecord,
    signRecord,
  };
}

/**
 * Checks events' session MACs for one officer (their key) on one desk. Session keys are derived once
 * per session id and kept (a desk's session pushes many batches).
 */
export interface SessionChecker {
  /** True when the event carries a session whose MAC verifies for this officer on this desk. */
  verify(event: SignableRecord): Promise<boolean>;
}

export function createSessionChecker(officer: { id: string; key: Uint8Array }, deskId: string, maxSessions = 64): SessionChecker {
  const macs = new Map<string, Promise<MacFunction>>();
  const macFor = (sessionId: string): Promise<MacFunction> => {
    let mac = macs.get(sessionId);
    if (!mac) {
      if (macs.size >= maxSessions) macs.delete(macs.keys().next().value as string);
      mac = sessionKeyOf(officer.key, { deskId, officerId: officer.id, id: sessionId }).then((key) => hmacSha256With(key));
      macs.set(sessionId, mac);
    }
    return mac;
  };
  return {
    async verify(event) {
      const claimed = event.session ? decodeBase64Url(event.session.mac) : null;
      if (!event.session || !claimed || event.officerId !== officer.id) return false;
      const mac = await macFor(event.session.id);
      return equalBytes(mac(sessionMessage(event)).subarray(0, MAC_BYTES), claimed);
    },
  };
}
