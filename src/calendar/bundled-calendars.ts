import calendar2025 from '../../assets/calendars/2025.json' with { type: 'json' };
import calendar2026 from '../../assets/calendars/2026.json' with { type: 'json' };
import calendar2027 from '../../assets/calendars/2027.json' with { type: 'json' };
import { parseCalendarYear, type CalendarYear } from './calendar-data.ts';

/** The calendar years shipped with the app; src/ cannot read files, so they are imported statically. */
const BUNDLED_CALENDAR_FILES: readonly unknown[] = [calendar2025, calendar2026, calendar2027];

/** Validates and returns every shipped year, oldest first. */
export function loadBundledCalendarYears(): CalendarYear[] {
  return BUNDLED_CALENDAR_FILES.map((json) => parseCalendarYear(json));
}
