import { addWorkingMinutes, nextWorkingInstant } from '../../../src/calendar/working-calendar.ts';
import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';
import { addDays, instantAt } from '../../../src/time/vn-time.ts';
import { parseVnDate } from '../../components/format.ts';
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
  | { kind: 'code'; code: string }
  | { kind: 'citizen-id'; citizenId: string }
  | { kind: 'name'; text: string }
  | { kind: 'invalid'; message: string };

const CITIZEN_ID = /^\d{12}$/;
/** Looks like an attempt at a dossier code: agency dots or the -YYMMDD- part. */
const CODE_LIKE = /^[A-Za-z0-9]{2,3}\.[A-Za-z0-9.]*-|-\d{6}-/;

/** One search box for code, citizen ID and name: what the officer most likely meant. */
export function classifySearch(raw: string): SearchIntent {
  const text = raw.normalize('NFC').trim();
  if (text === '') return { kind: 'none' };
  const compact = text.replace(/\s+/g, '');
  if (CITIZEN_ID.test(compact)) return { kind: 'citizen-id', citizenId: compact };
  const code = parseDossierCode(compact);
  if (code.ok) return { kind: 'code', code: code.value.code };
  if (CODE_LIKE.test(compact)) return { kind: 'invalid', message: code.error.message };
  if (/^\d+$/.test(compact)) {
    return { kind: 'invalid', message: `"${text}" không phải mã hồ sơ hay số định danh cá nhân (12 chữ số).` };
  }
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
 * together with a finished status, or a date range ending before it starts).
 */
export function toDossierQuery(filters: ListFilters, bounds: DeadlineBounds): DossierQuery | null {
  const query: DossierQuery = { sort: filters.sort };
  if (filters.deadline !== 'all') {
    if (filters.status !== 'all' && !RUNNING_STATUSES.includes(filters.status)) return null;
    query.status = filters.status === 'all' ? RUNNING_STATUSES : filters.status;
    query.deadline = deadlineRange(filters.deadline, bounds);
  } else if (filters.status !== 'all') {
    query.status = filters.status;
  }
  if (filters.procedure) query.procedure = filters.procedure;
  if (filters.field) query.field = filters.field;
  if (filters.officer) query.officer = filters.officer;
  const from = parseVnDate(filters.receivedFrom);
  const to = parseVnDate(filters.receivedTo);
  if (from) query.receivedFrom = iso(instantAt(from, 0));
  if (to) query.receivedTo = iso(instantAt(addDays(to, 1), 0));
  if (query.receivedFrom && query.receivedTo && query.receivedFrom >= query.receivedTo) return null;
  return query;
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as (keyof ListFilters)[]).some((key) => key !== 'sort' && filters[key] !== EMPTY_FILTERS[key]);
}
