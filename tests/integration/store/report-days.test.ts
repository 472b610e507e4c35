import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { REPORT_ROW_FORMAT } from '../../../renderer/store/report-rows.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';
import { uniqueName } from './test-storage.ts';

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const DAY = '2025-11-24';

async function dayIds(s: DeskStore): Promise<string[]> {
  const docs = await s.database.collections.settings.find({ selector: { id: { $gte: 'report-day:', $lt: 'report-day:~' } } }).exec();
  return docs.map((doc) => doc.id).sort();
}

async function untilComplete(s: DeskStore): Promise<void> {
  for (let i = 0; i < 200 && !(await s.reportDays.isComplete()); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await s.reportDays.isComplete()).toBe(true);
}

/** Three dossiers on two days, one of them transferred and resolved. */
async function seedThree(s: DeskStore): Promise<void> {
  const make = eventFactory();
  await s.events.append(make('RECEIVED', codeOf(1), receivedPayload({ name: 'Nguyễn Văn An' })));
  await s.events.append(make('RECEIVED', codeOf(2), receivedPayload({ name: 'Trần Thị Bình' })));
  await s.events.append(
    make('RECEIVED', codeOf(3, '251125'), receivedPayload({ name: 'Lê Văn Cường', receivedAt: '2025-11-25T02:00:00.000Z', dueAt: '2025-11-28T10:00:00.000Z' })),
  );
  await s.events.append(make('TRANSFERRED', codeOf(2), { toUnitId: '000.00.12.H23', toOfficerId: 'officer-9' }));
}

describe('report days (the reports read model)', () => {
  it('holds every dossier in its day of receipt, kept in step with each event', async () => {
    store = await openTestStore();
    await untilComplete(store);
    await seedThree(store);

    expect(await dayIds(store)).toEqual(['report-day:2025-11-24:06', 'report-day:2025-11-25:06']);
    const day = await store.reportDays.read(DAY, DAY);
    expect(day.map((d) => d.code).sort()).toEqual([codeOf(1), codeOf(2)]);
    const projected = (await store.dossiers.byCode(codeOf(2)))?.state;
    const { eventIds: _ids, anomalies: _anomalies, handoverPending: _h, deadlineState: _d, feeReceipts: _fees, group: _group, attachments: _attachments, ...fields } = projected ?? ({} as never);
    expect(day.find((d) => d.code === codeOf(2))).toEqual({ ...fields, eventIds: [], anomalies: [] });
    expect(day.find((d) => d.code === codeOf(2))?.holderOfficerId).toBe('officer-9');
    expect((await store.reportDays.read('2025-11-24', '2025-11-25')).map((d) => d.code).sort()).toEqual([codeOf(1), codeOf(2), codeOf(3, '251125')]);
    expect(await store.reportDays.read('2025-11-26', '2026-12-31')).toEqual([]);
  });

  it('keeps each quarter day of receipt in its own doc, Vietnam time, and reads whole days', async () => {
    store = await openTestStore();
    await untilComplete(store);
    const make = eventFactory();
    const at = (code: string, receivedAt: string) => make('RECEIVED', code, receivedPayload({ receivedAt, dueAt: '2025-12-10T10:00:00.000Z' }));
    await store.events.append(at(codeOf(1), '2025-11-24T00:15:00.000Z')); // 07:15 in Vietnam
    await store.events.append(at(codeOf(2), '2025-11-24T04:59:00.000Z')); // 11:59
    await store.events.append(at(codeOf(5), '2025-11-24T05:00:00.000Z')); // 12:00
    await store.events.append(at(codeOf(3), '2025-11-24T16:59:59.000Z')); // 23:59:59
    await store.events.append(at(codeOf(4, '251125'), '2025-11-24T17:00:00.000Z')); // 00:00 the next day

    expect(await dayIds(store)).toEqual(['report-day:2025-11-24:06', 'report-day:2025-11-24:12', 'report-day:2025-11-24:18', 'report-day:2025-11-25:00']);
    expect((await store.reportDays.read(DAY, DAY)).map((d) => d.code).sort()).toEqual([codeOf(1), codeOf(2), codeOf(3), codeOf(5)]);
    expect((await store.reportDays.read('2025-11-25', '2025-11-25')).map((d) => d.code)).toEqual([codeOf(4, '251125')]);
  });

  it('is rebuilt from the projections for a database that never had it, without blocking the store', async () => {
    const name = uniqueName('reportdays');
    store = await openTestStore({ name });
    await untilComplete(store);
    await seedThree(store);
    const expected = (await store.reportDays.read('2025-01-01', '2025-12-31')).sort((a, b) => a.code.localeCompare(b.code));
    // What a database from before report days looks like: projections, no days, no marker.
    const settings = store.database.collections.settings;
    await settings.bulkRemove([...(await dayIds(store)), 'report-days-built']);
    await store.close();

    store = await openTestStore({ name });
    // The store is usable at once; a receive during the rebuild is kept too.
    await store.events.append(eventFactory()('RECEIVED', codeOf(4), receivedPayload({ name: 'Phạm Thị Dung' })));
    await untilComplete(store);
    const rebuilt = (await store.reportDays.read('2025-01-01', '2025-12-31')).sort((a, b) => a.code.localeCompare(b.code));
    expect(rebuilt.map((d) => d.code)).toEqual([...expected.map((d) => d.code), codeOf(4)].sort());
    expect(rebuilt.filter((d) => d.code !== codeOf(4))).toEqual(expected);
    expect(rebuilt.find((d) => d.code === codeOf(4))?.status).toBe(DossierStatus.Received);
  });

  it('drops days of another row format or grouping and rebuilds them', async () => {
    const name = uniqueName('reportformat');
    store = await openTestStore({ name });
    await untilComplete(store);
    await seedThree(store);
    const settings = store.database.collections.settings;
    await settings.incrementalUpsert({ id: 'report-days-built', value: { format: 2 }, updatedAt: '2025-11-24T01:00:00.000Z' });
    // Format 2 grouped the rows by hour: the same rows in a doc per hour are dropped too.
    await settings.incrementalUpsert({ id: 'report-day:2024-01-01:08', value: { format: 2, rows: '{}' }, updatedAt: '2025-11-24T01:00:00.000Z' });
    await store.close();

    store = await openTestStore({ name });
    await untilComplete(store);
    expect(await dayIds(store)).toEqual(['report-day:2025-11-24:06', 'report-day:2025-11-25:06']);
    expect((await store.reportDays.read('2024-01-01', '2025-12-31')).length).toBe(3);
  });

  it('refuses a damaged row with a clear message rather than a wrong report', async () => {
    store = await openTestStore();
    await untilComplete(store);
    await seedThree(store);
    const settings = store.database.collections.settings;
    await settings.incrementalUpsert({
      id: 'report-day:2025-11-26:06',
      value: { format: REPORT_ROW_FORMAT, rows: JSON.stringify({ 'X-1': ['only', 'three', 'fields'] }) },
      updatedAt: '2025-11-24T01:00:00.000Z',
    });
    await expect(store.reportDays.read('2025-11-24', '2025-11-26')).rejects.toThrow(/Dữ liệu báo cáo của hồ sơ X-1 bị hỏng/);
  });
});
