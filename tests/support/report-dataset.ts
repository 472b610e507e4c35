import { loadBundledCalendarYears } from '../../src/calendar/bundled-calendars.ts';
import { addWorkingMinutes, createWorkingCalendar, isWorkingDay } from '../../src/calendar/working-calendar.ts';
import type { WorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { StatutoryTime } from '../../src/catalogue/statutory-time.ts';
import { computeAppointment, pausedWorkingMinutes } from '../../src/deadline/appointment.ts';
import type { IntakeChannel } from '../../src/dossier/dossier-state.ts';
import { createEventIdGenerator } from '../../src/dossier/event-id.ts';
import { createEvent } from '../../src/dossier/events.ts';
import type { CreateEventInput, DossierEvent, EventType, PayloadInput } from '../../src/dossier/events.ts';
import { addDays, instantAt, localDateOf, MS_PER_DAY } from '../../src/time/vn-time.ts';
import type { Instant, LocalDate } from '../../src/time/vn-time.ts';

/**
 * A deterministic province for report tests: several units, a stretch of dossiers across public
 * holidays (real calendar, real appointments), linked pairs and transfers between units. Each
 * dossier comes with its event list AND the plan it was built from, so a test can compute the
 * expected figures from the plan without calling the report code under test.
 */

export interface DatasetUnit {
  id: string;
  name: string;
  deskId: string;
  receptionOfficers: string[];
  processingOfficer: string;
}

export type Outcome = 'resolved' | 'refused' | 'withdrawn' | 'stopped' | 'processing' | 'supplement' | 'financial';

/** What the generator decided for one dossier: the ground truth of the expectation. */
export interface DossierPlan {
  code: string;
  unitId: string;
  officerId: string;
  procedureCode: string;
  field: string;
  channel: IntakeChannel;
  receivedMs: Instant;
  /** The due date after supplements and extensions. */
  dueMs: Instant;
  outcome: Outcome;
  /** When it left processing; null while open. */
  finishedMs: Instant | null;
  supplements: number;
  /** Apology letters with a new appointment: finished, the dossier is late (issue 20). */
  extensions: number;
  /** Handed to the citizen (RETURNED); null when not (yet). */
  returnedMs: Instant | null;
  /** Both members of a linked pair are dossiers of their own unit, each counted once. */
  linkedGroupId: string | null;
  /** Unit it was transferred to, if any. */
  transferredTo: string | null;
  /** Every paper handed in (not the ID card only shown) has a scan attached (issue 22). */
  papersScanned: boolean;
  /** Its result has a scan attached. */
  resultScanned: boolean;
}

export interface PlannedDossier {
  plan: DossierPlan;
  events: DossierEvent[];
}

export interface ReportDataset {
  units: DatasetUnit[];
  dossiers: PlannedDossier[];
  calendar: WorkingCalendar;
  /** Every event, by desk clock (the order desks would push them). */
  events(): DossierEvent[];
}

export interface DatasetOptions {
  seed: number;
  units?: number;
  /** Mean dossiers received per unit per working day. */
  perDay?: number;
  from?: LocalDate;
  to?: LocalDate;
}

const PROCEDURES: { code: string; name: string; field: string; time: StatutoryTime }[] = [
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', time: { kind: 'same-day', cutoff: '15:00' } },
  { code: '1.004873', name: 'Xác nhận tình trạng hôn nhân', field: 'Hộ tịch', time: { kind: 'working-days', days: 3 } },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', time: { kind: 'same-day', cutoff: '15:00' } },
  { code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', time: { kind: 'working-days', days: 7 } },
  { code: '1.004194', name: 'Đăng ký tạm trú', field: 'Đăng ký, quản lý cư trú', time: { kind: 'working-days', days: 3 } },
  { code: '1.001731', name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', field: 'Bảo trợ xã hội', time: { kind: 'working-days', days: 5 } },
];
/** Linked partner of a birth registration (Decree 63/2024 group). */
const LINKED_PARTNER = { code: '2.000986', name: 'Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT', field: 'Hộ tịch', time: { kind: 'working-days', days: 5 } as StatutoryTime };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Linh', 'Mai', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Uyên', 'Việt', 'Yến'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The papers of every dossier: two handed in, the ID card only shown (never scanned for the rate). */
const PAPERS = [
  { name: 'Tờ khai', originals: 1, copies: 0 },
  { name: 'Giấy tờ chứng minh', originals: 0, copies: 1 },
  { name: 'Căn cước', originals: 0, copies: 0, presentedOnly: true as const },
];
const KEPT_PAPERS = PAPERS.filter((paper) => !('presentedOnly' in paper)).map((paper) => paper.name);

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function datasetUnits(count: number): DatasetUnit[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `000.00.${String(12 + i).padStart(2, '0')}.H23`;
    return {
      id,
      name: `Phường Thử Nghiệm ${i + 1}`,
      deskId: `${id}#1`,
      receptionOfficers: [`tn-${i + 1}-a`, `tn-${i + 1}-b`],
      processingOfficer: `xl-${i + 1}`,
    };
  });
}

export function generateReportDataset(options: DatasetOptions): ReportDataset {
  const random = seededRandom(options.seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const calendar = createWorkingCalendar({ years: loadBundledCalendarYears() });
  const units = datasetUnits(options.units ?? 3);
  const from = options.from ?? '2025-01-02';
  const to = options.to ?? '2026-01-31';
  const horizonMs = instantAt(addDays(to, 1), 0) - MINUTE;
  const perDay = options.perDay ?? 6;
  const dossiers: PlannedDossier[] = [];
  let linkCounter = 0;

  for (let date = from; date <= to; date = addDays(date, 1)) {
    const working = isWorkingDay(calendar, date);
    for (const [unitIndex, unit] of units.entries()) {
      // Online dossiers arrive on days off too (holidays, weekends); the desk receives none then.
      const count = working ? Math.floor(perDay * (0.5 + random())) : random() < 0.5 ? 1 : 0;
      let sequence = 0;
      const times = Array.from({ length: count }, () =>
        working ? instantAt(date, 7 * 60 + Math.floor(random() * 10 * 60)) : instantAt(date, Math.floor(random() * 24 * 60)),
      ).sort((a, b) => a - b);
      for (const receivedMs of times) {
        sequence += 1;
        const channel: IntakeChannel = !working ? 'online' : pick(['in-person', 'in-person', 'in-person', 'online', 'post'] as const);
        const procedure = pick(PROCEDURES);
        const linked = procedure.code === '1.001193' && random() < 0.3;
        const groupId = linked ? `LT-${++linkCounter}` : null;
        const transferTo = units.length > 1 && random() < 0.12 ? (units[(unitIndex + 1) % units.length] as DatasetUnit) : null;
        const built = buildDossier({
          unit, transferTo, procedure, channel, receivedMs, code: codeOf(unit.id, date, sequence), groupId,
          random, calendar, horizonMs,
        });
        dossiers.push(built);
        if (linked) {
          sequence += 1;
          dossiers.push(
            buildDossier({
              unit, transferTo: null, procedure: LINKED_PARTNER, channel, receivedMs: receivedMs + 5 * MINUTE,
              code: codeOf(unit.id, date, sequence), groupId, random, calendar, horizonMs,
            }),
          );
        }
      }
    }
  }
  return {
    units,
    dossiers,
    calendar,
    events: () => dossiers.flatMap((d) => d.events).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1)),
  };
}

function codeOf(unitId: string, date: LocalDate, sequence: number): string {
  return `${unitId}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${String(1000 + sequence).padStart(4, '0')}`;
}

interface BuildInput {
  unit: DatasetUnit;
  transferTo: DatasetUnit | null;
  procedure: { code: string; name: string; field: string; time: StatutoryTime };
  channel: IntakeChannel;
  receivedMs: Instant;
  code: string;
  groupId: string | null;
  random: () => number;
  calendar: WorkingCalendar;
  horizonMs: Instant;
}

function buildDossier(input: BuildInput): PlannedDossier {
  const { unit, transferTo, procedure, channel, receivedMs, code, random, calendar, horizonMs } = input;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let seed = Math.floor(random() * 2 ** 31);
  const nextId = (at: Instant) =>
    createEventIdGenerator({
      now: () => at,
      randomBytes: (n) =>
        Uint8Array.from({ length: n }, () => {
          seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
          return seed >>> 24;
        }),
    })();
  const events: DossierEvent[] = [];
  let clock = receivedMs;
  const receptionOfficer = pick(unit.receptionOfficers);
  let holder = unit;
  const emit = <T extends EventType>(type: T, payload: PayloadInput<T>, actor: 'reception' | 'processing', at: Instant) => {
    clock = Math.max(clock + MINUTE, at);
    const officerId = actor === 'reception' ? (holder === unit ? receptionOfficer : (holder.receptionOfficers[0] as string)) : holder.processingOfficer;
    const id = nextId(clock);
    events.push(
      createEvent(
        { type, payload, dossierCode: code, officerId, deskId: holder.deskId, unitId: holder.id } as CreateEventInput<T>,
        { nextId: () => id, now: () => clock },
      ) as DossierEvent,
    );
  };

  const originalDueMs = computeAppointment(calendar, receivedMs, procedure.time);
  let dueMs = originalDueMs;
  emit(
    'RECEIVED',
    {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      field: procedure.field,
      statutoryTime: procedure.time,
      channel,
      applicant: { fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`, phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, address: `Số ${1 + Math.floor(random() * 200)} đường Thử Nghiệm` },
      papers: PAPERS,
      sets: 1,
      fee: { amount: 0 },
      resultDelivery: 'desk',
      receivedAt: new Date(receivedMs).toISOString(),
      dueAt: new Date(originalDueMs).toISOString(),
      ...(input.groupId ? { linkedGroupId: input.groupId } : {}),
    },
    'reception',
    receivedMs,
  );

  // Scans come from their own stream, so the rest of the data set is what it was before them.
  const scanRandom = seededRandom(receivedMs);
  const scan = (role: 'paper' | 'result', at: Instant, actor: 'reception' | 'processing', paper?: string, replaces?: string) => {
    const hash = Array.from({ length: 8 }, () => Math.floor(scanRandom() * 2 ** 32).toString(16).padStart(8, '0')).join('');
    emit('ATTACHED', { hash, size: 20_000, mediaType: 'application/pdf', pages: 1, role, ...(paper ? { paper } : {}), ...(replaces ? { replaces } : {}) }, actor, at);
    return hash;
  };
  const papersRoll = scanRandom();
  // Most dossiers have every kept paper scanned (some rescanned), some only the first, the rest none.
  const scanned = papersRoll < 0.6 ? KEPT_PAPERS : papersRoll < 0.8 ? KEPT_PAPERS.slice(0, 1) : [];
  for (const paper of scanned) {
    const hash = scan('paper', receivedMs + 5 * MINUTE, 'reception', paper);
    if (scanRandom() < 0.1) scan('paper', receivedMs + 10 * MINUTE, 'reception', paper, hash);
  }

  const roll = random();
  let outcome: DossierPlan['outcome'] =
    roll < 0.04 ? 'refused' : roll < 0.07 ? 'withdrawn' : roll < 0.09 ? 'stopped' : roll < 0.12 ? 'supplement' : roll < 0.14 ? 'financial' : roll < 0.18 ? 'processing' : 'resolved';
  let finishedMs: Instant | null = null;
  let returnedMs: Instant | null = null;
  let supplements = 0;
  let extensions = 0;

  if (outcome === 'refused') {
    emit('REFUSED', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' }, 'reception', receivedMs + 20 * MINUTE);
    finishedMs = clock;
  } else {
    if (transferTo) {
      emit('TRANSFERRED', { toUnitId: transferTo.id, note: 'Chuyển đơn vị có thẩm quyền' }, 'reception', receivedMs + 30 * MINUTE);
      holder = transferTo;
    }
    emit('ACCEPTED', {}, 'processing', receivedMs + HOUR);
    // Supplements pause the clock: the due date moves by the working time spent waiting.
    const wanted = outcome === 'supplement' ? 1 : random() < 0.1 ? (random() < 0.4 ? 2 : 1) : 0;
    for (let s = 0; s < wanted; s += 1) {
      const askedAt = clock + 2 * HOUR;
      emit('SUPPLEMENT_REQUESTED', { reason: 'Thiếu giấy tờ', items: ['Bản sao giấy tờ tùy thân'] }, 'reception', askedAt);
      supplements += 1;
      if (outcome === 'supplement' && s === wanted - 1) break;
      const backAt = clock + (1 + Math.floor(random() * 4)) * MS_PER_DAY;
      const paused = pausedWorkingMinutes(calendar, askedAt, backAt);
      dueMs = addWorkingMinutes(calendar, dueMs, paused);
      emit('SUPPLEMENT_RECEIVED', { pausedWorkingMinutes: paused, newDueAt: new Date(dueMs).toISOString() }, 'reception', backAt);
    }
    if (outcome === 'financial') {
      emit('FINANCIAL_OBLIGATION_REQUESTED', { note: 'Nộp lệ phí' }, 'processing', clock + HOUR);
    } else if (outcome === 'withdrawn') {
      emit('WITHDRAWN', { reason: 'Công dân đề nghị rút hồ sơ' }, 'reception', clock + 3 * HOUR);
      finishedMs = clock;
    } else if (outcome === 'stopped') {
      emit('STOPPED', { reason: 'Người nộp không bổ sung hồ sơ' }, 'processing', clock + MS_PER_DAY);
      finishedMs = clock;
    } else if (outcome === 'resolved') {
      if (random() < 0.05) {
        dueMs = addWorkingMinutes(calendar, dueMs, 2 * 480);
        emit('EXTENDED', { reason: 'Cần xác minh thêm', responsibleUnit: holder.name, newDueAt: new Date(dueMs).toISOString() }, 'processing', clock + HOUR);
        extensions += 1;
      }
      const timing = random();
      const target =
        timing < 0.55 ? dueMs - (1 + Math.floor(random() * 3)) * MS_PER_DAY : timing < 0.85 ? instantAt(localDateOf(dueMs), 8 * 60 + Math.floor(random() * 8 * 60)) : dueMs + (1 + Math.floor(random() * 6)) * MS_PER_DAY;
      emit('RESOLVED', { resultSummary: 'Đã có kết quả' }, 'processing', target);
      finishedMs = clock;
      if (scanRandom() < 0.5) scan('result', clock + 30 * MINUTE, 'processing');
      if (random() < 0.7) {
        emit('RETURNED', { collectedBy: { fullName: 'Người nhận thay' } }, 'reception', clock + 2 * HOUR);
        returnedMs = clock;
      }
    }
  }
  // Nothing happens after the end of the data set: later steps never took place.
  const cut = events.findIndex((event) => Date.parse(event.at) > horizonMs);
  if (cut !== -1) {
    events.splice(cut);
    ({ outcome, finishedMs, returnedMs, dueMs, supplements, extensions } = replan(events, originalDueMs));
  }
  return {
    plan: {
      code, unitId: unit.id, officerId: receptionOfficer, procedureCode: procedure.code, field: procedure.field, channel, receivedMs, dueMs,
      outcome, finishedMs, returnedMs, supplements, extensions, linkedGroupId: input.groupId, transferredTo: transferTo?.id ?? null,
      ...scansOf(events),
    },
    events,
  };
}

/** The plan of a dossier whose later events were cut at the horizon, from what remains. */
function replan(events: readonly DossierEvent[], originalDueMs: Instant) {
  let dueMs = originalDueMs;
  let supplements = 0;
  let extensions = 0;
  let outcome: Outcome = 'processing';
  let finishedMs: Instant | null = null;
  let returnedMs: Instant | null = null;
  const endings: Partial<Record<EventType, Outcome>> = { RESOLVED: 'resolved', REFUSED: 'refused', WITHDRAWN: 'withdrawn', STOPPED: 'stopped' };
  for (const event of events) {
    if (event.type === 'SUPPLEMENT_REQUESTED') {
      supplements += 1;
      outcome = 'supplement';
    }
    if (event.type === 'SUPPLEMENT_RECEIVED') {
      dueMs = Date.parse(event.payload.newDueAt);
      outcome = 'processing';
    }
    if (event.type === 'EXTENDED') {
      dueMs = Date.parse(event.payload.newDueAt);
      extensions += 1;
    }
    if (event.type === 'FINANCIAL_OBLIGATION_REQUESTED') outcome = 'financial';
    if (event.type === 'RETURNED') returnedMs = Date.parse(event.at);
    const ending = endings[event.type];
    if (ending) {
      outcome = ending;
      finishedMs = Date.parse(event.at);
    }
  }
  return { outcome, finishedMs, returnedMs, dueMs, supplements, extensions };
}

/** What was scanned among the events that took place (a scan after the horizon never did). */
function scansOf(events: readonly DossierEvent[]): Pick<DossierPlan, 'papersScanned' | 'resultScanned'> {
  const attached = events.flatMap((event) => (event.type === 'ATTACHED' ? [event.payload] : []));
  const papers = new Set(attached.map((payload) => payload.paper));
  return { papersScanned: KEPT_PAPERS.every((name) => papers.has(name)), resultScanned: attached.some((payload) => payload.role === 'result') };
}
