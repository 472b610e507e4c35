import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { createEventSigner, createSessionChecker, officerKeyOf, openOfficerSession } from '../../../src/auth/officer-session.ts';
import { AGENCY, codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

const DESK = `${AGENCY}#2`;
const H = new Uint8Array(32).fill(3);

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** Issue 18 point 6: the desk signs what it records with the session of the officer logged in. */
describe('signing events where the desk appends them', () => {
  it('signs every event appended in a session, keeps the signature through storage, and stops at logout', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const session = await openOfficerSession({ passwordHash: H, officerId: 'officer-1', deskId: DESK, sessionId: 'AAECAwQFBgcICQoLDA0ODw' });
    store.events.signWith(await createEventSigner(session));

    const received = make('RECEIVED', codeOf(1), receivedPayload());
    const appended = await store.events.append(received, { newDossier: true });
    expect(appended.event.session?.id).toBe(session.id);
    const stored = await store.events.byId(received.id);
    const checker = createSessionChecker({ id: 'officer-1', key: await officerKeyOf(H) }, DESK);
    expect(stored?.session).toEqual(appended.event.session);
    expect(await checker.verify(stored!)).toBe(true);
    // A retried append of the same action is the same signed event.
    expect(await store.events.append(received)).toMatchObject({ duplicate: true });

    store.events.signWith(null);
    const note = make('NOTE', codeOf(1), { text: 'Sau khi đăng xuất' });
    expect((await store.events.append(note)).event.session).toBeUndefined();
  });

  it('refuses an event of another officer than the one logged in, and stores nothing', async () => {
    store = await openTestStore();
    const make = eventFactory();
    store.events.signWith(await createEventSigner(await openOfficerSession({ passwordHash: H, officerId: 'officer-1', deskId: DESK, sessionId: 'AAECAwQFBgcICQoLDA0ODw' })));
    const asLeader = make('RECEIVED', codeOf(2), receivedPayload(), 'officer-lanh-dao');
    await expect(store.events.append(asLeader)).rejects.toMatchObject({ code: 'event.wrong_officer', message: expect.stringContaining('cán bộ đang đăng nhập') });
    expect(await store.events.byId(asLeader.id)).toBeNull();
    expect(await store.dossiers.byCode(codeOf(2))).toBeNull();
  });
});
