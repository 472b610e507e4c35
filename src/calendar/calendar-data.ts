import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { isLocalDate, weekdayOfDate, yearOfDate } from '../time/vn-time.ts';

/**
 * One year of the working-day calendar, as shipped in assets/calendars/<year>.json
 * and edited by the provincial administrator. Weekends are off unless listed in
 * `workingSaturdays`; weekdays work unless listed in `daysOff`.
 */

const localDate = z.string({ error: 'ngày phải có dạng YYYY-MM-DD' }).refine(isLocalDate, {
  error: 'ngày phải có dạng YYYY-MM-DD và là ngày có thật',
});

const nonEmptyText = (what: string) =>
  z.string({ error: `${what} phải là chuỗi chữ` }).trim().min(1, { error: `${what} không được để trống` });

/** Unknown keys are named (a typo like "dayOff" must not pass silently); anything else is a shape error. */
const objectError =
  (shape: string) =>
  (issue: { code: string; keys?: readonly string[] }): string =>
    issue.code === 'unrecognized_keys' ? `có trường không được phép: ${(issue.keys ?? []).join(', ')}` : shape;

const dayOffSchema = z.strictObject(
  {
    date: localDate,
    name: nonEmptyText('tên ngày nghỉ'),
    kind: z.enum(['holiday', 'bridge'], { error: 'loại ngày nghỉ phải là "holiday" hoặc "bridge"' }),
    note: nonEmptyText('ghi chú').optional(),
  },
  { error: objectError('mỗi ngày nghỉ phải là một đối tượng {date, name, kind, note?}') },
);

const workingSaturdaySchema = z.strictObject(
  {
    date: localDate,
    replaces: localDate.optional(),
    note: nonEmptyText('ghi chú ngày làm bù'),
  },
  { error: objectError('mỗi ngày làm bù phải là một đối tượng {date, replaces?, note}') },
);

const calendarYearShape = z.strictObject(
  {
    year: z
      .number({ error: 'năm phải là số' })
      .int({ error: 'năm phải là số nguyên' })
      .min(2000, { error: 'năm phải từ 2000 đến 2100' })
      .max(2100, { error: 'năm phải từ 2000 đến 2100' }),
    status: z.enum(['official', 'provisional'], { error: 'trạng thái phải là "official" hoặc "provisional"' }),
    note: nonEmptyText('ghi chú năm').optional(),
    daysOff: z.array(dayOffSchema, { error: 'daysOff phải là một danh sách' }),
    workingSaturdays: z.array(workingSaturdaySchema, { error: 'workingSaturdays phải là một danh sách' }),
    sources: z.array(nonEmptyText('nguồn'), { error: 'sources phải là một danh sách' }).min(1, {
      error: 'cần ít nhất một nguồn',
    }),
  },
  { error: objectError('lịch năm phải là một đối tượng JSON') },
);

export const calendarYearSchema = calendarYearShape;

export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type DayOff = CalendarYear['daysOff'][number];
export type WorkingSaturday = CalendarYear['workingSaturdays'][number];

interface CalendarIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Checks across fields, run only on a well-shaped year (every date is then a real date). */
function consistencyIssues(data: CalendarYear): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const report = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (data.status === 'provisional' && data.note === undefined) {
    report(['note'], 'lịch tạm tính phải có ghi chú giải thích');
  }
  const offDates = new Set<string>();
  data.daysOff.forEach((day, index) => {
    if (yearOfDate(day.date) !== data.year) report(['daysOff', index, 'date'], `ngày không thuộc năm ${data.year}`);
    if (offDates.has(day.date)) report(['daysOff', index, 'date'], 'ngày nghỉ bị trùng');
    offDates.add(day.date);
  });
  const workingDates = new Set<string>();
  data.workingSaturdays.forEach((day, index) => {
    const path = ['workingSaturdays', index];
    if (yearOfDate(day.date) !== data.year) report([...path, 'date'], `ngày không thuộc năm ${data.year}`);
    const weekday = weekdayOfDate(day.date);
    if (weekday !== 0 && weekday !== 6) report([...path, 'date'], 'ngày làm bù phải rơi vào thứ Bảy hoặc Chủ nhật');
    if (workingDates.has(day.date)) report([...path, 'date'], 'ngày làm bù bị trùng');
    workingDates.add(day.date);
    if (offDates.has(day.date)) report([...path, 'date'], 'ngày này đã nằm trong danh sách ngày nghỉ');
    if (day.replaces !== undefined && yearOfDate(day.replaces) === data.year && !offDates.has(day.replaces)) {
      report([...path, 'replaces'], 'ngày được làm bù phải có trong danh sách ngày nghỉ');
    }
  });
  return issues;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** Validates one calendar year; a bad file throws `calendar.invalid_data` naming the first bad field. */
export function parseCalendarYear(json: unknown): CalendarYear {
  const result = calendarYearSchema.safeParse(json);
  const issues: CalendarIssue[] = result.success
    ? consistencyIssues(result.data)
    : result.error.issues.map((issue) => {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        // Point at the unknown key itself, so the path names the offending field.
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        return { path: unknownKey === undefined ? path : [...path, unknownKey], message: issue.message };
      });
  const [first] = issues;
  if (result.success && first === undefined) return result.data;
  const path = first?.path ?? [];
  const where = path.length > 0 ? ` tại "${describePath(path)}"` : '';
  throw new DomainError('calendar.invalid_data', `Dữ liệu lịch làm việc không hợp lệ${where}: ${first?.message}.`, path, {
    issues: issues.map((issue) => ({ path: describePath(issue.path), message: issue.message })),
  });
}
