import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { createWorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { periodProblem } from '../../../renderer/reports/report-periods.ts';
import type { PeriodChoice } from '../../../renderer/reports/report-periods.ts';
import { extensionDue } from '../../../renderer/screens/dossier-detail/action-rules.ts';
import { deadlineBounds, EMPTY_FILTERS, receivedDates, toDossierQuery } from '../../../renderer/screens/dossiers/list-filters.ts';

const calendar = createWorkingCalendar({ years: loadBundledCalendarYears() });
/** Monday 24/11/2025 09:00 in Vietnam. */
const MONDAY_9 = Date.parse('2025-11-24T02:00:00Z');
const TODAY = '2025-11-24';

describe('every date field an officer types follows the one date rule', () => {
  it('list filters: a received-date range says which date is wrong and matches nothing until fixed', () => {
    const bounds = deadlineBounds(calendar, MONDAY_9, 480);
    const problems = (receivedFrom: string, receivedTo = '') => receivedDates({ receivedFrom, receivedTo }, TODAY).problems;
    expect(problems('31/02/2025')).toEqual(['Ngày bắt đầu 31/02/2025 không có thật: tháng 02/2025 chỉ có 28 ngày.']);
    expect(problems('25/11/2025')).toEqual(['Ngày bắt đầu không được sau hôm nay.']);
    expect(problems('01/01/1899')).toEqual(['Ngày bắt đầu không được trước năm 1900.']);
    expect(problems('20/11/2025', '19/11/2025')).toEqual(['Ngày kết thúc không được trước ngày bắt đầu 20/11/2025.']);
    expect(problems('20/11/2025', '24/11/2025')).toEqual([]);
    expect(toDossierQuery({ ...EMPTY_FILTERS, receivedFrom: '31/02/2025' }, bounds)).toBeNull();
    expect(toDossierQuery({ ...EMPTY_FILTERS, receivedFrom: '20/11/2025' }, bounds)?.receivedFrom).toBe('2025-11-19T17:00:00.000Z');
  });

  it('extension: the new appointment is real, not before today and not absurdly far', () => {
    const due = '2025-11-24T10:00:00Z';
    const message = (text: string) => {
      const result = extensionDue(calendar, due, text, '09:00', TODAY);
      return result.ok ? null : result.error.message;
    };
    expect(message('31/11/2025')).toBe('Ngày hẹn trả mới 31/11/2025 không có thật: tháng 11/2025 chỉ có 30 ngày.');
    expect(message('26/11/2062')).toBe('Ngày hẹn trả mới không được sau ngày 25/11/2026.');
    expect(message('20/11/2025')).toBe('Ngày hẹn trả mới không được trước hôm nay.');
    expect(message('26/11/2025')).toBeNull();
  });

  it('report period: a custom range says which end is wrong', () => {
    const custom = (from: string, to: string): PeriodChoice => ({ kind: 'custom', year: 2025, index: 11, from, to });
    expect(periodProblem(custom('2025-11-01', '2025-11-24'), TODAY)).toBeNull();
    expect(periodProblem(custom('0202-11-01', '2025-11-24'), TODAY)).toBe('Từ ngày không được trước năm 1900.');
    expect(periodProblem(custom('2025-12-01', '2025-12-31'), TODAY)).toBe('Từ ngày không được sau hôm nay.');
    expect(periodProblem(custom('2025-11-20', '2025-11-10'), TODAY)).toBe('Đến ngày không được trước ngày bắt đầu 20/11/2025.');
    expect(periodProblem(custom('2025-11-20', '2026-01-10'), TODAY)).toBe('Đến ngày không được sau ngày 31/12/2025.');
    expect(periodProblem(custom('', '2025-11-10'), TODAY)).toBe('Chọn ngày bắt đầu và ngày kết thúc.');
    expect(periodProblem({ kind: 'month', year: 2025, index: 11, from: '', to: '' }, TODAY)).toBeNull();
  });
});
