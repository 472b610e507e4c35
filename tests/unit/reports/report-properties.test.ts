import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';
import { linkedGroupLine } from '../../../src/reports/linked-groups.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { ReportRow } from '../../../src/reports/official-report.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import { dossier } from './hand-checked-dossiers.ts';

const dayMs = 86_400_000;
const octoberFirst = Date.parse('2025-10-01T00:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Random dossiers received in October–December 2025, finished or not, some linked: a linked
 * component may count in another unit than the one that received it (transferred to it).
 */
const arbitraryDossier = (index: number) =>
  fc
    .record({
      receivedOffset: fc.integer({ min: 0, max: 90 * dayMs }),
      dueAfter: fc.integer({ min: 0, max: 20 * dayMs }),
      finishedAfter: fc.integer({ min: 0, max: 30 * dayMs }),
      status: fc.constantFrom<DossierStatus>(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
      channel: fc.constantFrom('in-person' as const, 'online' as const, 'post' as const),
      procedureCode: fc.constantFrom('1.001193', '1.004222', '2.000815'),
      unit: fc.constantFrom('U1', 'U2'),
      linkedGroupId: fc.constantFrom(null, null, null, 'G1', 'G2'),
      competentUnit: fc.constantFrom('U1', 'U2'),
      returnedAfter: fc.option(fc.integer({ min: 0, max: 10 * dayMs })),
      supplementRequestCount: fc.integer({ min: 0, max: 3 }),
      papersDigitised: fc.boolean(),
      resultDigitised: fc.boolean(),
    })
    .map((r): DossierState => {
      const receivedMs = octoberFirst + r.receivedOffset;
      const finished = [3, 7, 8, 9, 10].includes(r.status);
      const finishedMs = receivedMs + r.finishedAfter;
      return dossier({
        code: `R${String(index).padStart(3, '0')}`,
        receivedAt: iso(receivedMs),
        dueAt: iso(receivedMs + r.dueAfter),
        finishedAt: finished ? iso(finishedMs) : null,
        returnedAt: r.status === 10 && r.returnedAfter !== null ? iso(finishedMs + r.returnedAfter) : null,
        status: r.status,
        channel: r.channel,
        procedureCode: r.procedureCode,
        field: r.procedureCode.slice(0, 1),
        receivingUnitId: r.unit,
        reportUnitId: r.linkedGroupId === null ? r.unit : r.competentUnit,
        linkedGroupId: r.linkedGroupId,
        supplementRequestCount: r.supplementRequestCount,
        papersDigitised: r.papersDigitised,
        resultDigitised: r.resultDigitised,
      });
    });
const arbitraryDossiers = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryDossier(i))));
const arbitraryPeriod = fc
  .tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 40 }))
  .map(([start, length]) => ({
    from: iso(octoberFirst + start * dayMs).slice(0, 10),
    to: iso(octoberFirst + (start + length) * dayMs).slice(0, 10),
  }));

const numbers = (row: ReportRow): number[] => [
  row.carriedOver,
  ...Object.values(row.received),
  ...Object.values(row.finished),
  ...Object.values(row.inProcessing),
  row.paused,
  row.refused,
  row.withdrawn,
];

describe('official report invariants', () => {
  it('balances: carried over + received = finished + refused + paused + in processing', () => {
    fc.assert(
      fc.property(arbitraryDossiers, arbitraryPeriod, (dossiers, period) => {
        const { total } = computeOfficialReport({ dossiers, period, groupBy: 'none' });
        expect(total.carriedOver + total.received.total).toBe(
          total.finished.total + total.refused + total.paused + total.inProcessing.total,
        );
        expect(total.received.total).toBe(total.received.inPerson + total.received.online + total.received.post);
        expect(total.finished.total).toBe(total.finished.early + total.finished.onTime + total.finished.late);
        expect(total.inProcessing.total).toBe(total.inProcessing.notDue + total.inProcessing.overdue);
        expect(total.withdrawn).toBeLessThanOrEqual(total.finished.onTime);
      }),
    );
  });

  it('rows of every grouping add up to the total', () => {
    fc.assert(
      fc.property(arbitraryDossiers, arbitraryPeriod, fc.constantFrom('procedure' as const, 'field' as const, 'officer' as const, 'unit' as const), (dossiers, period, groupBy) => {
        const report = computeOfficialReport({ dossiers, period, groupBy });
        const sums = report.rows.reduce((acc, row) => acc.map((value, i) => value + (numbers(row)[i] ?? 0)), numbers(report.total).map(() => 0));
        expect(sums).toEqual(numbers(report.total));
        for (const row of report.rows) expect(numbers(row).some((value) => value > 0)).toBe(true);
      }),
    );
  });

  it('counts each linked component once, as a dossier of its own: linking changes no figure', () => {
    fc.assert(
      fc.property(arbitraryDossiers, arbitraryPeriod, (dossiers, period) => {
        const linked = computeOfficialReport({ dossiers, period, groupBy: 'unit' });
        const unlinked = computeOfficialReport({ dossiers: dossiers.map((d) => ({ ...d, linkedGroupId: null })), period, groupBy: 'unit' });
        expect(linked.rows).toEqual(unlinked.rows);
        expect(linked.total).toEqual(unlinked.total);
        expect(unlinked.linkedGroups).toEqual({ received: 0, returned: 0, returnedOnTime: 0 });
      }),
    );
  });

  it('reports on each unit what the province counts in its row, and the groups it received', () => {
    fc.assert(
      fc.property(arbitraryDossiers, arbitraryPeriod, (dossiers, period) => {
        const province = computeOfficialReport({ dossiers, period, groupBy: 'unit' });
        for (const unitId of ['U1', 'U2']) {
          const unit = computeOfficialReport({ dossiers, period, groupBy: 'none', unitId });
          const row = province.rows.find((r) => r.key === unitId);
          if (row) expect(unit.total).toEqual({ ...row, key: null, label: 'Tổng cộng' });
          else expect(unit.total.carriedOver + unit.total.received.total).toBe(0);
          const received = dossiers.filter((d) => d.receivingUnitId === unitId);
          expect(unit.linkedGroups).toEqual(linkedGroupLine(received, periodWindow(period)));
        }
        const units = ['U1', 'U2'].map((unitId) => computeOfficialReport({ dossiers, period, groupBy: 'none', unitId }).digitisation);
        for (const field of ['received', 'papersDigitised', 'resolved', 'resultsDigitised'] as const) {
          expect(units.reduce((sum, unit) => sum + unit[field], 0)).toBe(province.digitisation[field]);
        }
        expect(province.digitisation.received).toBe(province.total.received.total);
        expect(province.digitisation.resolved).toBe(province.total.finished.total - province.total.withdrawn);
        const { received, returned, returnedOnTime } = province.linkedGroups;
        expect(returnedOnTime).toBeLessThanOrEqual(returned);
        expect(Math.max(received, returned)).toBeLessThanOrEqual(new Set(dossiers.map((d) => d.linkedGroupId).filter((g) => g !== null)).size);
      }),
    );
  });

  it('receipts of two adjacent periods add up to the receipts of the whole', () => {
    fc.assert(
      fc.property(arbitraryDossiers, (dossiers) => {
        const received = (from: string, to: string) => computeOfficialReport({ dossiers, period: { from, to }, groupBy: 'none' }).total.received.total;
        expect(received('2025-10-01', '2025-10-15') + received('2025-10-16', '2025-12-31')).toBe(received('2025-10-01', '2025-12-31'));
      }),
    );
  });
});
