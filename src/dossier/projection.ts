import { DomainError } from '../errors.ts';
import { DossierStatus } from './status.ts';
import type { Anomaly, DossierState, FinishedDeadlineState, OpenDeadlineState } from './dossier-state.ts';
import type { DossierEvent, GroupMembership, PayloadOf } from './events.ts';
import { localDateOf } from '../time/vn-time.ts';
import { applyTransition } from './state-machine.ts';
import { canonicalJson } from '../canonical-json.ts';
import { applyFeeEvent, feeReceiptProblem, type FeeReceipt } from '../fees/fee-receipts.ts';
import { digitisationFlags } from './digitised-papers.ts';

/**
 * Folds a dossier's events into its state. The result depends only on the SET of events:
 * any delivery order, with or without duplicates, gives an identical state.
 *
 * Order. Each event sorts by (time, id, body) where time is `serverAt` when the server has
 * stamped it, else the desk's `at` but never earlier than the latest `serverAt` in the set.
 * Comparing server and desk clocks raw would still be a total order, yet it would put a desk's
 * own unsynced actions before synced events whenever the desk clock runs slow; an unsynced event
 * was necessarily made after everything already stamped that this desk holds, and the server
 * will stamp it later still, so this order is the one the projection will have after sync.
 * The time is a function of the event set, so the order stays total and delivery-independent.
 *
 * Nothing is dropped: every distinct event id is in `eventIds` (the route), and anything that
 * cannot be applied (illegal transition, another dossier's code, a tampered duplicate…) becomes
 * a Vietnamese `anomalies` entry instead.
 */

export type DeadlineState = OpenDeadlineState | FinishedDeadlineState;

export interface ProjectionOptions {
  /** Unix milliseconds; needed for the open deadline state. */
  now?: number;
  /** Working-time judgement of an open dossier (due soon depends on the calendar). */
  deadline?: (dueMs: number, nowMs: number) => OpenDeadlineState;
}

export interface ProjectedDossier extends DossierState {
  /** Whether a TRANSFERRED waits for its receiver's ACCEPTED (feeds `allowedActions`). */
  handoverPending: boolean;
  /**
   * Finished dossiers: early / on-time / late by Vietnamese calendar date of finishing vs due.
   * Open dossiers: from `options.deadline` when `options.now` is given. Absent while the clock is
   * paused for a supplement (status 5) or a payment (status 6) and when there is no due date.
   */
  deadlineState?: DeadlineState;
  /** The dossier's fee receipts (biên lai thu phí, lệ phí) in the order issued, voided ones included. */
  feeReceipts: FeeReceipt[];
  /** A linked group's component: the group and its members as received (never its personal data). */
  group: Omit<GroupMembership, 'data'> | null;
  /** Its digitised papers and electronic result, a rescanned file in place of the one it replaces. */
  attachments: DossierAttachment[];
}

/** What the dossier knows of one digitised file (ATTACHED); the file's name stays in the encrypted event. */
export interface DossierAttachment {
  hash: string;
  size: number;
  mediaType: PayloadOf<'ATTACHED'>['mediaType'];
  pages: number;
  role: 'paper' | 'result';
  paper?: string;
  at: string;
  officerId: string;
  unitId: string;
}

interface Candidate {
  event: DossierEvent;
  time: number;
  body: string;
}

export function projectDossier(events: readonly DossierEvent[], options: ProjectionOptions = {}): ProjectedDossier {
  if (events.length === 0) {
    throw new DomainError('dossier.no_events', 'Không có sự kiện nào để dựng hồ sơ.');
  }
  const anomalies: Anomaly[] = [];
  const ordered = orderEvents(events, anomalies);

  const received = ordered.find((c) => c.event.type === 'RECEIVED' && !c.tampered)?.event;
  const first = ordered[0]?.event as DossierEvent;
  const code = received?.dossierCode ?? first.dossierCode;

  const state: ProjectedDossier = {
    code,
    procedureCode: '',
    procedureName: '',
    field: '',
    applicantName: '',
    channel: 'in-person',
    receivingUnitId: '',
    receivedByOfficerId: '',
    holderUnitId: '',
    holderOfficerId: null,
    reportUnitId: '',
    status: DossierStatus.New,
    receivedAt: '',
    originalDueAt: '',
    dueAt: '',
    finishedAt: null,
    returnedAt: null,
    pausedWorkingMinutes: 0,
    supplementRequestCount: 0,
    extensionCount: 0,
    linkedGroupId: null,
    papersDigitised: false,
    resultDigitised: false,
    eventIds: ordered.map((c) => c.event.id),
    anomalies,
    handoverPending: false,
    feeReceipts: [],
    group: null,
    attachments: [],
  };
  const feeReceipts = new Map<string, FeeReceipt>();
  let checklist: PayloadOf<'RECEIVED'>['papers'] = [];

  for (const { event, tampered } of ordered) {
    if (tampered) continue;
    if (event.dossierCode !== code) {
      anomalies.push({
        eventId: event.id,
        code: 'event.wrong_dossier',
        message: `Sự kiện thuộc hồ sơ khác (${event.dossierCode}), không áp dụng cho hồ sơ ${code}.`,
      });
      continue;
    }
    const transition = applyTransition(
      state.status,
      { type: event.type, unitId: event.unitId, ...(event.type === 'TRANSFERRED' ? { toUnitId: event.payload.toUnitId } : {}) },
      { handoverPending: state.handoverPending, holderUnitId: state.holderUnitId, receivingUnitId: state.receivingUnitId },
    );
    if (!transition.ok) {
      anomalies.push({ eventId: event.id, code: transition.error.code, message: transition.error.message });
      continue;
    }
    const feeProblem = feeReceiptProblem(feeReceipts, event);
    if (feeProblem) {
      anomalies.push({ eventId: event.id, ...feeProblem });
      continue;
    }
    applyFeeEvent(feeReceipts, event);
    state.status = transition.value.status;
    state.handoverPending = transition.value.handoverPending;
    applyFacts(state, event);
    if (event.type === 'RECEIVED') checklist = event.payload.papers;
  }

  // Anomalies follow the route (stable sort: several on one event keep their order).
  const position = new Map(state.eventIds.map((id, index) => [id, index]));
  anomalies.sort((a, b) => (position.get(a.eventId) ?? 0) - (position.get(b.eventId) ?? 0));

  state.feeReceipts = [...feeReceipts.values()];
  Object.assign(state, digitisationFlags(checklist, state.attachments));
  const deadlineState = judgeDeadline(state, options);
  if (deadlineState !== undefined) state.deadlineState = deadlineState;
  return state;
}

/** What each legal event changes besides the status. */
function applyFacts(state: ProjectedDossier, event: DossierEvent): void {
  switch (event.type) {
    case 'RECEIVED': {
      const p = event.payload;
      state.procedureCode = p.procedureCode;
      state.procedureName = p.procedureName;
      state.field = p.field;
      state.applicantName = p.applicant.fullName;
      state.channel = p.channel;
      state.receivingUnitId = event.unitId;
      state.receivedByOfficerId = event.officerId;
      state.holderUnitId = event.unitId;
      state.holderOfficerId = event.officerId;
      state.reportUnitId = event.unitId;
      state.receivedAt = p.receivedAt;
      state.originalDueAt = p.dueAt;
      state.dueAt = p.dueAt;
      state.linkedGroupId = p.linkedGroupId ?? null;
      if (p.group) {
        const { data: _personal, ...group } = p.group;
        state.group = group;
      }
      return;
    }
    case 'TRANSFERRED':
      state.holderUnitId = event.payload.toUnitId;
      state.holderOfficerId = event.payload.toOfficerId ?? null;
      // A component belongs to the unit competent for it; a result handed back stays theirs.
      if (state.group !== null && state.finishedAt === null) state.reportUnitId = event.payload.toUnitId;
      return;
    case 'ACCEPTED':
      state.holderOfficerId = event.officerId;
      return;
    case 'SUPPLEMENT_REQUESTED':
      state.supplementRequestCount += 1;
      return;
    case 'SUPPLEMENT_RECEIVED':
      state.pausedWorkingMinutes += event.payload.pausedWorkingMinutes;
      state.dueAt = event.payload.newDueAt;
      return;
    case 'FINANCIAL_OBLIGATION_FULFILLED':
      if (event.payload.newDueAt === undefined) return;
      state.pausedWorkingMinutes += event.payload.pausedWorkingMinutes ?? 0;
      state.dueAt = event.payload.newDueAt;
      return;
    case 'EXTENDED':
      state.extensionCount += 1;
      state.dueAt = event.payload.newDueAt;
      return;
    case 'RESOLVED':
    case 'WITHDRAWN':
    case 'REFUSED':
    case 'STOPPED':
      state.finishedAt = event.at;
      return;
    case 'RETURNED':
      state.returnedAt = event.at;
      return;
    case 'ATTACHED': {
      const { hash, size, mediaType, pages, role, paper, replaces } = event.payload;
      const kept = state.attachments.filter((a) => a.hash !== replaces);
      if (kept.some((a) => a.hash === hash)) return;
      state.attachments = [...kept, { hash, size, mediaType, pages, role, ...(paper !== undefined ? { paper } : {}), at: event.at, officerId: event.officerId, unitId: event.unitId }];
      return;
    }
    default:
      return;
  }
}

function judgeDeadline(state: ProjectedDossier, options: ProjectionOptions): DeadlineState | undefined {
  if (state.dueAt === '') return undefined;
  const dueMs = Date.parse(state.dueAt);
  if (state.finishedAt !== null) {
    const finished = localDateOf(Date.parse(state.finishedAt));
    const due = localDateOf(dueMs);
    return finished < due ? 'early' : finished === due ? 'on-time' : 'late';
  }
  if (state.status === DossierStatus.SupplementRequested || state.status === DossierStatus.FinancialObligationPending) return undefined;
  if (options.now === undefined || options.deadline === undefined) return undefined;
  return options.deadline(dueMs, options.now);
}

interface OrderedEvent {
  event: DossierEvent;
  /** Another event carries the same id with a different body: shown, never applied. */
  tampered: boolean;
}

/** Deduplicates by id, flags tampering, and sorts into the total order described above. */
function orderEvents(events: readonly DossierEvent[], anomalies: Anomaly[]): OrderedEvent[] {
  const latestServerMs = events.reduce((max, e) => (e.serverAt === null ? max : Math.max(max, Date.parse(e.serverAt))), -Infinity);
  const byId = new Map<string, Candidate[]>();
  for (const event of events) {
    const candidate: Candidate = { event, time: 0, body: '' };
    candidate.time = event.serverAt !== null ? Date.parse(event.serverAt) : Math.max(Date.parse(event.at), latestServerMs);
    const list = byId.get(event.id);
    if (list) list.push(candidate);
    else byId.set(event.id, [candidate]);
  }

  const chosen: (Candidate & { tampered: boolean })[] = [];
  for (const [id, candidates] of byId) {
    // Bodies are compared only between copies of one id (ids differ everywhere else), and
    // canonical JSON of a whole history on every projection was a sixth of the server's push CPU.
    if (candidates.length > 1) {
      for (const candidate of candidates) {
        const { serverAt: _serverAt, ...rest } = candidate.event;
        candidate.body = canonicalJson(rest);
      }
    }
    const sorted = [...candidates].sort(compareCandidates);
    const tampered = new Set(sorted.map((c) => c.body)).size > 1;
    if (tampered) {
      anomalies.push({
        eventId: id,
        code: 'event.tampered',
        message: 'Có các bản khác nhau của cùng một sự kiện (cùng mã sự kiện): sự kiện không được áp dụng, cần kiểm tra.',
      });
    }
    // Identical copies differ at most in serverAt: the server's stamp wins over the unsynced copy.
    const stamped = sorted.filter((c) => c.event.serverAt !== null);
    if (!tampered && new Set(stamped.map((c) => c.event.serverAt)).size > 1) {
      anomalies.push({
        eventId: id,
        code: 'event.server_time_conflict',
        message: 'Cùng một sự kiện mang nhiều thời điểm đồng bộ khác nhau: dùng thời điểm sớm nhất, cần kiểm tra máy chủ.',
      });
    }
    const pick = (tampered ? sorted[0] : (stamped[0] ?? sorted[0])) as Candidate;
    chosen.push({ ...pick, tampered });
  }
  return chosen.sort(compareCandidates).map(({ event, tampered }) => ({ event, tampered }));
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.event.id !== b.event.id) return a.event.id < b.event.id ? -1 : 1;
  if (a.body !== b.body) return a.body < b.body ? -1 : 1;
  return 0;
}

/** JSON with object keys sorted, so equal bodies give equal strings whatever their key order. */
