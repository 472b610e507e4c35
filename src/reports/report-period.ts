import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { addDays, instantAt, isLocalDate } from '../time/vn-time.ts';
import type { Instant, LocalDate } from '../time/vn-time.ts';

/** A reporting period: inclusive Vietnam calendar dates (UTC+7). */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

/** The period as instants: `[startMs, endMs)`, from local midnight of `from` to local midnight after `to`. */
export interface PeriodWindow {
  startMs: Instant;
  endMs: Instant;
}

const localDate = z.string().refine(isLocalDate, 'phải là ngày có thật dạng YYYY-MM-DD');

export const reportPeriodSchema = z
  .object({ from: localDate, to: localDate })
  .refine((period) => period.from <= period.to, { message: 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });

/** ISO-8601 with an explicit zone: without one, `Date.parse` would read the machine's local time. */
export const isoInstantSchema = z.iso.datetime({ offset: true });

/** Validates a period from outside (a form, a URL) and turns it into instants. */
export function periodWindow(period: unknown): PeriodWindow {
  const parsed = reportPeriodSchema.safeParse(period);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError(
      'report.bad_period',
      `Kỳ báo cáo không hợp lệ${field === '' ? '' : ` (${field === 'from' ? 'từ ngày' : 'đến ngày'})`}: ${issue?.message ?? 'thiếu ngày'}.`,
      ['period', ...(issue?.path ?? [])].map(String),
    );
  }
  return {
    startMs: instantAt(parsed.data.from, 0),
    endMs: instantAt(addDays(parsed.data.to, 1), 0),
  };
}

// Same shape as isoInstantSchema; a plain regex because reports read a few instants per dossier,
// hundreds of thousands of times, where zod's parse dominated the report's time.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO instant with an explicit zone; null when it is not one. */
export function parseInstant(text: string): Instant | null {
  if (!ISO_INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
