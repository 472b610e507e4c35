import { z } from 'zod';
import { decodeBase64Url, encodeBase64Url } from '../../src/auth/base64.ts';
import type { OfficerSession } from '../../src/auth/officer-session.ts';

/**
 * The logged-in officer's session survives a reload of the window (sessionStorage) but not closing
 * it or logging out: a desk left closed overnight asks for the password again. Kept: the officer and
 * desk ids and the session's id and key S (src/auth/officer-session.ts), never the password, its
 * hash H or the officer key K. S signs events only for this officer, on this desk, in this session:
 * whoever can read this window's storage can already act in the open window. The officer is re-read
 * from the store (and must still be active and allowed here) on every start.
 */
const SESSION_KEY = 'motcua.session.v2';

const rememberedSchema = z.strictObject({
  officerId: z.string().min(1),
  deskId: z.string().min(1),
  id: z.string().min(1),
  key: z.string().min(1),
});

export function rememberSession(session: OfficerSession): void {
  const remembered: z.infer<typeof rememberedSchema> = { officerId: session.officerId, deskId: session.deskId, id: session.id, key: encodeBase64Url(session.key) };
  window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(remembered));
}

export function rememberedSession(): OfficerSession | null {
  const text = window.sessionStorage.getItem(SESSION_KEY);
  if (text === null) return null;
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(text));
    const key = parsed.success ? decodeBase64Url(parsed.data.key) : null;
    if (!parsed.success || !key || key.length !== 32) return null;
    return { officerId: parsed.data.officerId, deskId: parsed.data.deskId, id: parsed.data.id, key };
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  window.sessionStorage.removeItem(SESSION_KEY);
}
