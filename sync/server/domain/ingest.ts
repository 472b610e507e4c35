import type { Kysely, Transaction } from 'kysely';
import { parseEvent, readStoredEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import { groupTransferProblem } from '../../../src/dossier/linked-group.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { unitKindSchema } from '../../../src/units/unit-kind.ts';
import { hasUnstorableCharacter, someText } from '../../../src/text/allowed-characters.ts';
import type { Schema } from '../db/schema.ts';
import type { Desk } from '../repositories/desks.ts';
import { readBatchContext, type BatchContext, type BatchOfficer } from '../repositories/batch-context.ts';
import { writeEventBatch, type EventBatch, type NewEventRow, type SeqRef } from '../repositories/event-batch.ts';
import { deskFirstEnrolment } from '../repositories/desks.ts';
import { lockDossiers } from '../repositories/events.ts';
import { projectWithBatch, type AddedEvent } from './batch-transitions.ts';
import { canonicalText } from './canonical-hash.ts';
import { dateFlagsOf, MAX_CLOCK_SKEW_MS, receiptTimeProblem, type DateWindow } from './event-dates.ts';
import { roleMayRecord } from '../../../src/auth/role-permissions.ts';
import { ServerError } from './server-error.ts';
import { checkSessions } from './session-check.ts';
import { feeReceiptConflict, feeReceiptRowOf, recordFeeReceipts, type FeeReceiptRow } from '../repositories/fee-receipts.ts';

export interface IngestInput {
  desk: Desk;
  /** The `newDocumentState` of each pushed row, as received. */
  documents: unknown[];
  /** Server clock, Unix ms. */
  now: number;
  /** The desk's clock when it sent the batch, Unix ms, if it said. */
  deskClock: number | null;
}

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
  clockSkewMs: number | null;
  clockSkewed: boolean;
}

interface Candidate {
  event: DossierEvent;
  bodyHash: string;
  /** The canonical JSON that was hashed: the body as stored. */
  bodyJson: string;
  /** Why it may not enter the log if it is not stored already (text the rule refuses). */
  notAdmitted?: ServerError;
}

/**
 * Validates and stores one pushed batch, all or nothing. Trusts nothing from the desk: schema,
 * its own desk and unit, the officer's unit, role and status, that the officer logged in on this desk
 * (a session signature, session-check.ts), the dossier's visibility, the legal
 * transition from the server's state, and that a stored id never changes body. A retried batch
 * (normal on flaky links) stores nothing new and succeeds.
 */
export async function ingestEvents(db: Kysely<Schema>, input: IngestInput): Promise<IngestResult> {
  const { desk, now } = input;
  const clockSkewMs = input.deskClock === null ? null : input.deskClock - now;
  const deskClockOff = clockSkewMs !== null && Math.abs(clockSkewMs) > MAX_CLOCK_SKEW_MS;
  const candidates = dedupeBatch(input.documents.map(parseDocument));
  // An event the text rule refuses is refused for that first, unless it is stored already (then checked below).
  for (const candidate of candidates) if (!candidate.notAdmitted) checkDeskOwnership(candidate.event, desk);

  const serverAt = new Date(now);
  const enrolledSince = await deskFirstEnrolment(db, desk.id);
  const dates: DateWindow = { now, enrolledSince: enrolledSince?.getTime() ?? null, deskClockOff };
  const store = () => db.transaction().execute((trx) => validateAndWrite(trx, candidates, desk, { serverAt, dates }));
  let stored: Stored;
  try {
    stored = await store();
  } catch (error) {
    // Pushes to different dossiers do not wait for each other until they write, so another push
    // may have stored one of these ids (for another dossier) after we looked. It has committed by
    // now (writers take turns until commit): a second pass sees it and refuses the reused id.
    if (!isEventIdTaken(error)) throw error;
    stored = await store();
  }
  return { ...stored, clockSkewMs, clockSkewed: deskClockOff };
}

type Stored = Pick<IngestResult, 'accepted' | 'duplicates'>;

interface DossierDraft {
  stored: DossierEvent[];
  added: AddedEvent[];
  seqs: SeqRef[];
  units: string[];
}

/**
 * Validated in memory first, in batch order, as if each event were stored before the next, then
 * written at once. The dossiers' locks keep what was read true until commit.
 */
async function validateAndWrite(
  trx: Transaction<Schema>,
  candidates: readonly Candidate[],
  desk: Desk,
  { serverAt, dates }: { serverAt: Date; dates: DateWindow },
): Promise<Stored> {
  await lockDossiers(
    trx,
    candidates.map((c) => c.event.dossierCode),
  );
  const context = await readBatchContext(trx, {
    events: candidates.map((c) => c.event),
    transferTargets: candidates.flatMap((c) => (c.event.type === 'TRANSFERRED' ? [c.event.payload.toUnitId] : [])),
    officerIds: [...new Set(candidates.map((c) => c.event.officerId))],
  });
  // Before anything else about the events, as if the officers had been checked before the batch was read.
  const admitted = candidates.filter((c) => !c.notAdmitted);
  checkOfficers(context.officers, admitted, desk);
  await checkSessions(context.officers, admitted.map((c) => c.event), desk, context.stored);
  const { stored, existingUnits: transferTargets, histories: storedHistories, dossierUnits: storedUnits } = context;
  const drafts = new Map<string, DossierDraft>();

  const accepted: string[] = [];
  const duplicates: string[] = [];
  const batch: { events: NewEventRow[]; grants: EventBatch['grants'][number][]; feed: EventBatch['feed'][number][] } = { events: [], grants: [], feed: [] };
  const lastOfDossier = new Map<string, number>();
  const feeRows: { index: number; row: FeeReceiptRow }[] = [];
  const grant = (code: string, unitId: string, draft: DossierDraft) => {
    batch.grants.push({ code, unitId });
    for (const seq of draft.seqs) batch.feed.push({ unitId, seq });
  };
  // The first event refused here; the state machine is asked afterwards, and the earlier refusal wins.
  let refused: { index: number; error: ServerError } | null = null;

  const serverTime = serverAt.toISOString();
  for (const [index, { event, bodyHash, bodyJson }] of candidates.entries()) {
    const previous = stored.get(event.id);
    if (previous) {
      if (candidates[index]?.notAdmitted) checkDeskOwnership(event, desk);
      const problem = previous.bodyHash !== bodyHash ? idReused(event) : event.serverAt !== null && Date.parse(event.serverAt) !== previous.serverAt.getTime() ? forgedServerTime(event) : null;
      if (problem) {
        refused = { index, error: problem };
        break;
      }
      duplicates.push(event.id);
      continue;
    }

    let draft = drafts.get(event.dossierCode);
    if (!draft) {
      const loaded = storedHistories.get(event.dossierCode);
      draft = {
        stored: loaded?.events ?? [],
        added: [],
        seqs: (loaded?.seqs ?? []).map((seq): SeqRef => ({ stored: seq })),
        units: [...(storedUnits.get(event.dossierCode) ?? [])],
      };
      drafts.set(event.dossierCode, draft);
    }
    const problem =
      candidates[index]?.notAdmitted ??
      (event.serverAt !== null ? forgedServerTime(event) : null) ??
      visibilityProblem(event, desk, draft.units, draft.stored.length + draft.added.length > 0) ??
      transferProblem(event, transferTargets) ??
      groupTransferRefusal(event, transferTargets, draft) ??
      receiptTimeProblem(event, dates);
    if (problem) {
      refused = { index, error: problem };
      break;
    }

    if (event.type === 'RECEIVED') {
      // A grant that already exists copies nothing.
      if (!draft.units.includes(desk.unitId)) grant(event.dossierCode, desk.unitId, draft);
      draft.units.push(desk.unitId);
    }
    const ref: SeqRef = { batch: batch.events.length };
    batch.events.push({ bodyHash, bodyJson, dateFlags: dateFlagsOf(event, dates) });
    for (const unitId of draft.units) batch.feed.push({ unitId, seq: ref });
    draft.seqs.push(ref);
    if (event.type === 'TRANSFERRED' && !draft.units.includes(event.payload.toUnitId)) {
      grant(event.dossierCode, event.payload.toUnitId, draft);
      draft.units.push(event.payload.toUnitId);
    }
    draft.added.push({ event: { ...event, serverAt: serverTime } as DossierEvent, index });
    lastOfDossier.set(event.dossierCode, ref.batch);
    const feeRow = feeReceiptRowOf(event);
    if (feeRow) feeRows.push({ index, row: feeRow });
    accepted.push(event.id);
  }

  const projections: Array<EventBatch['projections'][number]> = [];
  for (const [code, draft] of drafts) {
    if (draft.added.length === 0) continue;
    const projected = projectWithBatch(draft.stored, draft.added);
    if (projected.refused && (refused === null || projected.refused.index < refused.index)) {
      const { anomaly, index } = projected.refused;
      refused = { index, error: new ServerError(409, anomaly.code, anomaly.message, { eventId: candidates[index]?.event.id }) };
    }
    projections.push({ dossier: projected.dossier, lastBatchIndex: lastOfDossier.get(code) as number });
  }
  const feeConflict = await feeReceiptConflict(trx, feeRows);
  if (feeConflict && (refused === null || feeConflict.index < refused.index)) refused = feeConflict;
  if (refused) throw refused.error;

  await writeEventBatch(trx, { ...batch, serverAt, projections });
  await recordFeeReceipts(
    trx,
    feeRows.map((f) => f.row),
  );
  return { accepted, duplicates };
}

function isEventIdTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'events_id_key';
}

function parseDocument(document: unknown, index: number): Candidate {
  const id = typeof document === 'object' && document !== null && typeof (document as { id?: unknown }).id === 'string' ? (document as { id: string }).id : undefined;
  const where = id === undefined ? { path: [index] } : { eventId: id };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ServerError(400, 'event.bad_shape', `Phần tử thứ ${index + 1} của lô không phải một sự kiện.`, where);
  }
  const { _deleted: deleted, ...body } = document as Record<string, unknown>;
  if (deleted === true) throw new ServerError(400, 'event.delete_forbidden', 'Sự kiện hồ sơ không bao giờ bị xóa.', where);
  const parsed = parseEvent(body);
  if (!parsed.ok) {
    const status = parsed.error.code === 'event.too_large' ? 413 : 400;
    const refusal = new ServerError(status, parsed.error.code, parsed.error.message, { ...where, ...(parsed.error.path ? { path: parsed.error.path } : {}) });
    // A text the rule refuses but the database can hold may be in an event stored before the rule
    // (a retry whose answer was lost): judged against the stored event first, refused if it is new.
    const stored = parsed.error.code === 'event.forbidden_character' && !someText(body, hasUnstorableCharacter) ? readStoredEvent(body) : null;
    if (!stored?.ok) throw refusal;
    return { ...candidateOf(stored.value), notAdmitted: refusal };
  }
  return candidateOf(parsed.value);
}

function candidateOf(event: DossierEvent): Candidate {
  // The hash ignores the server time: a desk re-sending an event it pulled back is the same event.
  const stored = canonicalText({ ...event, serverAt: null });
  return { event, bodyHash: stored.hash, bodyJson: stored.json };
}

function dedupeBatch(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const earlier = seen.get(candidate.event.id);
    if (earlier && earlier.bodyHash !== candidate.bodyHash) {
      throw new ServerError(409, 'event.id_reused', `Lô gửi lên có hai sự kiện khác nhau cùng mã ${candidate.event.id}.`, { eventId: candidate.event.id });
    }
    if (!earlier) seen.set(candidate.event.id, candidate);
  }
  return [...seen.values()];
}

function checkDeskOwnership(event: DossierEvent, desk: Desk): void {
  if (event.deskId !== desk.id) {
    throw new ServerError(403, 'event.wrong_desk', `Sự kiện ghi quầy ${event.deskId} nhưng được gửi từ quầy ${desk.id}.`, { eventId: event.id, path: ['deskId'] });
  }
  if (event.unitId !== desk.unitId) {
    throw new ServerError(403, 'event.wrong_unit', `Quầy của đơn vị ${desk.unitId} không thể ghi sự kiện cho đơn vị ${event.unitId}.`, {
      eventId: event.id,
      path: ['unitId'],
    });
  }
}

function checkOfficers(officers: ReadonlyMap<string, BatchOfficer>, candidates: readonly Candidate[], desk: Desk): void {
  for (const { event } of candidates) {
    const officer = officers.get(event.officerId);
    if (!officer || officer.unitId !== desk.unitId) {
      throw new ServerError(403, 'event.unknown_officer', `Cán bộ ${event.officerId} không thuộc đơn vị ${desk.unitId}.`, {
        eventId: event.id,
        path: ['officerId'],
      });
    }
    if (!officer.active) {
      throw new ServerError(403, 'event.officer_inactive', `Tài khoản cán bộ ${event.officerId} đã bị khóa.`, { eventId: event.id, path: ['officerId'] });
    }
    if (!roleMayRecord(officer.role, event.type)) {
      throw new ServerError(403, 'event.role_forbidden', `Vai trò "${officer.role}" không được thực hiện thao tác ${event.type}.`, {
        eventId: event.id,
        path: ['type'],
      });
    }
  }
}

function visibilityProblem(event: DossierEvent, desk: Desk, units: readonly string[], exists: boolean): ServerError | null {
  if (event.type === 'RECEIVED' && !exists) {
    // Codes are partitioned by agency and desk slot (DESIGN §4): a desk only issues its own.
    const code = parseDossierCode(event.dossierCode);
    if (!code.ok || code.value.agencyId !== desk.unitId || code.value.slot !== desk.slot) {
      return new ServerError(403, 'event.code_not_yours', `Mã hồ sơ ${event.dossierCode} không thuộc dải mã của quầy ${desk.id}.`, {
        eventId: event.id,
        path: ['dossierCode'],
      });
    }
    return null;
  }
  if (exists && !units.includes(desk.unitId)) {
    return new ServerError(403, 'event.dossier_not_visible', `Hồ sơ ${event.dossierCode} không thuộc đơn vị ${desk.unitId}.`, {
      eventId: event.id,
      path: ['dossierCode'],
    });
  }
  return null;
}

function transferProblem(event: DossierEvent, existingUnits: BatchContext['existingUnits']): ServerError | null {
  if (event.type !== 'TRANSFERRED' || existingUnits.has(event.payload.toUnitId)) return null;
  return new ServerError(422, 'event.unknown_unit', `Không có đơn vị nhận ${event.payload.toUnitId}.`, {
    eventId: event.id,
    path: ['payload', 'toUnitId'],
  });
}

/**
 * A linked group's component sent to a unit not competent for it, or without the results of other
 * components it needs (src/dossier/linked-group.ts): 409, as the desk says.
 */
function groupTransferRefusal(event: DossierEvent, existingUnits: BatchContext['existingUnits'], draft: DossierDraft): ServerError | null {
  if (event.type !== 'TRANSFERRED') return null;
  const history = [...draft.stored, ...draft.added.map((a) => a.event)];
  const received = history.find((e) => e.type === 'RECEIVED');
  if (!received || received.type !== 'RECEIVED' || !received.payload.group) return null;
  const target = existingUnits.get(event.payload.toUnitId);
  if (!target) return null;
  const kind = unitKindSchema.safeParse(target.kind);
  const problem = groupTransferProblem(projectDossier(history), { id: target.id, name: target.name, ...(kind.success ? { kind: kind.data } : {}) }, event.payload.groupData ?? {});
  return problem ? new ServerError(409, problem.code, problem.message, { eventId: event.id, path: ['payload', problem.code === 'group.results_missing' ? 'groupData' : 'toUnitId'] }) : null;
}

function idReused(event: DossierEvent): ServerError {
  return new ServerError(409, 'event.id_reused', `Mã sự kiện ${event.id} đã được dùng cho một sự kiện khác: không thể ghi đè sự kiện đã lưu.`, { eventId: event.id });
}

function forgedServerTime(event: DossierEvent): ServerError {
  return new ServerError(400, 'event.forged_server_time', 'Thời điểm máy chủ (serverAt) do máy chủ ghi, quầy tiếp nhận không được gửi lên.', {
    eventId: event.id,
    path: ['serverAt'],
  });
}
