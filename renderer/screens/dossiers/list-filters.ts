import { addWorkingMinutes, nextWorkingInstant } from '../../../src/calendar/working-calendar.ts';
import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { readDossierReference } from '../../../src/dossier/dossier-reference.ts';
import type { DossierReference } from '../../../src/dossier/dossier-reference.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';
import { isTaxCode } from '../../../src/people/tax-code.ts';
import { parseTypedDate, pastFactRule } from '../../../src/time/date-rule.ts';
import type { DateRule } from '../../../src/time/date-rule.ts';
import { addDays, formatLocalDate, instantAt, localDateOf } from '../../../src/time/vn-time.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';
import { RUNNING_STATUSES } from '../../components/deadline-view.ts';
import type { DossierQuery, DossierSort } from '../../store/index.ts';

export type DeadlineFilter = 'all' | 'overdue' | 'due-soon' | 'not-due';

/** What the officer chose on the list; '' means "any". Dates are typed 'dd/MM/yyyy' (Vietnam). */
export interface ListFilters {
  status: DossierStatus | 'all';
  deadline: DeadlineFilter;
  procedure: string;
  field: string;
  receivedFrom: string;
  receivedTo: string;
  officer: string;
  sort: DossierSort;
}

export const EMPTY_FILTERS: ListFilters = {
  status: 'all',
  deadline: 'all',
  procedure: '',
  field: '',
  receivedFrom: '',
  receivedTo: '',
  officer: '',
  sort: 'received-desc',
};

export type SearchIntent =
  | { kind: 'none' }
  /** A dossier number or code, as people say it (dossier-reference.ts). */
  | { kind: 'reference'; reference: DossierReference }
  | { kind: 'citizen-id'; citizenId: string }
  | { kind: 'name'; text: string }
  | { kind: 'invalid'; message: string };

const CITIZEN_ID = /^\d{12}$/;

/** One search box for dossier number, citizen ID and name: what the officer most likely meant. */
export function classifySearch(raw: string): SearchIntent {
  const text = raw.normalize('NFC').trim();
  if (text === '') return { kind: 'none' };
  const compact = text.replace(/\s+/g, '');
  if (CITIZEN_ID.test(compact)) return { kind: 'citizen-id', citizenId: compact };
  // An organisation's tax code (its check digit makes it no number of a dossier) is one search word.
  if (isTaxCode(compact)) return { kind: 'name', text: compact };
  const reading = readDossierReference(text);
  if (reading.kind === 'reference') return { kind: 'reference', reference: reading.reference };
  if (reading.kind === 'invalid') return { kind: 'invalid', message: reading.message };
  return { kind: 'name', text };
}

export interface DeadlineBounds {
  nowMs: number;
  /** Due at or after this instant is "not due yet"; before it and not past is "due soon". */
  soonLimitMs: number;
}

/**
 * "Due soon" means at most `dueSoonWorkingMinutes` of working time left (openDeadlineState).
 * The last instant with that much left is the threshold added in working time, and every
 * instant until the next session opens has the same working time left (a due at 07:00 the next
 * morning is as close as one at 17:00 today), hence the next working instant, inclusive.
 */
export function deadlineBounds(calendar: WorkingCalendar, nowMs: number, dueSoonWorkingMinutes: number): DeadlineBounds {
  try {
    const last = addWorkingMinutes(calendar, nowMs, dueSoonWorkingMinutes);
    return { nowMs, soonLimitMs: nextWorkingInstant(calendar, last) + 1 };
  } catch {
    // No calendar for the coming days: fall back to calendar days rather than hide everything.
    return { nowMs, soonLimitMs: nowMs + Math.max(1, Math.ceil(dueSoonWorkingMinutes / 480)) * 86_400_000 };
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function deadlineRange(filter: DeadlineFilter, bounds: DeadlineBounds): DossierQuery['deadline'] {
  switch (filter) {
    case 'overdue':
      return { before: iso(bounds.nowMs) };
    case 'due-soon':
      return { from: iso(bounds.nowMs), before: iso(bounds.soonLimitMs) };
    case 'not-due':
      return { from: iso(bounds.soonLimitMs) };
    case 'all':
      return undefined;
  }
}

/**
 * The store query for the filters, or null when they cannot match anything (e.g. "overdue"
 * together with a finished status) or a typed date is wrong (`receivedDates` says why). A deadline
 * filter lists what the alerts count: the dossiers `holderUnit` holds, not those sent elsewhere.
 */
export function toDossierQuery(filters: ListFilters, bounds: DeadlineBounds, holderUnit?: string): DossierQuery | null {
  const query: DossierQuery = { sort: filters.sort };
  if (filters.deadline !== 'all') {
    if (filters.status !== 'all' && !RUNNING_STATUSES.includes(filters.status)) return null;
    query.status = filters.status === 'all' ? RUNNING_STATUSES : filters.status;
    query.deadline = deadlineRange(filters.deadline, bounds);
    if (holderUnit !== undefined) query.holderUnit = holderUnit;
  } else if (filters.status !== 'all') {
    query.status = filters.status;
  }
  if (filters.procedure) query.procedure = filters.procedure;
  if (filters.field) query.field = filters.field;
  if (filters.officer) query.officer = filters.officer;
  const dates = receivedDates(filters, localDateOf(bounds.nowMs));
  if (dates.problems.length > 0) return null;
  if (dates.from) query.receivedFrom = iso(instantAt(dates.from, 0));
  if (dates.to) query.receivedTo = iso(instantAt(addDays(dates.to, 1), 0));
  return query;
}

/**
 * The received-date filters as typed, checked with the date rule of every date field (a real
 * date, not before 1900, not after today; the end not before the start); `problems` in words.
 */
export function receivedDates(filters: Pick<ListFilters, 'receivedFrom' | 'receivedTo'>, today: LocalDate): { from: LocalDate | null; to: LocalDate | null; problems: string[] } {
  const problems: string[] = [];
  const read = (text: string, rule: DateRule): LocalDate | null => {
    if (text.trim() === '') return null;
    const date = parseTypedDate(text, rule);
    if (date.ok) return date.value;
    problems.push(date.error.message);
    return null;
  };
  const from = read(filters.receivedFrom, pastFactRule('Ngày bắt đầu', today));
  const to = read(filters.receivedTo, {
    ...pastFactRule('Ngày kết thúc', today),
    ...(from ? { earliest: { date: from, name: `ngày bắt đầu ${formatLocalDate(from)}` } } : {}),
  });
  return { from, to, problems };
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as (keyof ListFilters)[]).some((key) => key !== 'sort' && filters[key] !== EMPTY_FILTERS[key]);
}
