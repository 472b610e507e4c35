import type { Kysely } from 'kysely';
import { roleMayConsult } from '../../../src/auth/role-permissions.ts';
import { parseConsultation } from '../../../src/counter/consultation.ts';
import type { CounterConsultation } from '../../../src/counter/consultation.ts';
import type { Schema } from '../db/schema.ts';
import type { Desk } from '../repositories/desks.ts';
import { insertConsultations, storedConsultationHashes } from '../repositories/consultations.ts';
import { canonicalText } from './canonical-hash.ts';
import { allowedOnDesk, parseDeskAccess } from './officer-access.ts';
import { ServerError } from './server-error.ts';
import { recordSessionVerifies } from './session-check.ts';

export interface ConsultationIngestResult {
  accepted: string[];
  duplicates: string[];
}

interface Candidate {
  consultation: CounterConsultation;
  bodyHash: string;
  bodyJson: string;
}

/**
 * Validates and stores one pushed batch of counter consultations, all or nothing. Trusts nothing
 * from the desk: schema, its own desk and unit, the officer's unit, status, role and desks, and a
 * session MAC made in the officer's login on this desk (like events, session-check.ts). A retried
 * batch stores nothing new and succeeds; an id stored with another body is refused (409).
 */
export async function ingestConsultations(db: Kysely<Schema>, input: { desk: Desk; documents: readonly unknown[]; now: number }): Promise<ConsultationIngestResult> {
  const { desk } = input;
  const candidates = dedupe(input.documents.map(parseDocument));
  for (const { consultation } of candidates) checkDesk(consultation, desk);
  const serverAt = new Date(input.now);
  return db.transaction().execute(async (trx) => {
    const stored = await storedConsultationHashes(trx, candidates.map((c) => c.consultation.id));
    const fresh = candidates.filter((c) => {
      const hash = stored.get(c.consultation.id);
      if (hash === undefined) return true;
      if (hash !== c.bodyHash) throw idReused(c.consultation.id);
      return false;
    });
    await checkOfficers(trx, fresh.map((c) => c.consultation), desk);
    const inserted = await insertConsultations(
      trx,
      fresh.map(({ consultation, bodyHash, bodyJson }) => ({ consultation, bodyHash, bodyJson })),
      serverAt,
    );
    // Another push of the same ids may have committed between the read and the insert.
    const raced = fresh.filter((c) => !inserted.has(c.consultation.id));
    if (raced.length > 0) {
      const now = await storedConsultationHashes(trx, raced.map((c) => c.consultation.id));
      for (const c of raced) if (now.get(c.consultation.id) !== c.bodyHash) throw idReused(c.consultation.id);
    }
    const accepted = fresh.filter((c) => inserted.has(c.consultation.id)).map((c) => c.consultation.id);
    const acceptedSet = new Set(accepted);
    return { accepted, duplicates: candidates.map((c) => c.consultation.id).filter((id) => !acceptedSet.has(id)) };
  });
}

function parseDocument(document: unknown, index: number): Candidate {
  const id = typeof document === 'object' && document !== null && typeof (document as { id?: unknown }).id === 'string' ? (document as { id: string }).id : undefined;
  const where = id === undefined ? { path: [index] } : { eventId: id };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ServerError(400, 'consultation.bad_shape', `Phần tử thứ ${index + 1} của lô không phải một bản ghi hướng dẫn tại quầy.`, where);
  }
  const parsed = parseConsultation(document);
  if (!parsed.ok) {
    const status = parsed.error.code === 'consultation.too_large' ? 413 : 400;
    throw new ServerError(status, parsed.error.code, parsed.error.message, { ...where, ...(parsed.error.path ? { path: parsed.error.path } : {}) });
  }
  if (parsed.value.serverAt !== null) {
    throw new ServerError(400, 'consultation.forged_server_time', 'Thời điểm máy chủ (serverAt) do máy chủ ghi, quầy tiếp nhận không được gửi lên.', {
      eventId: parsed.value.id,
      path: ['serverAt'],
    });
  }
  const text = canonicalText({ ...parsed.value, serverAt: null });
  return { consultation: parsed.value, bodyHash: text.hash, bodyJson: text.json };
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const earlier = seen.get(candidate.consultation.id);
    if (earlier && earlier.bodyHash !== candidate.bodyHash) throw idReused(candidate.consultation.id);
    if (!earlier) seen.set(candidate.consultation.id, candidate);
  }
  return [...seen.values()];
}

function checkDesk(consultation: CounterConsultation, desk: Desk): void {
  const where = { eventId: consultation.id };
  if (consultation.deskId !== desk.id) {
    throw new ServerError(403, 'consultation.wrong_desk', `Bản ghi ghi quầy ${consultation.deskId} nhưng được gửi từ quầy ${desk.id}.`, { ...where, path: ['deskId'] });
  }
  if (consultation.unitId !== desk.unitId) {
    throw new ServerError(403, 'consultation.wrong_unit', `Quầy của đơn vị ${desk.unitId} không thể ghi bản ghi cho đơn vị ${consultation.unitId}.`, {
      ...where,
      path: ['unitId'],
    });
  }
}

async function checkOfficers(db: Kysely<Schema>, consultations: readonly CounterConsultation[], desk: Desk): Promise<void> {
  if (consultations.length === 0) return;
  const ids = [...new Set(consultations.map((c) => c.officerId))];
  const rows = await db
    .selectFrom('officers')
    .select(['id', 'unit_id', 'role', 'active', 'password_verifier', 'desk_access'])
    .where('id', 'in', ids)
    .execute();
  const officers = new Map(rows.map((row) => [row.id, row]));
  for (const consultation of consultations) {
    const where = { eventId: consultation.id, path: ['officerId'] };
    const officer = officers.get(consultation.officerId);
    if (!officer || officer.unit_id !== desk.unitId) {
      throw new ServerError(403, 'consultation.unknown_officer', `Cán bộ ${consultation.officerId} không thuộc đơn vị ${desk.unitId}.`, where);
    }
    if (!officer.active) throw new ServerError(403, 'consultation.officer_inactive', `Tài khoản cán bộ ${consultation.officerId} đã bị khóa.`, where);
    if (!roleMayConsult(officer.role)) {
      throw new ServerError(403, 'consultation.role_forbidden', `Vai trò "${officer.role}" không được hướng dẫn hay từ chối hồ sơ tại quầy.`, where);
    }
    if (!allowedOnDesk(parseDeskAccess(officer.desk_access) ?? [], desk.slot)) {
      throw new ServerError(403, 'consultation.officer_not_on_desk', `Cán bộ ${consultation.officerId} không được phép làm việc tại quầy ${desk.id}.`, where);
    }
    if (!consultation.session) {
      throw new ServerError(403, 'consultation.no_session', `Bản ghi không có chữ ký phiên đăng nhập: chỉ ghi nhận thao tác của cán bộ đã đăng nhập tại quầy ${desk.id}.`, {
        eventId: consultation.id,
        path: ['session'],
      });
    }
    if (!(await recordSessionVerifies(desk.id, { id: officer.id, verifier: officer.password_verifier }, consultation))) {
      throw new ServerError(
        403,
        'consultation.bad_session',
        `Chữ ký phiên đăng nhập không đúng: cán bộ ${consultation.officerId} không đăng nhập tại quầy ${desk.id} trong phiên này, hoặc bản ghi đã bị sửa sau khi ghi.`,
        { eventId: consultation.id, path: ['session'] },
      );
    }
  }
}

function idReused(id: string): ServerError {
  return new ServerError(409, 'consultation.id_reused', `Mã bản ghi ${id} đã được dùng cho một bản ghi hướng dẫn tại quầy khác: không thể ghi đè.`, { eventId: id });
}
