import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { parseCalendarYear } from '../../../src/calendar/calendar-data.ts';
import { expectDomainError } from './calendar-fixtures.ts';

const validYear = () => ({
  year: 2025,
  status: 'official',
  daysOff: [
    { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam', kind: 'holiday' },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi', kind: 'bridge' },
  ],
  workingSaturdays: [{ date: '2025-04-26', replaces: '2025-05-02', note: 'Làm bù 02/5' }],
  sources: ['Bộ luật Lao động 2019'],
});

const expectInvalid = (json: unknown, path: (string | number)[], pathText: string) => {
  const error = expectDomainError(() => parseCalendarYear(json), 'calendar.invalid_data');
  expect(error.path).toEqual(path);
  expect(error.message).toContain(`"${pathText}"`);
  expect(error.message).toMatch(/^Dữ liệu lịch làm việc không hợp lệ/);
  return error;
};

describe('bundled calendar files', () => {
  const years = loadBundledCalendarYears();

  it('load 2025, 2026 and 2027 in order', () => {
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('mark 2027 as provisional with an explanation', () => {
    const y2027 = years.find((y) => y.year === 2027);
    expect(y2027?.status).toBe('provisional');
    expect(y2027?.note).toMatch(/chưa được công bố/);
  });

  it('carry a note on every unconfirmed 2026 item', () => {
    const y2026 = years.find((y) => y.year === 2026);
    const unconfirmedOff = y2026?.daysOff.filter((d) => d.note?.includes('CHƯA XÁC NHẬN')).map((d) => d.date);
    expect(unconfirmedOff).toEqual(['2026-01-02', '2026-08-31', '2026-09-01']);
    expect(y2026?.workingSaturdays.every((d) => d.note.includes('CHƯA XÁC NHẬN'))).toBe(true);
  });

  it('list the 2025 swapped working Saturday', () => {
    const y2025 = years.find((y) => y.year === 2025);
    expect(y2025?.workingSaturdays).toEqual([expect.objectContaining({ date: '2025-04-26', replaces: '2025-05-02' })]);
  });
});

describe('parseCalendarYear', () => {
  it('accepts a valid year and returns it typed', () => {
    const parsed = parseCalendarYear(validYear());
    expect(parsed.daysOff[1]?.kind).toBe('bridge');
  });

  it('names the missing field', () => {
    const { year: _year, ...noYear } = validYear();
    expectInvalid(noYear, ['year'], 'year');
  });

  it('names a bad date deep in a list', () => {
    const json = validYear();
    json.daysOff[1] = { ...json.daysOff[1]!, date: '2025-02-30' };
    const error = expectInvalid(json, ['daysOff', 1, 'date'], 'daysOff[1].date');
    expect(error.message).toContain('ngày có thật');
  });

  it('names a bad kind and a bad status', () => {
    const json = validYear();
    json.daysOff[0] = { ...json.daysOff[0]!, kind: 'festival' };
    expectInvalid(json, ['daysOff', 0, 'kind'], 'daysOff[0].kind');
    expectInvalid({ ...validYear(), status: 'draft' }, ['status'], 'status');
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const error = expectInvalid({ ...validYear(), workingSaturday: [] }, ['workingSaturday'], 'workingSaturday');
    expect(error.message).toContain('workingSaturday');
  });

  it('rejects non-objects and empty sources', () => {
    const error = expectDomainError(() => parseCalendarYear('2025'), 'calendar.invalid_data');
    expect(error.path).toEqual([]);
    expectInvalid({ ...validYear(), sources: [] }, ['sources'], 'sources');
    expectInvalid({ ...validYear(), year: 2025.5 }, ['year'], 'year');
  });

  it('requires a note on a provisional year', () => {
    expectInvalid({ ...validYear(), status: 'provisional' }, ['note'], 'note');
  });

  it('rejects dates outside the year and duplicates', () => {
    const json = validYear();
    expectInvalid(
      { ...json, daysOff: [...json.daysOff, { date: '2026-01-01', name: 'x', kind: 'holiday' }] },
      ['daysOff', 2, 'date'],
      'daysOff[2].date',
    );
    expectInvalid(
      { ...json, daysOff: [...json.daysOff, { date: '2025-04-30', name: 'x', kind: 'holiday' }] },
      ['daysOff', 2, 'date'],
      'daysOff[2].date',
    );
  });

  it('checks working weekend days', () => {
    const json = validYear();
    const withWorking = (date: string, replaces?: string) => ({
      ...json,
      workingSaturdays: [...json.workingSaturdays, { date, note: 'làm bù', ...(replaces ? { replaces } : {}) }],
    });
    const weekday = expectInvalid(withWorking('2025-04-29'), ['workingSaturdays', 1, 'date'], 'workingSaturdays[1].date');
    expect(weekday.message).toContain('thứ Bảy hoặc Chủ nhật');
    expectInvalid(withWorking('2025-04-26'), ['workingSaturdays', 1, 'date'], 'workingSaturdays[1].date');
    expectInvalid(withWorking('2026-01-10'), ['workingSaturdays', 1, 'date'], 'workingSaturdays[1].date');
    expectInvalid(withWorking('2025-05-03', '2025-05-05'), ['workingSaturdays', 1, 'replaces'], 'workingSaturdays[1].replaces');
    // A working weekend day may not also be a listed day off.
    const offSaturday = { ...json, daysOff: [...json.daysOff, { date: '2025-05-03', name: 'x', kind: 'holiday' }] };
    expectInvalid(
      { ...offSaturday, workingSaturdays: [{ date: '2025-05-03', note: 'x' }] },
      ['workingSaturdays', 0, 'date'],
      'workingSaturdays[0].date',
    );
    // Making up a day off of another year is allowed (not checkable here).
    expect(parseCalendarYear(withWorking('2025-12-27', '2026-01-02')).workingSaturdays).toHaveLength(2);
  });

  it('lists every issue in the details', () => {
    const error = expectDomainError(
      () => parseCalendarYear({ ...validYear(), status: 'x', sources: 'none' }),
      'calendar.invalid_data',
    );
    expect((error.details?.issues as unknown[]).length).toBe(2);
  });
});
