import { addWorkingMinutes, isWorkingDay } from '../../../src/calendar/working-calendar.ts';
import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import type { Catalogue } from '../../../src/catalogue/catalogue.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { computeAppointment, pausedWorkingMinutes } from '../../../src/deadline/appointment.ts';
import { formatDossierCode } from '../../../src/dossier/dossier-code.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { CreateEventInput, DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { addDays, instantAt, localDateOf, minuteOfDay, MS_PER_DAY } from '../../../src/time/vn-time.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';
import { pick, randomApplicant, seededRandom } from './people.ts';
import type { Applicant, Random } from './people.ts';

/**
 * Years of a busy unit's dossiers, oldest first, as the desk holds them after sync: received by
 * several desks (slots) of the agency, most finished and returned long ago, the recent ones still
 * open, a few stuck and overdue. Every event goes through `createEvent` (the domain's validation).
 */

export interface DatasetOptions {
  size: number;
  /** The benchmark's "now": nothing happens after it. */
  nowMs: number;
  agencyId: string;
  /** Officers of the unit: who receives (by slot) and who processes. */
  receptionOfficers: readonly string[];
  processingOfficers: readonly string[];
  seed?: number;
  firstDay?: LocalDate;
}

export interface SeedDossier {
  code: string;
  slot: number;
  applicant: Applicant;
  procedureCode: string;
  events: DossierEvent[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MORNING_MINUTES = 270; // 07:00–11:30
const WORKING_MINUTES = 480; // plus 13:30–17:00

function workingDays(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) days.push(day);
  return days;
}

/** A random instant of office hours on `day`, before `latestMinute` of the day when given. */
function officeInstant(random: Random, day: LocalDate, latestMinute?: number): number {
  if (latestMinute !== undefined) {
    const span = Math.max(1, latestMinute - 7 * 60);
    return instantAt(day, 7 * 60) + Math.floor(random() * span * MINUTE);
  }
  const offset = random() * WORKING_MINUTES;
  const minutes = offset < MORNING_MINUTES ? 7 * 60 + offset : 13.5 * 60 + (offset - MORNING_MINUTES);
  return instantAt(day, 0) + Math.floor(minutes * MINUTE);
}

export function* generateDossiers(options: DatasetOptions, calendar: WorkingCalendar, catalogue: Catalogue): Generator<SeedDossier> {
  const random = seededRandom(options.seed ?? 20_251_124);
  const today = localDateOf(options.nowMs);
  const days = workingDays(calendar, options.firstDay ?? '2025-01-02', today);
  const perDay = Math.ceil(options.size / days.length);
  // Each slot issues at most 999 codes a day; spread the day's dossiers over enough desks.
  const slots = Math.min(9, Math.max(3, Math.ceil(perDay / 900)));
  // Common procedures dominate a commune desk; the rest of the catalogue appears now and then.
  const procedures = catalogue.procedures;
  const common = procedures.slice(0, 8);
  let produced = 0;
  for (const [dayIndex, day] of days.entries()) {
    const count = Math.min(perDay, options.size - produced, Math.floor(((dayIndex + 1) * options.size) / days.length) - produced);
    const latest = day === today ? minuteOfDay(options.nowMs) - 10 : undefined;
    const times = Array.from({ length: count }, () => officeInstant(random, day, latest)).sort((a, b) => a - b);
    for (const [k, receivedMs] of times.entries()) {
      const slot = 1 + (k % slots);
      const counter = 1 + Math.floor(k / slots);
      const code = formatDossierCode({ agencyId: options.agencyId, localDate: day, slot, counter });
      const procedure = random() < 0.8 ? pick(random, common) : pick(random, procedures);
      yield buildDossier({ code, slot, receivedMs, procedure, random, calendar, options });
    }
    produced += count;
  }
}

interface BuildInput {
  code: string;
  slot: number;
  receivedMs: number;
  procedure: Procedure;
  random: Random;
  calendar: WorkingCalendar;
  options: DatasetOptions;
}

function buildDossier(input: BuildInput): SeedDossier {
  const { code, slot, receivedMs, procedure, random, calendar, options } = input;
  const applicant = randomApplicant(random);
  const receptionist = options.receptionOfficers[(slot - 1) % options.receptionOfficers.length] as string;
  const processor = pick(random, options.processingOfficers);
  const events: DossierEvent[] = [];
  let clock = receivedMs;
  let stopped = false;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const emit = <T extends EventType>(type: T, payload: PayloadInput<T>, officerId: string, at: number): boolean => {
    if (stopped) return false;
    clock = Math.max(clock + MINUTE, at);
    // Nothing happens after "now": the dossier stays where it is.
    if (clock > options.nowMs) {
      stopped = true;
      return false;
    }
    const time = clock;
    const nextId = createEventIdGenerator({ now: () => time, randomBytes: bytes });
    events.push(
      createEvent(
        { type, dossierCode: code, officerId, deskId: `${options.agencyId}#${slot}`, unitId: options.agencyId, payload } as CreateEventInput<T>,
        { nextId, now: () => time },
      ) as DossierEvent,
    );
    return true;
  };

  let dueMs = computeAppointment(calendar, receivedMs, procedure.statutoryTime);
  emit(
    'RECEIVED',
    {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      field: procedure.field,
      statutoryTime: procedure.statutoryTime,
      channel: random() < 0.85 ? 'in-person' : 'online',
      applicant: { ...applicant },
      papers: procedure.papers
        .filter((paper) => !paper.optional && paper.presentOnly !== true && paper.originals + paper.copies > 0)
        .map((paper) => ({ name: paper.name, originals: paper.originals, copies: paper.copies })),
      sets: 1,
      fee: { amount: procedure.fee.kind === 'fixed' ? 50_000 : 0 },
      resultDelivery: random() < 0.9 ? 'desk' : 'post',
      receivedAt: new Date(receivedMs).toISOString(),
      dueAt: new Date(dueMs).toISOString(),
    },
    receptionist,
    receivedMs,
  );

  const roll = random();
  if (roll < 0.03) {
    emit('REFUSED', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị' }, receptionist, receivedMs + 20 * MINUTE);
    return { code, slot, applicant, procedureCode: procedure.code, events };
  }
  emit('ACCEPTED', {}, processor, receivedMs + HOUR + Math.floor(random() * 3 * HOUR));
  if (roll < 0.09) {
    const askedAt = clock + MS_PER_DAY;
    emit('SUPPLEMENT_REQUESTED', { reason: 'Thiếu giấy tờ', items: ['Bản sao giấy tờ chứng minh nơi cư trú'] }, processor, askedAt);
    // A fifth of them never come back: they stay "supplement requested".
    if (roll < 0.042) return { code, slot, applicant, procedureCode: procedure.code, events };
    const backAt = askedAt + (1 + Math.floor(random() * 4)) * MS_PER_DAY;
    const paused = Math.round(pausedWorkingMinutes(calendar, askedAt, backAt));
    dueMs = addWorkingMinutes(calendar, dueMs, paused);
    emit('SUPPLEMENT_RECEIVED', { pausedWorkingMinutes: paused, newDueAt: new Date(dueMs).toISOString() }, receptionist, backAt);
  } else if (roll < 0.11) {
    emit('WITHDRAWN', { reason: 'Công dân đề nghị rút hồ sơ' }, receptionist, clock + 3 * HOUR);
    return { code, slot, applicant, procedureCode: procedure.code, events };
  } else if (roll < 0.12) {
    emit('STOPPED', { reason: 'Người nộp không bổ sung hồ sơ theo yêu cầu' }, processor, clock + MS_PER_DAY);
    return { code, slot, applicant, procedureCode: procedure.code, events };
  } else if (roll < 0.135) {
    // Stuck in processing: these become the overdue ones.
    return { code, slot, applicant, procedureCode: procedure.code, events };
  }
  const timing = random();
  const target =
    timing < 0.6 ? dueMs - Math.floor(random() * 2 * MS_PER_DAY) : timing < 0.9 ? dueMs - Math.floor(random() * 3 * HOUR) : dueMs + (1 + Math.floor(random() * 5)) * MS_PER_DAY;
  if (!emit('RESOLVED', { resultSummary: 'Đã có kết quả giải quyết' }, processor, Math.max(target, clock + 30 * MINUTE))) {
    return { code, slot, applicant, procedureCode: procedure.code, events };
  }
  if (random() < 0.88) {
    emit('RETURNED', { collectedBy: { fullName: applicant.fullName, citizenId: applicant.citizenId } }, receptionist, clock + (1 + Math.floor(random() * 3)) * MS_PER_DAY);
  }
  return { code, slot, applicant, procedureCode: procedure.code, events };
}
