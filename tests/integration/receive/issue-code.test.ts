import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { receiveDossier } from '../../../renderer/screens/receive/issue-code.ts';
import { AGENCY, START, openTestStore, receivedPayload } from '../store/fixtures.ts';
import { uniqueName } from '../store/test-storage.ts';

const identity: DeskIdentity = { provinceCode: '01', provinceName: 'Hà Nội', unitName: 'Phường Ba Đình', agencyId: AGENCY, slot: 2, deskId: `${AGENCY}#2` };
const hintSchema = z.object({ code: z.string().nullable() });

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function receive(s: DeskStore, n: number) {
  const { receivedAt: _r, dueAt: _d, ...draft } = receivedPayload({ name: `Nguyễn Văn ${n}` });
  const nextId = createEventIdGenerator({ now: () => START, randomBytes: (k) => new Uint8Array(randomBytes(k)) });
  return receiveDossier(draft, { receivedAtMs: START, dueAtMs: START + 3 * 86_400_000 }, { store: s, identity, officerId: 'officer-1', now: () => START, newEventId: nextId });
}

const hint = async (s: DeskStore) => (await s.settings.get('last-dossier-code', hintSchema, { code: null })).code;
const code = (counter: number) => `${AGENCY}-251124-2${String(counter).padStart(3, '0')}`;

describe('issuing dossier codes', () => {
  it('issues consecutive codes, saving the hint every few receipts, and never reissues one after a restart', async () => {
    const name = uniqueName('codes');
    store = await openTestStore({ name });
    const first: string[] = [];
    for (let n = 1; n <= 12; n += 1) first.push((await receive(store, n)).dossierCode);
    expect(first).toEqual(Array.from({ length: 12 }, (_, i) => code(i + 1)));
    // Saved with the first receipt and the tenth after it (beside the receipt, not before it
    // returns); the two since live in memory only.
    const s = store;
    await vi.waitFor(async () => expect(await hint(s)).toBe(code(11)));
    await store.close();

    // A restart (or a crash) loses the in-memory part: the existence checks walk past it.
    store = await openTestStore({ name });
    expect((await receive(store, 13)).dossierCode).toBe(code(13));
    const reopened = store;
    await vi.waitFor(async () => expect(await hint(reopened)).toBe(code(13)));
    const codes = (await store.dossiers.query({ limit: 100 })).items.map((d) => d.code);
    expect(new Set(codes).size).toBe(13);
  });

  it('issues one code per receipt when receipts race', async () => {
    store = await openTestStore();
    const s = store;
    const codes = await Promise.all(Array.from({ length: 6 }, (_, i) => receive(s, i).then((e) => e.dossierCode)));
    expect(codes).toEqual(Array.from({ length: 6 }, (_, i) => code(i + 1)));
  });
});
