import type { RxQueryPlan } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { buildSelector, sortField } from '../../../renderer/store/dossier-query.ts';
import type { DossierQuery } from '../../../renderer/store/dossier-query.ts';
import { nameQueryRange, nameSearchKeys } from '../../../renderer/store/name-keys.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

const people = [
  { name: 'Nguyễn Văn An', dueAt: '2025-11-25T10:00:00.000Z', receivedAt: '2025-11-24T01:00:00.000Z' },
  { name: 'Nguyễn Thị Anh', dueAt: '2025-11-26T10:00:00.000Z', receivedAt: '2025-11-24T02:00:00.000Z' },
  { name: 'Trần Văn Bình', dueAt: '2025-11-24T09:00:00.000Z', receivedAt: '2025-11-24T03:00:00.000Z', procedureCode: '2.000986', field: 'Chứng thực' },
  { name: 'Lê Thị Đào', dueAt: '2025-11-28T10:00:00.000Z', receivedAt: '2025-11-24T04:00:00.000Z' },
  { name: 'ĐẶNG VĂN AN', dueAt: '2025-11-25T03:00:00.000Z', receivedAt: '2025-11-24T05:00:00.000Z' },
];

let store: DeskStore;
beforeAll(async () => {
  store = await openTestStore();
  const make = eventFactory();
  for (const [index, person] of people.entries()) {
    await store.events.append(make('RECEIVED', codeOf(index + 1), receivedPayload(person)));
  }
  // Dossier 4 (Lê Thị Đào) goes into processing.
  await store.events.append(make('ACCEPTED', codeOf(4), {}, 'officer-7'));
});
afterAll(async () => {
  await store.close();
});

const codes = (page: { items: { code: string }[] }) => page.items.map((item) => item.code);

describe('dossier queries', () => {
  it('lists by status and due date, soonest first, page by page', async () => {
    const first = await store.dossiers.query({ status: DossierStatus.Received, sort: 'due-asc', limit: 2 });
    expect(codes(first)).toEqual([codeOf(3), codeOf(5)]);
    const second = await store.dossiers.query({ status: DossierStatus.Received, sort: 'due-asc', limit: 2, cursor: first.nextCursor });
    expect(codes(second)).toEqual([codeOf(1), codeOf(2)]);
    expect(second.nextCursor).toBeNull();
  });

  it('finds overdue and due-soon dossiers by a due-date range', async () => {
    const now = '2025-11-25T02:00:00Z';
    const overdue = await store.dossiers.query({ status: [DossierStatus.Received, DossierStatus.InProcessing], deadline: { before: now }, sort: 'due-asc' });
    expect(codes(overdue)).toEqual([codeOf(3)]);
    const soon = await store.dossiers.query({ status: [2, 4], deadline: { from: now, before: '2025-11-26T02:00:00Z' }, sort: 'due-asc' });
    expect(codes(soon)).toEqual([codeOf(5), codeOf(1)]);
  });

  it('filters by received date, procedure, field and officer, newest first by default', async () => {
    expect(codes(await store.dossiers.query({ receivedFrom: '2025-11-24T02:00:00Z', receivedTo: '2025-11-24T04:00:00Z' }))).toEqual([codeOf(3), codeOf(2)]);
    expect(codes(await store.dossiers.query({ procedure: '2.000986' }))).toEqual([codeOf(3)]);
    expect(codes(await store.dossiers.query({ field: 'Chứng thực' }))).toEqual([codeOf(3)]);
    expect(codes(await store.dossiers.query({ officer: 'officer-7' }))).toEqual([codeOf(4)]);
    const paged = await store.dossiers.query({ limit: 3 });
    expect(codes(paged)).toEqual([codeOf(5), codeOf(4), codeOf(3)]);
    expect(codes(await store.dossiers.query({ limit: 3, cursor: paged.nextCursor }))).toEqual([codeOf(2), codeOf(1)]);
    expect(codes(await store.dossiers.query({ sort: 'received-asc', limit: 2 }))).toEqual([codeOf(1), codeOf(2)]);
  });

  it('counts per status from the indexes', async () => {
    const all = await store.dossiers.counts();
    expect(all[DossierStatus.Received]).toBe(4);
    expect(all[DossierStatus.InProcessing]).toBe(1);
    expect(all[DossierStatus.Returned]).toBe(0);
    const overdue = await store.dossiers.counts({ statuses: [2, 4], deadline: { before: '2025-11-25T02:00:00Z' } });
    expect(overdue[DossierStatus.Received]).toBe(1);
    expect((await store.dossiers.counts({ officer: 'officer-7' }))[DossierStatus.InProcessing]).toBe(1);
    expect(await store.dossiers.countReceived({ from: '2025-11-24T00:00:00Z', to: '2025-11-24T03:00:00Z' })).toBe(2);
  });

  it('searches names ignoring diacritics and case', async () => {
    const search = async (nameQuery: string, extra = {}) => codes(await store.dossiers.query({ nameQuery, sort: 'received-asc', ...extra }));
    expect(await search('nguyen van an')).toEqual([codeOf(1)]);
    expect(await search('NGUYỄN văn')).toEqual([codeOf(1)]);
    expect(await search('nguyen')).toEqual([codeOf(1), codeOf(2)]);
    expect(await search('an')).toEqual([codeOf(1), codeOf(2), codeOf(5)]);
    expect(await search('van an')).toEqual([codeOf(1), codeOf(5)]);
    expect(await search('dang van an')).toEqual([codeOf(5)]);
    expect(await search('dao')).toEqual([codeOf(4)]);
    expect(await search('  ')).toHaveLength(5);
    expect(await search('an', { status: DossierStatus.Received, sort: 'due-asc' })).toEqual([codeOf(5), codeOf(1), codeOf(2)]);
    expect(await search('an', { limit: 2 })).toEqual([codeOf(1), codeOf(2)]);
    expect(await search('xyz')).toEqual([]);
  });

  it('answers a name search with a primary-key range of the name index, never a scan', () => {
    const range = nameQueryRange('Nguyễn Văn A');
    expect(range).toEqual({ from: 'nguyen van a', to: 'nguyen van a\uffff' });
    const plan = planOf(store.database.collections.searchkeys.find({ selector: { id: { $gte: range?.from, $lt: range?.to } }, sort: [{ id: 'asc' }] }));
    expect(plan).toMatchObject({ index: ['_deleted', 'id'], selectorSatisfiedByIndex: true, sortSatisfiedByIndex: true });
    expect(plan.startKeys).toEqual([false, 'nguyen van a']);
    expect(plan.endKeys).toEqual([false, 'nguyen van a\uffff']);
    expect(nameSearchKeys('  Nguyễn  Văn An ')).toEqual(['nguyen van an', 'van an', 'an', 'nguyen an']);
  });

  it('serves each list from one index range in index order (no read-all-then-sort)', () => {
    const { dossiers } = store.database.collections;
    const cases: [DossierQuery, string[]][] = [
      [{ status: 2, deadline: { before: '2025-11-25T02:00:00Z' }, sort: 'due-asc' }, ['status', 'dueKey']],
      [{ status: 2 }, ['status', 'receivedDescKey']],
      [{}, ['receivedDescKey']],
      [{ receivedFrom: '2025-11-24T00:00:00Z', receivedTo: '2025-11-25T00:00:00Z' }, ['receivedDescKey']],
      [{ receivedFrom: '2025-11-24T00:00:00Z', sort: 'received-asc' }, ['receivedKey']],
      [{ officer: 'officer-7' }, ['holderOfficerId', 'receivedDescKey']],
      [{ officer: 'officer-7', status: 4, sort: 'due-asc' }, ['holderOfficerId', 'status', 'dueKey']],
      [{ procedure: '2.000986', cursor: 'x' }, ['procedureCode', 'receivedDescKey']],
      [{ field: 'Hộ tịch' }, ['field', 'receivedDescKey']],
    ];
    for (const [query, index] of cases) {
      const sort = query.sort ?? 'received-desc';
      const selector = { ...buildSelector(query, sort), ...(query.status === undefined ? {} : { status: query.status }) };
      const field = sortField(sort);
      const plan = planOf(dossiers.find({ selector, sort: [{ [field]: 'asc' }] } as never));
      expect(plan.index, JSON.stringify(query)).toEqual(['_deleted', ...index, 'code']);
      expect(plan.selectorSatisfiedByIndex, JSON.stringify(query)).toBe(true);
      expect(plan.sortSatisfiedByIndex, JSON.stringify(query)).toBe(true);
    }
  });
});

function planOf(query: { getPreparedQuery(): { queryPlan: RxQueryPlan } }): RxQueryPlan {
  return query.getPreparedQuery().queryPlan;
}
