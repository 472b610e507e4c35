/**
 * The logged-in officer survives a reload of the window (sessionStorage) but not closing it:
 * a desk left closed overnight asks for the password again. Only the officer id is kept; the
 * officer is re-read from the store (and must still be active) on every start.
 */
const SESSION_KEY = 'motcua.session.v1';

export function rememberSession(officerId: string): void {
  window.sessionStorage.setItem(SESSION_KEY, officerId);
}

export function rememberedOfficerId(): string | null {
  return window.sessionStorage.getItem(SESSION_KEY);
}

export function forgetSession(): void {
  window.sessionStorage.removeItem(SESSION_KEY);
}
