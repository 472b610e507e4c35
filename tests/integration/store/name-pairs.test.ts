import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { foldForSearch } from '../../../src/people/search-key.ts';
import { NAME_KEYS_BUILT, nameKeysCurrent } from '../../../renderer/store/search-key-format.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';
import { uniqueName } from './test-storage.ts';

let store: DeskStore;
afterEach(async () => {
  await store.close();
});

const codes = (page: { items: { code: string }[] }) => page.items.map((item) => item.code).sort();
const receivedAt = (n: number) => new Date(Date.UTC(2025, 10, 24, 1, n)).toISOString();
const make = eventFactory();
const NAMES = ['Nguyễn Thị Ngọc Anh', 'Nguyễn Anh Tuấn', 'Trần Thị Ngọc', 'Lê Văn Ngọc Anh', 'Phạm Thị Bình'];

async function receive(s: DeskStore): Promise<void> {
  for (const [index, name] of NAMES.entries()) {
    await s.events.append(make('RECEIVED', codeOf(index + 1), receivedPayload({ name, receivedAt: receivedAt(index), citizenId: `0010850${String(index).padStart(5, '0')}` })));
  }
}

/** Which of NAMES a query finds: the expectation written as names, compared as codes. */
const named = (...names: string[]) => names.map((name) => codeOf(NAMES.indexOf(name) + 1)).sort();

async function untilCurrent(s: DeskStore): Promise<void> {
  for (let i = 0; i < 200 && !(await nameKeysCurrent(s.settings)); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await nameKeysCurrent(s.settings)).toBe(true);
}

const QUERIES: [string, string[]][] = [
  ['thi ngoc', ['Nguyễn Thị Ngọc Anh', 'Trần Thị Ngọc']],
  ['nguyen anh', ['Nguyễn Thị Ngọc Anh', 'Nguyễn Anh Tuấn']],
  ['NGUYỄN ngọc', ['Nguyễn Thị Ngọc Anh']],
  ['thi anh', ['Nguyễn Thị Ngọc Anh']],
  ['van anh', ['Lê Văn Ngọc Anh']],
  ['tran ngoc', ['Trần Thị Ngọc']],
  ['nguyen a', ['Nguyễn Thị Ngọc Anh', 'Nguyễn Anh Tuấn']],
  ['anh nguyen', []],
  ['thi ngoc anh', ['Nguyễn Thị Ngọc Anh']],
];

describe('name search by any two of its words in order, accents ignored', () => {
  it.each(QUERIES)('"%s" finds %j', async (query, expected) => {
    store = await openTestStore();
    await receive(store);
    expect(codes(await store.dossiers.query({ nameQuery: query }))).toEqual(named(...expected));
  });

  it('adds the keys of the new layout to a desk written before it, in the background, losing nothing', async () => {
    const name = uniqueName('namepairs');
    store = await openTestStore({ name });
    await receive(store);
    await untilCurrent(store);
    // What a desk from before pair keys holds: each name under its word suffixes only, no marker.
    const { searchkeys, settings } = store.database.collections;
    const all = await searchkeys.find().exec();
    const pairKeys = all.filter((doc) => {
      const key = doc.id.slice(0, doc.id.indexOf('|'));
      if (key.startsWith('#')) return false;
      const folded = foldForSearch(NAMES[Number(doc.code.slice(-1)) - 1] as string);
      return !(folded === key || folded.endsWith(` ${key}`));
    });
    expect(pairKeys.length).toBeGreaterThan(0);
    await searchkeys.bulkRemove(pairKeys.map((doc) => doc.id));
    await settings.bulkRemove([NAME_KEYS_BUILT]);
    expect(codes(await store.dossiers.query({ nameQuery: 'nguyen anh' }))).toEqual(named('Nguyễn Anh Tuấn'));
    const before = new Set((await searchkeys.find().exec()).map((doc) => doc.id));
    await store.close();

    store = await openTestStore({ name });
    // Usable at once; a receipt during the upgrade gets its keys as always.
    await store.events.append(make('RECEIVED', codeOf(9), receivedPayload({ name: 'Nguyễn Văn Ngọc Anh', receivedAt: receivedAt(9), citizenId: '001085000099' })));
    await untilCurrent(store);
    const after = new Set((await store.database.collections.searchkeys.find().exec()).map((doc) => doc.id));
    expect([...before].filter((id) => !after.has(id))).toEqual([]);
    // The pair keys put back, and the new receipt's 4 suffixes, 3 pairs and its citizen-ID key.
    expect(after.size).toBe(before.size + pairKeys.length + 8);
    expect(codes(await store.dossiers.query({ nameQuery: 'nguyen anh' }))).toEqual([...named('Nguyễn Thị Ngọc Anh', 'Nguyễn Anh Tuấn'), codeOf(9)].sort());
    expect(codes(await store.dossiers.query({ nameQuery: 'thi anh' }))).toEqual(named('Nguyễn Thị Ngọc Anh'));
  });
});
