import { describe, expect, it } from 'vitest';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { projectionFields } from '../../../sync/server/repositories/events.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, receivedPayload, UNIT_B } from './support/world.ts';

const TIME_COLUMNS = new Set(['received_at', 'due_at', 'finished_at', 'returned_at']);
const scan = (digit: string) => ({ hash: digit.repeat(64), size: 20_000, mediaType: 'application/pdf' as const, pages: 1 });

/**
 * A push writes a dossier's projection columns from its `state` in SQL (event-batch.ts): they must
 * be what `projectionFields` gives in TypeScript, as the other writers of projections store them.
 */
describe.each(serverTestDatabases())('projection columns written by pushes on $name', (database) => {
  const suite = worldPerSuite(database);

  it('are the values projectionFields gives for the stored state, open, finished, paused, transferred, linked and digitised', async () => {
    const { app, deskA, officers } = suite.world;
    const reception = officers.receptionA!;
    const processing = officers.processingA!;
    const [linked, finished, paused, transferred] = [0, 1, 2, 3].map(() => newDossierCode(deskA)) as [string, string, string, string];
    const first = [
      makeEvent(deskA, reception, 'RECEIVED', linked, { ...receivedPayload(), linkedGroupId: 'nhom-ho-so-1' }),
      makeEvent(deskA, reception, 'RECEIVED', finished, receivedPayload()),
      makeEvent(deskA, reception, 'RECEIVED', paused, receivedPayload()),
      makeEvent(deskA, reception, 'SUPPLEMENT_REQUESTED', paused, { reason: 'Thiếu tờ khai', items: ['Tờ khai có chữ ký'] }),
      makeEvent(deskA, reception, 'RECEIVED', transferred, receivedPayload()),
      makeEvent(deskA, reception, 'TRANSFERRED', transferred, { toUnitId: UNIT_B }),
    ];
    // The finished dossier's projection is written twice: inserted, then updated by a later push.
    const second = [
      makeEvent(deskA, processing, 'ACCEPTED', finished, {}),
      makeEvent(deskA, processing, 'RESOLVED', finished, { resultSummary: 'Đã cấp giấy khai sinh' }),
      makeEvent(deskA, reception, 'ATTACHED', finished, { ...scan('a'), role: 'paper', paper: 'Tờ khai đăng ký khai sinh' }),
      makeEvent(deskA, processing, 'ATTACHED', finished, { ...scan('b'), role: 'result' }),
      makeEvent(deskA, reception, 'RETURNED', finished, { collectedBy: { fullName: 'Nguyễn Văn An' } }),
    ];
    for (const batch of [first, second]) expect((await push(app, deskA, batch)).statusCode).toBe(200);

    const rows = await suite.world.database.db.selectFrom('dossiers').selectAll().where('code', 'in', [linked, finished, paused, transferred]).execute();
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const state = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as ProjectedDossier;
      const expected = Object.entries(projectionFields(state)).map(([column, value]) => [column, TIME_COLUMNS.has(column) && value !== null ? new Date(value as string).toISOString() : value]);
      const stored = row as unknown as Record<string, unknown>;
      const actual = expected.map(([column]) => {
        const value = stored[column as string];
        return [column, value instanceof Date ? value.toISOString() : value];
      });
      expect(actual).toEqual(expected);
    }
    const byCode = new Map(rows.map((row) => [row.code, row]));
    expect(byCode.get(linked)?.linked_group_id).toBe('nhom-ho-so-1');
    expect(byCode.get(finished)?.returned_at).not.toBeNull();
    expect(byCode.get(paused)?.supplement_request_count).toBe(1);
    expect(byCode.get(transferred)?.holder_unit_id).toBe(UNIT_B);
    expect([byCode.get(finished)?.papers_digitised, byCode.get(finished)?.result_digitised]).toEqual([true, true]);
    expect([byCode.get(paused)?.papers_digitised, byCode.get(paused)?.result_digitised]).toEqual([false, false]);
  });
});
