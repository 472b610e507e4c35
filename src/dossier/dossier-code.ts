import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { isLocalDate } from '../time/vn-time.ts';

/**
 * Dossier codes `<agency id>-<YYMMDD>-<NNNN>` (Circular 01/2018/TT-VPCP art. 19).
 *
 * Every legal code is read: NNNN is any day's sequence 0001–9999, as other agencies and systems
 * issue them (`000.00.12.H23-251122-0007`). Only codes this product's desks issue follow the slot
 * scheme below; `slot`/`counter` say whether a code does.
 *
 * Desks issue codes offline, so the daily 4-digit sequence is partitioned by the desk's slot
 * (given at enrollment): slot s in 1..9 owns NNNN = s·1000 + n with n in 1..999. Two desks of one
 * agency can therefore never issue the same code, and a slot's 1000th code of a day is refused
 * rather than wrapped into a duplicate.
 */

export const MIN_SLOT = 1;
export const MAX_SLOT = 9;
export const MAX_DAILY_COUNTER = 999;

/**
 * Agency id per QCVN 102:2016/BTTTT, e.g. `000.00.12.H23`: two to five dot-separated levels of
 * 2–3 upper-case letters or digits. The standard uses 3-2-2-3 shaped levels; shorter real ids
 * (`H23.01`, `G22.34.05`) exist in the wild, so the level count is liberal but the level shape is not.
 */
const AGENCY_ID = /^[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}$/;
const CODE_SHAPE = /^([^-\s]+)-(\d{6})-(\d{4})$/;

export interface DossierCodeParts {
  /** The whole code in canonical form (agency id upper-case, no surrounding spaces). */
  code: string;
  agencyId: string;
  /** Date of receipt, 'YYYY-MM-DD' (YY is read as 20YY). */
  date: string;
  /** NNNN as a number, 1..9999. */
  sequence: number;
  /** The desk slot of a slot-scheme code (NNNN = slot·1000 + counter); null for a code issued elsewhere. */
  slot: number | null;
  /** The slot's own daily counter, 1..999; null for a code issued elsewhere. */
  counter: number | null;
}

export function isAgencyId(text: string): boolean {
  return AGENCY_ID.test(text);
}

/** Canonical agency id (trimmed, upper-case) or a DomainError. */
export function parseAgencyId(text: string): Result<string> {
  const normalised = text.trim().toUpperCase();
  if (isAgencyId(normalised)) return ok(normalised);
  return err(
    new DomainError(
      'code.bad_agency_id',
      `Mã định danh cơ quan "${text.trim()}" không đúng dạng (ví dụ đúng: 000.00.12.H23).`,
      undefined,
      { agencyId: text },
    ),
  );
}

export interface FormatDossierCodeInput {
  agencyId: string;
  /** The desk's local date of receipt, 'YYYY-MM-DD'. */
  localDate: string;
  slot: number;
  counter: number;
}

export function formatDossierCode(input: FormatDossierCodeInput): string {
  const agency = parseAgencyId(input.agencyId);
  if (!agency.ok) throw agency.error;
  const yymmdd = toYymmdd(input.localDate);
  assertSlot(input.slot);
  if (!Number.isInteger(input.counter) || input.counter < 1 || input.counter > MAX_DAILY_COUNTER) {
    throw new DomainError(
      'code.bad_counter',
      `Số thứ tự trong ngày của quầy phải từ 1 đến ${MAX_DAILY_COUNTER} (nhận được ${String(input.counter)}).`,
      undefined,
      { counter: input.counter },
    );
  }
  const sequence = String(input.slot * 1000 + input.counter);
  return `${agency.value}-${yymmdd}-${sequence}`;
}

export interface NextDossierCodeInput {
  agencyId: string;
  localDate: string;
  slot: number;
  /** The last code this desk issued (any day), or null/undefined if none. */
  lastIssued?: string | null;
}

/**
 * The next code for this slot on `localDate`. A `lastIssued` from an earlier day restarts the
 * counter at 1; one from a later day means the desk clock went back, and issuing would risk a
 * duplicate, so it throws.
 */
export function nextDossierCode(input: NextDossierCodeInput): string {
  const agency = parseAgencyId(input.agencyId);
  if (!agency.ok) throw agency.error;
  assertSlot(input.slot);
  toYymmdd(input.localDate);
  if (input.lastIssued == null) return formatDossierCode({ ...input, counter: 1 });

  const last = parseDossierCode(input.lastIssued);
  if (!last.ok) throw last.error;
  const previous = last.value;
  if (!isIssuedByDesk(previous, { agencyId: agency.value, slot: input.slot }) || previous.counter === null) {
    throw new DomainError(
      'code.slot_mismatch',
      `Mã hồ sơ cuối "${previous.code}" không thuộc cơ quan ${agency.value}, quầy số ${input.slot}: kiểm tra lại cấu hình quầy tiếp nhận.`,
      undefined,
      { lastIssued: previous.code, agencyId: agency.value, slot: input.slot },
    );
  }
  if (previous.date > input.localDate) {
    throw new DomainError(
      'code.clock_regressed',
      `Ngày trên máy (${input.localDate}) sớm hơn ngày của mã hồ sơ cuối "${previous.code}": kiểm tra lại đồng hồ máy tính.`,
      undefined,
      { lastIssued: previous.code, localDate: input.localDate },
    );
  }
  if (previous.date < input.localDate) return formatDossierCode({ ...input, counter: 1 });
  if (previous.counter >= MAX_DAILY_COUNTER) {
    throw new DomainError(
      'code.slot_exhausted',
      `Quầy số ${input.slot} đã dùng hết ${MAX_DAILY_COUNTER} mã hồ sơ của ngày ${input.localDate}: hãy tiếp nhận ở quầy khác hoặc xin cấp thêm số quầy.`,
      undefined,
      { slot: input.slot, localDate: input.localDate },
    );
  }
  return formatDossierCode({ ...input, counter: previous.counter + 1 });
}

/**
 * Reads a typed or scanned code. Tolerates surrounding white space and lower-case letters in
 * the agency id; nothing else.
 */
export function parseDossierCode(text: string): Result<DossierCodeParts> {
  const trimmed = text.trim();
  if (trimmed === '') return err(new DomainError('code.empty', 'Chưa nhập mã hồ sơ.'));
  const match = CODE_SHAPE.exec(trimmed);
  if (!match) {
    return err(
      new DomainError(
        'code.bad_shape',
        `Mã hồ sơ "${trimmed}" không đúng dạng <mã cơ quan>-<YYMMDD>-<NNNN> (ví dụ: 000.00.12.H23-251122-1007).`,
        undefined,
        { code: trimmed },
      ),
    );
  }
  const [, rawAgency = '', yymmdd = '', digits = ''] = match;
  const agency = parseAgencyId(rawAgency);
  if (!agency.ok) return agency;

  const date = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!isLocalDate(date)) {
    return err(
      new DomainError(
        'code.bad_date',
        `Phần ngày "${yymmdd}" của mã hồ sơ không phải ngày có thật (dạng YYMMDD).`,
        undefined,
        { code: trimmed },
      ),
    );
  }
  const sequence = Number(digits);
  if (sequence === 0) {
    return err(
      new DomainError('code.bad_sequence', `Số thứ tự "${digits}" của mã hồ sơ không hợp lệ: số thứ tự trong ngày phải từ 0001 đến 9999.`, undefined, {
        code: trimmed,
      }),
    );
  }
  const slotParts = slotSchemeParts(sequence);
  return ok({ code: `${agency.value}-${yymmdd}-${digits}`, agencyId: agency.value, date, sequence, ...slotParts });
}

/** The slot and counter of a sequence in this product's slot scheme, or nulls when it is not in it. */
function slotSchemeParts(sequence: number): { slot: number | null; counter: number | null } {
  const slot = Math.floor(sequence / 1000);
  const counter = sequence % 1000;
  if (slot < MIN_SLOT || counter === 0) return { slot: null, counter: null };
  return { slot, counter };
}

/** Whether `code` is one the desk of `agencyId` in `slot` issues (its agency and its slot range). */
export function isIssuedByDesk(code: DossierCodeParts, desk: { agencyId: string; slot: number }): boolean {
  return code.agencyId === desk.agencyId.trim().toUpperCase() && code.slot === desk.slot;
}

function assertSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < MIN_SLOT || slot > MAX_SLOT) {
    throw new DomainError('code.bad_slot', `Số quầy tiếp nhận phải từ ${MIN_SLOT} đến ${MAX_SLOT} (nhận được ${String(slot)}).`, undefined, {
      slot,
    });
  }
}

function toYymmdd(localDate: string): string {
  if (!isLocalDate(localDate) || !localDate.startsWith('20')) {
    throw new DomainError('code.bad_date', `Ngày tiếp nhận "${localDate}" không hợp lệ (dạng YYYY-MM-DD, năm 2000–2099).`, undefined, {
      localDate,
    });
  }
  return localDate.slice(2).replaceAll('-', '');
}
