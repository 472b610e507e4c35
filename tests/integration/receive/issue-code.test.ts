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

function receive(s: DeskStore, n: number, at = START) {
  const { receivedAt: _r, dueAt: _d, ...draft } = receivedPayload({ name: `Nguyễn Văn ${n}` });
  const nextId = createEventIdGenerator({ now: () => at, randomBytes: (k) => new Uint8Array(randomBytes(k)) });
  return receiveDossier(draft, { receivedAtMs: at, dueAtMs: at + 3 * 86_400_000 }, { store: s, identity, officerId: 'officer-1', now: () => at, newEventId: nextId });
}

const hint = async (s: DeskStore) => (await s.settings.get('last-dossier-code', hintSchema, { code: null })).code;
const code = (counter: number) => `${AGENCY}-251124-2${String(counter).padStart(3, '0')}`;

describe('allocating ledger lines with the receipt (issue 20 point 7)', () => {
  it('numbers the desk’s book 1, 2, 3… through the year, across days and a restart, and starts a new book with the year', async () => {
    const name = uniqueName('ledger');
    store = await openTestStore({ name });
    const DAY = 86_400_000;
    const lines: number[] = [];
    for (let n = 1; n <= 3; n += 1) lines.push((await receive(store, n)).payload.ledger?.line ?? 0);
    // Two days later (a day without receipts between), after a restart that lost the in-memory hint.
    await store.close();
    store = await openTestStore({ name });
    const later = await receive(store, 4, START + 2 * DAY);
    lines.push(later.payload.ledger?.line ?? 0);
    lines.push((await receive(store, 5, START + 2 * DAY)).payload.ledger?.line ?? 0);
    expect(lines).toEqual([1, 2, 3, 4, 5]);
    expect(later.payload.ledger).toEqual({ year: 2025, book: 2, line: 4 });
    const nextYear = await receive(store, 6, Date.parse('2026-01-05T02:00:00Z'));
    expect(nextYear.payload.ledger).toEqual({ year: 2026, book: 2, line: 1 });
  });
});

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
