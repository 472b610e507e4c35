import { describe, expect, it } from 'vitest';
import { computeOfficialReport, listDossiersForFigure } from '../../../src/reports/official-report.ts';
import type { ReportRow } from '../../../src/reports/official-report.ts';
import { reportFigures } from '../../../src/reports/report-figures.ts';
import type { ReportFigure } from '../../../src/reports/report-figures.ts';
import { U1, U2, dossier, handChecked, period } from './hand-checked-dossiers.ts';

const row = (key: string | null, label: string, figures: Omit<ReportRow, 'key' | 'label'>): ReportRow => ({ key, label, ...figures });

/*
 * Worked out by hand from hand-checked-dossiers.ts (D03, D16 fall outside; D19 is skipped; the
 * linked group LG-1's components D09 and D10 are two dossiers, each counted once):
 * carried over  D01 D02                                                   = 2
 * received      in person D04 D06 D07 D08 D09 D10 D11 D13 D15 (9),
 *               online D05 D12 D18 (3), post D14 D17 (2)                  = 14
 * finished      early D01 D17 (2); on time D04 D07 D09 (3);
 *               late D05 D06 D10 D18 (4)                                  = 9
 * in processing overdue D02 D11 (2); not due D12 D15 (2)                  = 4
 * paused        D13 (5), D14 (8)                                          = 2
 * refused       D08                                                       = 1
 * withdrawn     D07 (also in finished)                                    = 1
 * on-time rate  (2 + 3) / 9 = 55.6 %
 * balance       2 + 14 = 16 = 9 + 4 + 2 + 1
 * linked groups LG-1 received 12/11; not returned (D09's result not collected)
 * digitised     papers of D04 D05 D07 D12 of the 14 received (D16's fall outside);
 *               results of D01 D04 of the 8 resolved (D07 withdrawn issues none, D15 finished after)
 */
const expectedTotal = row(null, 'Tổng cộng', {
  carriedOver: 2,
  received: { total: 14, inPerson: 9, online: 3, post: 2 },
  finished: { total: 9, early: 2, onTime: 3, late: 4 },
  inProcessing: { total: 4, notDue: 2, overdue: 2 },
  paused: 2,
  refused: 1,
  withdrawn: 1,
  onTimeRate: 55.6,
});
const groupLine = { received: 1, returned: 0, returnedOnTime: 0 };
const digitisation = { received: 14, papersDigitised: 4, papersRate: 28.6, resolved: 8, resultsDigitised: 2, resultsRate: 25 };

describe('computeOfficialReport on the hand-checked month', () => {
  it('gives every total figure', () => {
    const report = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'none' });
    expect(report.rows).toEqual([]);
    expect(report.total).toEqual(expectedTotal);
    expect(report.asOf).toBe('2025-11-30T17:00:00.000Z');
    expect(report.period).toEqual(period);
    expect(report.skipped.map((s) => [s.code, s.error.code])).toEqual([['D19', 'report.no_receipt']]);
    expect(report.linkedGroups).toEqual(groupLine);
    expect(report.digitisation).toEqual(digitisation);
  });

  it('groups by procedure, in Vietnamese order of name', () => {
    const report = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'procedure' });
    expect(report.rows).toEqual([
      // D05 D07 D08 D12 D14 D17 D18 received; D05 late, D07 on time (withdrawn), D17 early, D18 late;
      // D12 not due; D14 stopped; D08 refused. Rate 2/4.
      row('2.000815', 'Chứng thực bản sao từ bản chính', {
        carriedOver: 0,
        received: { total: 7, inPerson: 2, online: 3, post: 2 },
        finished: { total: 4, early: 1, onTime: 1, late: 2 },
        inProcessing: { total: 1, notDue: 1, overdue: 0 },
        paused: 1,
        refused: 1,
        withdrawn: 1,
        onTimeRate: 50,
      }),
      // D04 and D09 (LG-1's birth component), both on time.
      row('1.001193', 'Đăng ký khai sinh', {
        carriedOver: 0,
        received: { total: 2, inPerson: 2, online: 0, post: 0 },
        finished: { total: 2, early: 0, onTime: 2, late: 0 },
        inProcessing: { total: 0, notDue: 0, overdue: 0 },
        paused: 0,
        refused: 0,
        withdrawn: 0,
        onTimeRate: 100,
      }),
      // Carried D01 D02; received D06 D10 D11 D13 D15; D01 early, D06 D10 late;
      // D02 D11 overdue, D15 not due; D13 paused. Rate 1/3.
      row('1.004222', 'Đăng ký thường trú', {
        carriedOver: 2,
        received: { total: 5, inPerson: 5, online: 0, post: 0 },
        finished: { total: 3, early: 1, onTime: 0, late: 2 },
        inProcessing: { total: 3, notDue: 1, overdue: 2 },
        paused: 1,
        refused: 0,
        withdrawn: 0,
        onTimeRate: 33.3,
      }),
    ]);
    expect(report.total).toEqual(expectedTotal);
  });

  it('groups by unit, a linked component in the row of the unit competent for it', () => {
    const report = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'unit' });
    expect(report.rows).toEqual([
      // Everything but D18 and D10 (the police's). Rate 5/7 = 71.43 → 71.4.
      row(U1, U1, {
        carriedOver: 2,
        received: { total: 12, inPerson: 8, online: 2, post: 2 },
        finished: { total: 7, early: 2, onTime: 3, late: 2 },
        inProcessing: { total: 4, notDue: 2, overdue: 2 },
        paused: 2,
        refused: 1,
        withdrawn: 1,
        onTimeRate: 71.4,
      }),
      // D18 (online, late) and D10 (received by U1, transferred here; late).
      row(U2, U2, {
        carriedOver: 0,
        received: { total: 2, inPerson: 1, online: 1, post: 0 },
        finished: { total: 2, early: 0, onTime: 0, late: 2 },
        inProcessing: { total: 0, notDue: 0, overdue: 0 },
        paused: 0,
        refused: 0,
        withdrawn: 0,
        onTimeRate: 0,
      }),
    ]);
  });

  it('groups by field and by receiving officer', () => {
    const byField = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'field' });
    expect(byField.rows.map((r) => [r.key, r.received.total, r.finished.total])).toEqual([
      ['Chứng thực', 7, 4],
      ['Cư trú', 5, 3],
      ['Hộ tịch', 2, 2],
    ]);
    const byOfficer = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'officer' });
    // lan: D01 D04 D06 D08 D09 D10 D12 D14 D17; minh: D02 D05 D07 D11 D13 D15; cong-an-hung: D18.
    expect(byOfficer.rows.map((r) => [r.key, r.carriedOver + r.received.total])).toEqual([
      ['can-bo-lan', 9],
      ['can-bo-minh', 6],
      ['cong-an-hung', 1],
    ]);
  });

  it('judges open dossiers at asOf', () => {
    // At 20/11 07:00 VN only D02 (due 29/10) is past due; D11 (24/11), D12, D15 are not.
    const report = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'none', asOf: '2025-11-20T07:00:00+07:00' });
    expect(report.total.inProcessing).toEqual({ total: 4, notDue: 3, overdue: 1 });
    expect(report.asOf).toBe('2025-11-20T07:00:00+07:00');
  });

  it('reports on one unit: the dossiers it is competent for, and the groups it received', () => {
    const unit1 = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'none', unitId: U1 });
    const byUnit = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'unit' }).rows;
    expect(unit1.total).toEqual({ ...byUnit.find((r) => r.key === U1), key: null, label: 'Tổng cộng' });
    expect(unit1.linkedGroups).toEqual(groupLine);
    expect(unit1.skipped.map((s) => s.code)).toEqual(['D19']);
    // U2 counts D10, received by U1, but no group: it received none.
    const unit2 = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'none', unitId: U2 });
    expect(unit2.total).toEqual({ ...byUnit.find((r) => r.key === U2), key: null, label: 'Tổng cộng' });
    expect(unit2.linkedGroups).toEqual({ received: 0, returned: 0, returnedOnTime: 0 });
    // D10 and D18, received and resolved, nothing scanned; the scans all belong to U1's dossiers.
    expect(unit2.digitisation).toEqual({ received: 2, papersDigitised: 0, papersRate: 0, resolved: 2, resultsDigitised: 0, resultsRate: 0 });
    expect(unit1.digitisation).toEqual({ received: 12, papersDigitised: 4, papersRate: 33.3, resolved: 6, resultsDigitised: 2, resultsRate: 33.3 });
    expect(unit2.skipped).toEqual([]);
    expect(listDossiersForFigure({ dossiers: handChecked, period, groupBy: 'none', unitId: U2 }, null, 'received.total')).toEqual(['D10', 'D18']);
  });

  it('gives the same figures and group line whatever the order of the dossiers', () => {
    const forward = computeOfficialReport({ dossiers: handChecked, period, groupBy: 'procedure' });
    const backward = computeOfficialReport({ dossiers: [...handChecked].reverse(), period, groupBy: 'procedure' });
    expect(backward).toEqual(forward);
  });

  it('reports no on-time rate when nothing finished, and no rows when nothing happened', () => {
    const report = computeOfficialReport({ dossiers: handChecked, period: { from: '2026-01-01', to: '2026-01-31' }, groupBy: 'unit' });
    // Still open on 01/01: D02 D11 (4), D12 D16 (2), all due by early December → overdue; D13 (5) paused.
    expect(report.total.carriedOver).toBe(5);
    expect(report.total.inProcessing).toEqual({ total: 4, notDue: 0, overdue: 4 });
    expect(report.total.paused).toBe(1);
    expect(report.total.onTimeRate).toBeNull();
    const empty = computeOfficialReport({ dossiers: handChecked, period: { from: '2020-01-01', to: '2020-01-31' }, groupBy: 'unit' });
    expect(empty.rows).toEqual([]);
    expect(empty.total.carriedOver + empty.total.received.total).toBe(0);
  });

  it('labels a group by its most recent name and never leaves a label empty', () => {
    const renamed = [
      dossier({ code: 'A1', procedureName: 'Tên cũ', field: '', receivedAt: '2025-11-02T02:00:00Z', dueAt: '2025-11-30T02:00:00Z', status: 2 }),
      dossier({ code: 'A2', procedureName: 'Tên mới', field: '', receivedAt: '2025-11-03T02:00:00Z', dueAt: '2025-11-30T02:00:00Z', status: 2 }),
      dossier({ code: 'A3', procedureCode: '9.999999', procedureName: '', receivedAt: '2025-11-03T02:00:00Z', dueAt: '2025-11-30T02:00:00Z', status: 2 }),
    ];
    const byProcedure = computeOfficialReport({ dossiers: renamed, period, groupBy: 'procedure' });
    expect(byProcedure.rows.map((r) => [r.key, r.label])).toEqual([
      ['9.999999', '9.999999'],
      ['2.000815', 'Tên mới'],
    ]);
    const byField = computeOfficialReport({ dossiers: renamed, period, groupBy: 'field' });
    expect(byField.rows.map((r) => [r.key, r.label])).toEqual([
      ['', '(không rõ)'],
      ['Chứng thực', 'Chứng thực'],
    ]);
  });
});

describe('listDossiersForFigure', () => {
  const input = { dossiers: handChecked, period, groupBy: 'procedure' as const };

  it.each<[string | null, ReportFigure, string[]]>([
    [null, 'carriedOver', ['D02', 'D01']],
    [null, 'finished.late', ['D05', 'D06', 'D10', 'D18']],
    [null, 'finished.onTime', ['D04', 'D07', 'D09']],
    [null, 'received.post', ['D17', 'D14']],
    [null, 'inProcessing.overdue', ['D02', 'D11']],
    [null, 'paused', ['D13', 'D14']],
    ['1.004222', 'inProcessing.total', ['D02', 'D11', 'D15']],
    ['1.001193', 'received.total', ['D04', 'D09']],
    ['2.000815', 'refused', ['D08']],
    ['2.000815', 'withdrawn', ['D07']],
    ['no-such-procedure', 'received.total', []],
  ])('group %s, figure %s → %j', (groupKey, figure, codes) => {
    expect(listDossiersForFigure(input, groupKey, figure)).toEqual(codes);
  });

  it('lists exactly as many dossiers as every figure of every row counts', () => {
    for (const groupBy of ['procedure', 'field', 'officer', 'unit', 'none'] as const) {
      const report = computeOfficialReport({ ...input, groupBy });
      for (const reportRow of [...report.rows, report.total]) {
        for (const figure of reportFigures) {
          const codes = listDossiersForFigure({ ...input, groupBy }, reportRow.key, figure);
          expect(codes.length, `${groupBy} ${reportRow.key} ${figure}`).toBe(figureValue(reportRow, figure));
        }
      }
    }
  });

  it('rejects an unknown figure', () => {
    expect(() => listDossiersForFigure(input, null, 'finished.perfect' as ReportFigure)).toThrow(
      expect.objectContaining({ code: 'report.unknown_figure' }),
    );
  });
});

describe('bad report input', () => {
  it.each([
    [{ period: { from: '2025-11-30', to: '2025-11-01' } }, 'report.bad_period'],
    [{ period: { from: '2025-02-29', to: '2025-03-01' } }, 'report.bad_period'],
    [{ period: { from: '2025-11-01' } }, 'report.bad_period'],
    [{ period: null }, 'report.bad_period'],
    [{ groupBy: 'district' }, 'report.bad_group_by'],
    [{ asOf: '2025-11-20T07:00:00' }, 'report.bad_as_of'],
    [{ asOf: '20/11/2025' }, 'report.bad_as_of'],
  ])('%j is rejected with %s', (override, code) => {
    const bad = { dossiers: handChecked, period, groupBy: 'none', ...override } as unknown as Parameters<typeof computeOfficialReport>[0];
    expect(() => computeOfficialReport(bad)).toThrow(expect.objectContaining({ code }));
  });

  it('names the wrong date of the period in Vietnamese', () => {
    expect(() => computeOfficialReport({ dossiers: [], period: { from: '2025-11-31', to: '2025-12-01' }, groupBy: 'none' })).toThrow(
      /Kỳ báo cáo không hợp lệ \(từ ngày\)/,
    );
    expect(() => computeOfficialReport({ dossiers: [], period: { from: '2025-12-02', to: '2025-12-01' }, groupBy: 'none' })).toThrow(
      /đến ngày/,
    );
  });

  it.each([
    ['no due date', { dueAt: '' }, 'report.no_due_date'],
    ['resolved without a finishing time', { status: 9 as const }, 'report.inconsistent_finish'],
    ['open with a finishing time', { finishedAt: '2025-11-05T02:00:00Z' }, 'report.inconsistent_finish'],
    ['unreadable finishing time', { status: 9 as const, finishedAt: 'hôm qua' }, 'report.inconsistent_finish'],
  ])('skips a dossier with %s', (_, facts, code) => {
    const broken = dossier({ code: 'X1', receivedAt: '2025-11-04T02:00:00Z', dueAt: '2025-11-06T02:00:00Z', status: 4, ...facts });
    const report = computeOfficialReport({ dossiers: [broken], period, groupBy: 'none' });
    expect(report.skipped.map((s) => [s.code, s.error.code])).toEqual([['X1', code]]);
    expect(report.total.received.total).toBe(0);
  });

  it('counts a dossier given twice once', () => {
    const d = handChecked.find((x) => x.code === 'D04');
    const report = computeOfficialReport({ dossiers: [...handChecked, { ...d!, status: 4, finishedAt: null }], period, groupBy: 'none' });
    expect(report.total).toEqual(expectedTotal);
    expect(report.skipped.map((s) => s.error.code)).toContain('report.duplicate_dossier');
  });
});

function figureValue(reportRow: ReportRow, figure: ReportFigure): number {
  const [head, tail] = figure.split('.') as [keyof ReportRow, string | undefined];
  const value = reportRow[head];
  return tail === undefined ? (value as number) : (value as Record<string, number>)[tail] ?? NaN;
}
