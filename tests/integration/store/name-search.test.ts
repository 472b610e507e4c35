import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { MAX_DISTINCT_NAME_KEYS } from '../../../renderer/store/dossier-repository.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

let store: DeskStore;
afterEach(async () => {
  await store.close();
});

const codes = (page: { items: { code: string }[] }) => page.items.map((item) => item.code);
const receivedAt = (n: number) => new Date(Date.UTC(2025, 10, 24, 1, n)).toISOString();

// One factory for the whole file: event ids must grow in the order events are made.
const make = eventFactory();

async function receive(names: readonly string[]): Promise<void> {
  for (const [index, name] of names.entries()) {
    await store.events.append(make('RECEIVED', codeOf(index + 1), receivedPayload({ name, receivedAt: receivedAt(index), citizenId: `0010850${String(index).padStart(5, '0')}` })));
  }
}

describe('name search, newest first from the key index', () => {
  it('merges the keys a query reaches, newest first, page by page, each dossier once', async () => {
    store = await openTestStore();
    // 1..6 received one minute apart; "An An" is under the keys "an an" and "an".
    await receive(['Nguyễn Văn An', 'Trần Văn Anh', 'Lê An', 'An An', 'Phạm Thị Bình', 'Đỗ Văn An']);
    const first = await store.dossiers.query({ nameQuery: 'an', limit: 2 });
    expect(codes(first)).toEqual([codeOf(6), codeOf(4)]);
    const second = await store.dossiers.query({ nameQuery: 'an', limit: 2, cursor: first.nextCursor });
    expect(codes(second)).toEqual([codeOf(3), codeOf(2)]);
    const third = await store.dossiers.query({ nameQuery: 'an', limit: 2, cursor: second.nextCursor });
    expect(codes(third)).toEqual([codeOf(1)]);
    expect(third.nextCursor).toBeNull();
    expect(codes(await store.dossiers.query({ nameQuery: 'van an' }))).toEqual([codeOf(6), codeOf(2), codeOf(1)]);
    expect(codes(await store.dossiers.query({ nameQuery: 'nguyen van an' }))).toEqual([codeOf(1)]);
    expect(codes(await store.dossiers.query({ nameQuery: 'binh' }))).toEqual([codeOf(5)]);
  });

  it('applies the other filters while reading, and follows status changes', async () => {
    store = await openTestStore();
    await receive(['Nguyễn Văn An', 'Trần Văn Anh', 'Lê An']);
    await store.events.append(make('ACCEPTED', codeOf(2), {}, 'officer-7'));
    expect(codes(await store.dossiers.query({ nameQuery: 'an', status: DossierStatus.Received }))).toEqual([codeOf(3), codeOf(1)]);
    expect(codes(await store.dossiers.query({ nameQuery: 'an', officer: 'officer-7' }))).toEqual([codeOf(2)]);
    expect(codes(await store.dossiers.query({ nameQuery: 'an', status: DossierStatus.Received, limit: 1 }))).toEqual([codeOf(3)]);
  });

  it('falls back to reading candidates when a short query reaches too many names', async () => {
    store = await openTestStore();
    const names = Array.from({ length: MAX_DISTINCT_NAME_KEYS + 2 }, (_, i) => `Ngô Văn A${String.fromCharCode(98 + i)}`);
    await receive(names);
    const page = await store.dossiers.query({ nameQuery: 'ngo van a', limit: 3 });
    expect(codes(page)).toEqual([codeOf(names.length), codeOf(names.length - 1), codeOf(names.length - 2)]);
    expect(page.tooBroad).toBe(false);
  });
});

describe('alert counts from memory', () => {
  it('counts open dossiers at once after every write, per officer and due range, and after a reopen', async () => {
    const name = `alerts${Date.now()}`;
    store = await openTestStore({ name });
    await receive(['Nguyễn Văn An', 'Trần Văn Anh', 'Lê An']);
    const overdue = { statuses: [DossierStatus.Received, DossierStatus.InProcessing], deadline: { before: '2099-01-01T00:00:00Z' } };
    expect(await store.dossiers.counts(overdue)).toMatchObject({ [DossierStatus.Received]: 3, [DossierStatus.InProcessing]: 0 });
    await store.events.append(make('ACCEPTED', codeOf(2), {}, 'officer-7'));
    expect(await store.dossiers.counts(overdue)).toMatchObject({ [DossierStatus.Received]: 2, [DossierStatus.InProcessing]: 1 });
    expect(await store.dossiers.counts({ ...overdue, officer: 'officer-7' })).toMatchObject({ [DossierStatus.Received]: 0, [DossierStatus.InProcessing]: 1 });
    expect(await store.dossiers.counts({ ...overdue, deadline: { before: '2000-01-01T00:00:00Z' } })).toMatchObject({ [DossierStatus.Received]: 0 });
    await store.events.append(make('REFUSED', codeOf(1), { reason: 'Không thuộc thẩm quyền' }));
    const all = await store.dossiers.counts();
    expect(all).toMatchObject({ [DossierStatus.Received]: 1, [DossierStatus.InProcessing]: 1, [DossierStatus.Refused]: 1 });
    await store.close();

    store = await openTestStore({ name });
    expect(await store.dossiers.counts()).toEqual(all);
    // The checkpoint was saved at close: nothing to project again.
    expect(await store.projections.catchUp()).toBe(0);
  });
});
