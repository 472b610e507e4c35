import { newSessionId } from '../../src/auth/officer-session.ts';
import { createPasswordVerifier } from '../../src/auth/password-verifier.ts';
import { createEventIdGenerator } from '../../src/dossier/event-id.ts';

/** The renderer's sources of time and randomness, injected into the pure core. */
export const clock = (): number => Date.now();

export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export const passwords = createPasswordVerifier({ randomBytes });

/** One generator per window keeps ids monotonic even when the clock stalls. */
export const newEventId = createEventIdGenerator({ now: clock, randomBytes });

/** Unique ids for local records (officers): time-ordered like event ids. */
export const newLocalId = newEventId;

/** A fresh login session id (128 random bits). */
export const newDeskSessionId = (): string => newSessionId(randomBytes);
