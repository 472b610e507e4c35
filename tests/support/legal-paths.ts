import { createEvent, type DossierEvent, type EventType, type PayloadInput } from '../../src/dossier/events.ts';
import { createEventIdGenerator } from '../../src/dossier/event-id.ts';
import { projectDossier, type ProjectedDossier } from '../../src/dossier/projection.ts';
import type { OfficialReport, ReportRow } from '../../src/reports/official-report.ts';
import type { ReportPeriod } from '../../src/reports/report-period.ts';

/**
 * One dossier per path of a dossier's legal life at the desk (issue 20, point 8), built from real
 * events and projected as the desk and the server project them, with the one column of the
 * official report each must land in. Every dossier has its own procedure code, so a report grouped
 * by procedure has one row per path. January 2026; received Monday 05/01 09:00 (Hà Nội), due
 * Thursday 08/01 09:00 unless said otherwise.
 */

export const TRUTH_PERIOD: ReportPeriod = { from: '2026-01-01', to: '2026-01-31' };
export const TRUTH_UNIT = '000.00.12.H23';

export type IntakeColumn = 'received' | 'carriedOver';
export type OutcomeColumn = 'early' | 'onTime' | 'late' | 'inProcessing' | 'paused' | 'withdrawn' | 'refused';

export interface LegalPath {
  key: string;
  /** What the path is, as the table's row says it. */
  name: string;
  intake: IntakeColumn;
  outcome: OutcomeColumn;
  /** The rule behind the outcome where it is not plain. */
  why?: string;
  events: DossierEvent[];
}

/** Hà Nội wall-clock "DD HH:MM" of January 2026 (or "12-DD …" for December 2025) as an ISO instant. */
const vn = (text: string): string => {
  const match = /^(?:(12)-)?(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`bad time ${text}`);
  const [, december, day, hour, minute] = match;
  const date = december ? `2025-12-${day}` : `2026-01-${day}`;
  return new Date(`${date}T${hour}:${minute}:00+07:00`).toISOString();
};

type Step = { [T in EventType]: { type: T; at: string; payload: PayloadInput<T> } }[EventType];

const step = <T extends EventType>(type: T, at: string, payload: PayloadInput<T>): Step => ({ type, at: vn(at), payload }) as Step;

let randomCounter = 0;
const nextId = (nowMs: () => number) =>
  createEventIdGenerator({
    now: nowMs,
    randomBytes: (n) => {
      randomCounter += 1;
      return Uint8Array.from({ length: n }, (_, index) => (randomCounter * 31 + index * 7) % 256);
    },
  });

function buildEvents(index: number, key: string, received: string, due: string, steps: readonly Step[]): DossierEvent[] {
  const code = `${TRUTH_UNIT}-${received.startsWith('12-') ? '251222' : '260105'}-${String(1001 + index)}`;
  let clock = 0;
  const ids = nextId(() => clock);
  const all: Step[] = [
    step('RECEIVED', received, {
      procedureCode: `path.${key}`,
      procedureName: `Đường đi ${key}`,
      field: 'Hộ tịch',
      statutoryTime: { kind: 'working-days', days: 3 },
      channel: 'in-person',
      applicant: { fullName: 'Nguyễn Văn An' },
      papers: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      sets: 1,
      fee: { amount: 0 },
      resultDelivery: 'desk',
      receivedAt: vn(received),
      dueAt: vn(due),
    }),
    ...steps,
  ];
  return all.map(({ type, at, payload }) => {
    clock = Date.parse(at);
    return createEvent({ type, dossierCode: code, officerId: 'cb.lan', deskId: `${TRUTH_UNIT}#1`, unitId: TRUTH_UNIT, payload } as never, { nextId: ids, now: () => clock });
  });
}

const accept = (at = '05 10:00') => step('ACCEPTED', at, {});
const resolve = (at: string) => step('RESOLVED', at, {});
const askSupplement = (at: string) => step('SUPPLEMENT_REQUESTED', at, { reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] });

interface PathSpec extends Omit<LegalPath, 'events'> {
  received?: string;
  due?: string;
  steps: Step[];
}

const specs: PathSpec[] = [
  { key: 'receive-only', name: 'tiếp nhận, chưa xử lý', intake: 'received', outcome: 'inProcessing', steps: [] },
  { key: 'in-processing', name: 'đang giải quyết', intake: 'received', outcome: 'inProcessing', steps: [accept()] },
  { key: 'supplement-pending', name: 'chờ bổ sung', intake: 'received', outcome: 'paused', steps: [accept(), askSupplement('06 09:00')] },
  {
    key: 'supplement-resumed',
    name: 'bổ sung rồi tiếp tục, xong sau hạn cũ nhưng trước hạn mới',
    intake: 'received',
    outcome: 'early',
    why: 'the paused working time moves the due date (13/01); finished 12/01',
    steps: [accept(), askSupplement('06 09:00'), step('SUPPLEMENT_RECEIVED', '09 09:00', { pausedWorkingMinutes: 1440, newDueAt: vn('13 09:00') }), resolve('12 10:00')],
  },
  {
    key: 'two-supplements',
    name: 'hai lần yêu cầu bổ sung, xong trước hạn',
    intake: 'received',
    outcome: 'late',
    why: 'more than one supplement request counts as late (domain.md)',
    steps: [
      accept(),
      askSupplement('05 14:00'),
      step('SUPPLEMENT_RECEIVED', '05 15:00', { pausedWorkingMinutes: 60, newDueAt: vn('08 10:00') }),
      askSupplement('06 08:00'),
      step('SUPPLEMENT_RECEIVED', '06 09:00', { pausedWorkingMinutes: 60, newDueAt: vn('08 11:00') }),
      resolve('07 10:00'),
    ],
  },
  {
    key: 'obligation-pending',
    name: 'chờ thực hiện nghĩa vụ tài chính',
    intake: 'received',
    outcome: 'paused',
    steps: [accept(), step('FINANCIAL_OBLIGATION_REQUESTED', '06 09:00', { note: 'Nộp lệ phí trước bạ', amount: 500_000 })],
  },
  {
    key: 'obligation-fulfilled',
    name: 'đã thực hiện nghĩa vụ tài chính, xong sau hạn cũ nhưng trước hạn mới',
    intake: 'received',
    outcome: 'early',
    why: 'the clock stood still while the citizen paid: due 13/01, finished 12/01',
    steps: [
      accept(),
      step('FINANCIAL_OBLIGATION_REQUESTED', '06 09:00', { note: 'Nộp lệ phí trước bạ' }),
      step('FINANCIAL_OBLIGATION_FULFILLED', '09 09:00', { pausedWorkingMinutes: 1440, newDueAt: vn('13 09:00') }),
      resolve('12 10:00'),
    ],
  },
  { key: 'refused', name: 'từ chối sau tiếp nhận', intake: 'received', outcome: 'refused', steps: [accept(), step('REFUSED', '06 09:00', { reason: 'Không đủ điều kiện' })] },
  {
    key: 'withdrawn',
    name: 'rút hồ sơ theo yêu cầu',
    intake: 'received',
    outcome: 'withdrawn',
    why: 'also counted among finished on time, as the desk and the server always did',
    steps: [step('WITHDRAWN', '09 09:00', { reason: 'Công dân xin rút', request: { fullName: 'Nguyễn Văn An', date: '2026-01-09', paper: 'Đơn đề nghị rút hồ sơ' } })],
  },
  { key: 'stopped', name: 'dừng giải quyết', intake: 'received', outcome: 'paused', why: 'paused = 5 + 6 + 8 (domain.md)', steps: [accept(), step('STOPPED', '06 09:00', { reason: 'Có tranh chấp' })] },
  { key: 'early', name: 'giải quyết trước hạn', intake: 'received', outcome: 'early', steps: [accept(), resolve('07 10:00')] },
  { key: 'on-time', name: 'giải quyết đúng hạn (cùng ngày hẹn)', intake: 'received', outcome: 'onTime', steps: [accept(), resolve('08 16:00')] },
  { key: 'late', name: 'giải quyết trễ hạn', intake: 'received', outcome: 'late', steps: [accept(), resolve('09 08:00')] },
  { key: 'returned', name: 'đã trả kết quả', intake: 'received', outcome: 'onTime', steps: [accept(), resolve('08 10:00'), step('RETURNED', '09 09:00', { collectedBy: { fullName: 'Nguyễn Văn An' } })] },
  {
    key: 'apology',
    name: 'xin lỗi, hẹn lại; xong trước ngày hẹn mới',
    intake: 'received',
    outcome: 'late',
    why: 'the apology letter is for a dossier "quá hạn" (Decree 61/2018 art. 19): the new date does not make it timely',
    steps: [accept(), step('EXTENDED', '07 15:00', { reason: 'Cần xác minh', responsibleUnit: 'Công an xã', newDueAt: vn('15 09:00') }), resolve('14 10:00')],
  },
  { key: 'carried-over', name: 'chuyển từ kỳ trước, đang giải quyết', intake: 'carriedOver', outcome: 'inProcessing', received: '12-22 09:00', due: '12-25 09:00', steps: [accept('12-22 10:00')] },
];

/** Every path with its events (fresh ids on every call). */
export function legalPaths(): LegalPath[] {
  return specs.map(({ received = '05 09:00', due = '08 09:00', steps, ...rest }, index) => ({ ...rest, events: buildEvents(index, rest.key, received, due, steps) }));
}

export function projectPaths(paths: readonly LegalPath[]): ProjectedDossier[] {
  return paths.map((path) => projectDossier(path.events));
}

/** The one intake and the outcome columns a report row counts (withdrawn taken out of "on time", where it is also counted). */
export function columnsOf(row: ReportRow): { intake: IntakeColumn[]; outcome: OutcomeColumn[] } {
  const intake: IntakeColumn[] = [];
  if (row.received.total > 0) intake.push('received');
  if (row.carriedOver > 0) intake.push('carriedOver');
  const counts: Record<OutcomeColumn, number> = {
    early: row.finished.early,
    onTime: row.finished.onTime - row.withdrawn,
    late: row.finished.late,
    inProcessing: row.inProcessing.total,
    paused: row.paused,
    withdrawn: row.withdrawn,
    refused: row.refused,
  };
  const outcome = (Object.keys(counts) as OutcomeColumn[]).flatMap((column) => Array<OutcomeColumn>(counts[column]).fill(column));
  return { intake, outcome };
}

/** The report's rows by path key (procedure code `path.<key>`). */
export function rowsByPath(report: OfficialReport): Map<string, ReportRow> {
  return new Map(report.rows.map((row) => [(row.key ?? '').replace(/^path\./, ''), row]));
}
