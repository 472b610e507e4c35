import { sql, type Kysely } from 'kysely';
import { parseEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { CHANGES_CHANNEL } from '../db/change-channel.ts';
import { AdvisoryLock } from '../db/locks.ts';
import type { Schema } from '../db/schema.ts';
import type { Desk } from '../repositories/desks.ts';
import {
  appendUnitFeed,
  existingUnitIds,
  findEventsByIds,
  insertDossierGrants,
  insertEvents,
  loadDossierHistories,
  saveProjections,
  unitsOfDossiers,
  type NewEventRow,
} from '../repositories/events.ts';
import { canonicalHash } from './canonical-hash.ts';
import { roleMayRecord } from './permissions.ts';
import { ServerError } from './server-error.ts';

/** A desk clock further off than this is reported to the desk and flagged on its events. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

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

/** A sequence number: stored already, or the `batch`-th event inserted by this push. */
type SeqRef = { stored: number } | { batch: number };

interface Candidate {
  event: DossierEvent;
  bodyHash: string;
}

/**
 * Validates and stores one pushed batch, all or nothing. Trusts nothing from the desk: schema,
 * its own desk and unit, the officer's unit, role and status, the dossier's visibility, the legal
 * transition from the server's state, and that a stored id never changes body. A retried batch
 * (normal on flaky links) stores nothing new and succeeds.
 */
export async function ingestEvents(db: Kysely<Schema>, input: IngestInput): Promise<IngestResult> {
  const { desk, now } = input;
  const clockSkewMs = input.deskClock === null ? null : input.deskClock - now;
  const deskClockOff = clockSkewMs !== null && Math.abs(clockSkewMs) > MAX_CLOCK_SKEW_MS;
  const candidates = dedupeBatch(input.documents.map(parseDocument));
  for (const candidate of candidates) checkDeskOwnership(candidate.event, desk);
  await checkOfficers(db, candidates, desk);

  const accepted: string[] = [];
  const duplicates: string[] = [];
  const serverAt = new Date(now);
  await db.transaction().execute(async (trx) => {
    // One writer at a time: sequence order is then commit order, so pulls by checkpoint never skip.
    await sql`select pg_advisory_xact_lock(${AdvisoryLock.eventWriters})`.execute(trx);
    const stored = await findEventsByIds(
      trx,
      candidates.map((c) => c.event.id),
    );
    const transferTargets = await existingUnitIds(
      trx,
      candidates.flatMap((c) => (c.event.type === 'TRANSFERRED' ? [c.event.payload.toUnitId] : [])),
    );
    // The histories and grants of every dossier the new events touch, read once for the batch.
    const newCodes = [...new Set(candidates.filter((c) => !stored.has(c.event.id)).map((c) => c.event.dossierCode))];
    const storedHistories = await loadDossierHistories(trx, newCodes);
    const storedUnits = await unitsOfDossiers(trx, newCodes);
    const histories = new Map<string, { events: DossierEvent[]; seqs: SeqRef[]; units: string[] }>();

    // Validated in memory first, in batch order, as if each event were stored before the next.
    const newRows: NewEventRow[] = [];
    const grants: Array<{ code: string; unitId: string }> = [];
    const feed: Array<{ unitId: string; seq: SeqRef }> = [];
    const touched = new Map<string, number>();
    const grant = (code: string, unitId: string, history: { seqs: SeqRef[] }) => {
      grants.push({ code, unitId });
      for (const seq of history.seqs) feed.push({ unitId, seq });
    };

    for (const { event, bodyHash } of candidates) {
      const previous = stored.get(event.id);
      if (previous) {
        if (previous.bodyHash !== bodyHash) {
          throw new ServerError(409, 'event.id_reused', `Mã sự kiện ${event.id} đã được dùng cho một sự kiện khác: không thể ghi đè sự kiện đã lưu.`, {
            eventId: event.id,
          });
        }
        if (event.serverAt !== null && Date.parse(event.serverAt) !== Date.parse(previous.event.serverAt ?? '')) throw forgedServerTime(event);
        duplicates.push(event.id);
        continue;
      }
      if (event.serverAt !== null) throw forgedServerTime(event);

      let history = histories.get(event.dossierCode);
      if (!history) {
        const loaded = storedHistories.get(event.dossierCode);
        history = {
          events: [...(loaded?.events ?? [])],
          seqs: (loaded?.seqs ?? []).map((seq): SeqRef => ({ stored: seq })),
          units: [...(storedUnits.get(event.dossierCode) ?? [])],
        };
        histories.set(event.dossierCode, history);
      }
      checkVisibility(event, desk, history.units, history.events.length > 0);
      if (event.type === 'TRANSFERRED' && !transferTargets.has(event.payload.toUnitId)) {
        throw new ServerError(422, 'event.unknown_unit', `Không có đơn vị nhận ${event.payload.toUnitId}.`, {
          eventId: event.id,
          path: ['payload', 'toUnitId'],
        });
      }
      const stamped = { ...event, serverAt: serverAt.toISOString() } as DossierEvent;
      const projected = projectDossier([...history.events, stamped]);
      const anomaly = projected.anomalies.find((a) => a.eventId === event.id);
      if (anomaly) throw new ServerError(409, anomaly.code, anomaly.message, { eventId: event.id });

      if (event.type === 'RECEIVED') {
        // A grant that already exists copies nothing.
        if (!history.units.includes(desk.unitId)) grant(event.dossierCode, desk.unitId, history);
        history.units.push(desk.unitId);
      }
      const clockSkewFlag = deskClockOff || Date.parse(event.at) > now + MAX_CLOCK_SKEW_MS;
      const ref: SeqRef = { batch: newRows.length };
      newRows.push({ event, bodyHash, serverAt, clockSkewFlag });
      for (const unitId of history.units) feed.push({ unitId, seq: ref });
      history.seqs.push(ref);
      if (event.type === 'TRANSFERRED' && !history.units.includes(event.payload.toUnitId)) {
        grant(event.dossierCode, event.payload.toUnitId, history);
        history.units.push(event.payload.toUnitId);
      }
      history.events.push(stamped);
      touched.set(event.dossierCode, ref.batch);
      accepted.push(event.id);
    }

    // Then written with a few multi-row statements: events (sequence numbers in batch order),
    // grants, feed rows in the order the per-event writes would have appended them, projections.
    const seqs = await insertEvents(trx, newRows);
    const seqOf = (ref: SeqRef): number => ('stored' in ref ? ref.stored : (seqs[ref.batch] as number));
    await insertDossierGrants(trx, grants);
    await appendUnitFeed(
      trx,
      feed.map((row) => ({ unitId: row.unitId, seq: seqOf(row.seq) })),
    );
    await saveProjections(
      trx,
      [...touched].map(([code, last]) => ({ dossier: projectDossier(histories.get(code)?.events ?? []), lastSeq: seqs[last] as number })),
    );
    if (accepted.length > 0) await sql`select pg_notify(${CHANGES_CHANNEL}, 'events')`.execute(trx);
  });
  return { accepted, duplicates, clockSkewMs, clockSkewed: deskClockOff };
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
    throw new ServerError(status, parsed.error.code, parsed.error.message, { ...where, ...(parsed.error.path ? { path: parsed.error.path } : {}) });
  }
  // The hash ignores the server time: a desk re-sending an event it pulled back is the same event.
  return { event: parsed.value, bodyHash: canonicalHash({ ...parsed.value, serverAt: null }) };
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
    throw new ServerError(403, 'event.wrong_desk', `Sự kiện ghi bàn ${event.deskId} nhưng được gửi từ bàn ${desk.id}.`, { eventId: event.id, path: ['deskId'] });
  }
  if (event.unitId !== desk.unitId) {
    throw new ServerError(403, 'event.wrong_unit', `Bàn của đơn vị ${desk.unitId} không thể ghi sự kiện cho đơn vị ${event.unitId}.`, {
      eventId: event.id,
      path: ['unitId'],
    });
  }
}

async function checkOfficers(db: Kysely<Schema>, candidates: Candidate[], desk: Desk): Promise<void> {
  const ids = [...new Set(candidates.map((c) => c.event.officerId))];
  if (ids.length === 0) return;
  const rows = await db.selectFrom('officers').select(['id', 'unit_id', 'role', 'active']).where('id', 'in', ids).execute();
  const officers = new Map(rows.map((row) => [row.id, row]));
  for (const { event } of candidates) {
    const officer = officers.get(event.officerId);
    if (!officer || officer.unit_id !== desk.unitId) {
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

function checkVisibility(event: DossierEvent, desk: Desk, units: readonly string[], exists: boolean): void {
  if (event.type === 'RECEIVED' && !exists) {
    // Codes are partitioned by agency and desk slot (DESIGN §4): a desk only issues its own.
    const code = parseDossierCode(event.dossierCode);
    if (!code.ok || code.value.agencyId !== desk.unitId || code.value.slot !== desk.slot) {
      throw new ServerError(403, 'event.code_not_yours', `Mã hồ sơ ${event.dossierCode} không thuộc dải mã của bàn ${desk.id}.`, {
        eventId: event.id,
        path: ['dossierCode'],
      });
    }
    return;
  }
  if (exists && !units.includes(desk.unitId)) {
    throw new ServerError(403, 'event.dossier_not_visible', `Hồ sơ ${event.dossierCode} không thuộc đơn vị ${desk.unitId}.`, {
      eventId: event.id,
      path: ['dossierCode'],
    });
  }
}

function forgedServerTime(event: DossierEvent): ServerError {
  return new ServerError(400, 'event.forged_server_time', 'Thời điểm máy chủ (serverAt) do máy chủ ghi, bàn tiếp nhận không được gửi lên.', {
    eventId: event.id,
    path: ['serverAt'],
  });
}
