import { addDays, formatLocalDate, isLocalDate } from '../time/vn-time.ts';
import type { LocalDate } from '../time/vn-time.ts';
import { isIssuedByDesk, MAX_DAILY_COUNTER, MAX_SLOT, MIN_SLOT, parseDossierCode } from './dossier-code.ts';

/**
 * What people type or scan to name a dossier, read the way they say it:
 * - the whole code from the receipt ("000.00.12.H23-251124-1001", any case, stray spaces), or the
 *   receipt's lookup QR (`…/tra-cuu?ma=<code>`), as a scanner reads it;
 * - the day and number, "251124-1001": that day's dossier 1001 at this desk's agency;
 * - the number alone, "1001": today's dossier 1001 at this desk's agency;
 * - fewer digits, "7" or "07": today's 7th dossier of a desk of the agency. Desks number their
 *   dossiers slot·1000 + n (dossier-code.ts), so "7" may be 1007 at desk 1 and 2007 at desk 2.
 *
 * A short number means today, because that is what "hồ sơ số 1001" means at a counter the same day;
 * when today has none, the same number on the last {@link RECENT_DAYS} days is offered to choose
 * from, never opened on its own (handing a result over for the wrong day's dossier is worse than
 * one more keystroke). Several matches (the same number at several desks, or on several recent
 * days) are listed to pick from. Messages speak of the dossier, never of the code's grammar.
 */

/** How far back a number that is not today's is looked for, in calendar days. */
export const RECENT_DAYS = 30;

export type DossierReference =
  /** A whole code, canonical. */
  | { kind: 'code'; code: string }
  /** A day's number: `sequences` are the NNNN it can stand for (one, or one per desk slot). */
  | { kind: 'day'; date: LocalDate; number: string; sequences: number[] }
  /** Today's number (and, failing that, recent days'). */
  | { kind: 'today'; number: string; sequences: number[] };

export type ReferenceReading =
  | { kind: 'reference'; reference: DossierReference }
  /** It is meant as a dossier number but cannot be one; `message` says so plainly. */
  | { kind: 'invalid'; message: string }
  /** Not a dossier number at all (a name, a citizen ID…). */
  | { kind: 'other' };

const DAY_AND_NUMBER = /^(\d{6})\s*[-/.]\s*(\d{1,4})$/;
const NUMBER = /^\d{1,4}$/;
const DIGITS = /^\d+$/;
/** An attempt at a whole code: an agency id's dots before a dash, or the "-YYMMDD-" part. */
const CODE_LIKE = /^[A-Za-z0-9]{2,3}\.[A-Za-z0-9.]*-|-\d{6}-/;
const LOOKUP_URL = /^https?:\/\/\S+$/i;
/** The public lookup page's address with a code: `…/tra-cuu?ma=<code>` (the receipt's QR) or `…/tra-cuu/<code>`. */
const LOOKUP_CODE = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/tra-cuu(?:\/?\?(?:[^#\s]*&)?ma=([^&#\s]*)|\/([^/?#\s]+)\/?(?:[?#]|$))/i;
const SHOWN_CHARS = 40;

const HOW_TO_NAME = 'Gõ 4 số cuối của mã hồ sơ (ví dụ 1001) hoặc quét mã vạch trên giấy biên nhận.';

/** Reads what was typed or scanned; see the module comment for what is understood. */
export function readDossierReference(raw: string): ReferenceReading {
  const text = raw.normalize('NFC').trim();
  if (text === '') return { kind: 'other' };
  const fromUrl = LOOKUP_URL.test(text) ? codeInLookupUrl(text) : null;
  if (fromUrl !== null) return fromUrl;
  const compact = text.replace(/\s+/g, '');
  const whole = parseDossierCode(compact);
  if (whole.ok) return reference({ kind: 'code', code: whole.value.code });

  const day = DAY_AND_NUMBER.exec(text);
  if (day) return readDayAndNumber(day[1] as string, day[2] as string);
  if (NUMBER.test(compact)) {
    const sequences = sequencesOf(compact);
    if (sequences === null) return invalid(noSuchNumber(compact));
    return reference({ kind: 'today', number: compact, sequences });
  }
  if (DIGITS.test(compact)) return invalid(`"${shown(text)}" không phải số hồ sơ. ${HOW_TO_NAME}`);
  if (CODE_LIKE.test(compact)) return invalid(`Không đọc được mã hồ sơ "${shown(text)}". ${HOW_TO_NAME}`);
  return { kind: 'other' };
}

/** The message for text that names no dossier at all (a bad link, a mistyped address). */
export function notADossierMessage(raw: string): string {
  const reading = readDossierReference(raw);
  return reading.kind === 'invalid' ? reading.message : `"${shown(raw.trim())}" không phải mã hồ sơ. ${HOW_TO_NAME}`;
}

export interface ReferenceContext {
  /** This desk's agency: short numbers mean its dossiers. */
  agencyId: string;
  /** This desk's slot: its own dossiers come first among several matches. */
  slot: number;
  /** The desk's Vietnam date. */
  today: LocalDate;
}

export interface ReferenceCandidates {
  /** Codes the reference means first (the day named, or today), in the order to show them. */
  primary: string[];
  /** Codes of the same number on recent days, newest first (only for today's number). */
  recent: string[];
}

/** Every code the reference can stand for; the caller keeps those that exist. */
export function candidateCodes(ref: DossierReference, context: ReferenceContext): ReferenceCandidates {
  switch (ref.kind) {
    case 'code':
      return { primary: [ref.code], recent: [] };
    case 'day':
      return { primary: codesOn(ref.date, ref.sequences, context), recent: [] };
    case 'today': {
      const recent: string[] = [];
      for (let back = 1; back <= RECENT_DAYS; back += 1) recent.push(...codesOn(addDays(context.today, -back), ref.sequences, context));
      return { primary: codesOn(context.today, ref.sequences, context), recent };
    }
  }
}

export type ReferenceOutcome =
  | { kind: 'found'; code: string }
  /** Several dossiers fit (or only other days' did): the officer picks one of `codes`. */
  | { kind: 'choose'; codes: string[]; message: string }
  | { kind: 'none'; message: string };

/**
 * What the reference comes to, given which candidate codes exist on this desk (`exists`).
 * Only one dossier of the day meant is opened directly; anything else is a choice or a plain "not found".
 * With the desk (`desk`), a whole code this desk could not have issued is said to be valid but
 * not here yet, rather than merely not found.
 */
export function resolveReference(
  ref: DossierReference,
  candidates: ReferenceCandidates,
  exists: (code: string) => boolean,
  desk?: DeskOfReference,
): ReferenceOutcome {
  const primary = candidates.primary.filter(exists);
  const when = ref.kind === 'day' ? `ngày ${formatLocalDate(ref.date)}` : 'hôm nay';
  const what = ref.kind === 'code' ? `hồ sơ ${ref.code}` : `hồ sơ số ${ref.number}`;
  if (primary.length === 1) return { kind: 'found', code: primary[0] as string };
  if (primary.length > 1) {
    return { kind: 'choose', codes: primary, message: `Có ${primary.length} ${what} ${when} (ở các quầy khác nhau): chọn hồ sơ cần mở.` };
  }
  if (ref.kind === 'code') return { kind: 'none', message: missingCodeMessage(ref.code, desk) };
  const recent = candidates.recent.filter(exists);
  if (recent.length > 0) {
    return {
      kind: 'choose',
      codes: recent,
      message: `Không tìm thấy ${what} ${when}. Có ${recent.length} ${what} trong ${RECENT_DAYS} ngày gần đây: chọn hồ sơ cần mở.`,
    };
  }
  return { kind: 'none', message: `Không tìm thấy ${what} ${when}.` };
}

/** The desk a whole code is judged against: its agency and slot. */
export type DeskOfReference = Pick<ReferenceContext, 'agencyId' | 'slot'>;

/**
 * Why a valid whole code opens nothing here. A code the desks of this unit issue (its agency, the
 * slot scheme) is simply not found; any other (another agency's, another system's numbering) is
 * valid but not on this desk yet: it comes with sync once the dossier reaches this unit.
 */
export function missingCodeMessage(code: string, desk?: DeskOfReference): string {
  const parsed = parseDossierCode(code);
  const fromElsewhere = parsed.ok && desk !== undefined && !isIssuedByDesk(parsed.value, { agencyId: desk.agencyId, slot: parsed.value.slot ?? 0 });
  if (parsed.ok && fromElsewhere) {
    return `Mã hồ sơ ${parsed.value.code} hợp lệ nhưng chưa có trên quầy này (có thể do cơ quan/hệ thống khác cấp). Hồ sơ chỉ có ở đây sau khi được chuyển đến đơn vị này và đồng bộ; hãy đồng bộ rồi thử lại, hoặc tra cứu trên cổng của cơ quan đã cấp mã.`;
  }
  return `Không tìm thấy hồ sơ ${code} trên máy này. Kiểm tra lại mã trên giấy biên nhận; hồ sơ của đơn vị khác chỉ có sau khi đồng bộ.`;
}

function noSuchNumber(number: string): string {
  const why = Number(number) === 0 ? 'số hồ sơ bắt đầu từ 1' : 'số hồ sơ không tận cùng bằng 000';
  return `Không có hồ sơ số ${number}: ${why}. ${HOW_TO_NAME}`;
}

function reference(ref: DossierReference): ReferenceReading {
  return { kind: 'reference', reference: ref };
}

function invalid(message: string): ReferenceReading {
  return { kind: 'invalid', message };
}

function shown(text: string): string {
  const chars = [...text];
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : text;
}

/** The code in the receipt's lookup QR (`<server>/tra-cuu?ma=<code>`), or null when the URL is no such link. */
function codeInLookupUrl(text: string): ReferenceReading | null {
  const match = LOOKUP_CODE.exec(text);
  if (!match) return null;
  let code: string;
  try {
    code = decodeURIComponent((match[1] ?? match[2] ?? '').replace(/\+/g, ' '));
  } catch {
    code = '';
  }
  const parsed = parseDossierCode(code.replace(/\s+/g, ''));
  return parsed.ok ? reference({ kind: 'code', code: parsed.value.code }) : invalid(`Mã trên giấy biên nhận vừa quét không đọc được. ${HOW_TO_NAME}`);
}

function readDayAndNumber(yymmdd: string, number: string): ReferenceReading {
  const date = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!isLocalDate(date)) {
    return invalid(`Không có hồ sơ ${yymmdd}-${number}: ngày ${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/20${yymmdd.slice(0, 2)} không có thật.`);
  }
  const sequences = sequencesOf(number);
  if (sequences === null) return invalid(noSuchNumber(number));
  return reference({ kind: 'day', date, number, sequences });
}

/**
 * The NNNN a typed number stands for: four digits with a desk's slot first are exactly that
 * number; fewer (or a leading 0) are a desk's own count n, at any of the slots. Null for a count of 0.
 */
function sequencesOf(number: string): number[] | null {
  const value = Number(number);
  if (number.length === 4 && value >= MIN_SLOT * 1000) return value % 1000 === 0 ? null : [value];
  if (value < 1 || value > MAX_DAILY_COUNTER) return null;
  const sequences: number[] = [];
  for (let slot = MIN_SLOT; slot <= MAX_SLOT; slot += 1) sequences.push(slot * 1000 + value);
  return sequences;
}

/** The codes of `date` for the sequences, this desk's slot first. */
function codesOn(date: LocalDate, sequences: readonly number[], context: ReferenceContext): string[] {
  const yymmdd = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
  const own = (sequence: number) => Math.floor(sequence / 1000) === context.slot;
  const ordered = [...sequences.filter(own), ...sequences.filter((sequence) => !own(sequence))];
  return ordered.map((sequence) => `${context.agencyId}-${yymmdd}-${sequence}`);
}
