/**
 * The characters free text may hold, wherever it ends up: the desk's log, the server's jsonb, the
 * printed forms, the public lookup. One rule for the receive and action forms, the desk store and
 * the server (through the event schema), so that a text an officer could save is a text every
 * later step accepts.
 *
 * Refused everywhere:
 * - C0 controls U+0000–U+001F except tab (U+0009), and line feed (U+000A) where a field allows
 *   several lines; carriage return is refused too: the desk's text boxes give a bare line feed;
 * - DEL and the C1 controls U+007F–U+009F;
 * - lone surrogates (U+D800–U+DFFF not in a valid pair): not a character, and not storable;
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069: they
 *   reorder what is shown ("Trojan Source"), so a name can read differently from what is stored;
 * - U+2028 and U+2029 (line and paragraph separators): invisible line breaks that printers, Excel
 *   and HTML treat each their own way; the desk's one line break is U+000A;
 * - U+FEFF (byte order mark): invisible, left by files and copy-paste, and makes equal names differ.
 *
 * Left alone on purpose: zero-width joiners (U+200C, U+200D: emoji and several scripts need them),
 * the directional marks U+200E, U+200F (they reorder nothing around them) and the soft hyphen.
 * Person names are stricter still (src/people/person-name.ts: letters only).
 */

export type LineRule = 'one-line' | 'multi-line';

/**
 * - `control`: a C0 or C1 control or DEL;
 * - `line-break`: a line break where the field has one line, or one other than U+000A;
 * - `lone-surrogate`: half of a UTF-16 pair;
 * - `bidi-control`: a bidirectional embedding, override or isolate;
 * - `invisible`: the byte order mark.
 */
export type ForbiddenKind = 'control' | 'line-break' | 'lone-surrogate' | 'bidi-control' | 'invisible';

export interface ForbiddenCharacter {
  /** Where it starts, in UTF-16 code units. */
  index: number;
  /** Its place counted in characters from 1, as an officer counts. */
  position: number;
  codePoint: number;
  kind: ForbiddenKind;
}

// Without the `u` flag: a lone surrogate is matched as the code unit it is. Matching control
// characters is what these are for.
/* eslint-disable no-control-regex */
const FORBIDDEN_ONE_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);

/** True when `text` holds a character the rule refuses (a quick test: it runs on every text of every pushed event). */
export function hasForbiddenCharacter(text: string, lines: LineRule): boolean {
  return (lines === 'one-line' ? FORBIDDEN_ONE_LINE : FORBIDDEN_MULTI_LINE).test(text);
}

/**
 * True when PostgreSQL cannot store `text` at all (NUL, lone surrogates): such a text never reached
 * any server, whatever version, so an event holding one is certainly not on the server.
 */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Every refused character of `text`, in order. */
export function findForbiddenCharacters(text: string, lines: LineRule): ForbiddenCharacter[] {
  if (!hasForbiddenCharacter(text, lines)) return [];
  const found: ForbiddenCharacter[] = [];
  let position = 0;
  for (let index = 0; index < text.length; index += 1) {
    position += 1;
    const unit = text.charCodeAt(index);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
      index += 1;
      continue;
    }
    const kind = kindOf(unit, lines);
    if (kind) found.push({ index, position, codePoint: unit, kind });
  }
  return found;
}

function kindOf(unit: number, lines: LineRule): ForbiddenKind | null {
  if (unit === 0x09) return null;
  if (unit === 0x0a) return lines === 'one-line' ? 'line-break' : null;
  if (LINE_BREAKS.has(unit)) return 'line-break';
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return 'control';
  if (isHighSurrogate(unit) || isLowSurrogate(unit)) return 'lone-surrogate';
  if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) return 'bidi-control';
  if (unit === 0xfeff) return 'invisible';
  return null;
}

/** "U+0000": how support staff and the messages name a character. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const kindWords: Readonly<Record<ForbiddenKind, string>> = {
  control: 'ký tự điều khiển',
  'line-break': 'dấu xuống dòng',
  'lone-surrogate': 'nửa ký tự UTF-16 bị lẻ',
  'bidi-control': 'ký tự đảo chiều văn bản',
  invisible: 'ký tự ẩn',
};

/** "ký tự điều khiển U+0000": what the character is, in words an officer can pass on. */
export function describeForbiddenCharacter(found: Pick<ForbiddenCharacter, 'codePoint' | 'kind'>): string {
  return `${kindWords[found.kind]} ${codePointName(found.codePoint)}`;
}

/**
 * The message for a field holding refused characters, naming the field as the officer knows it:
 * "Họ và tên người nộp hồ sơ có ký tự không được phép (ký tự điều khiển U+0000, ở ký tự thứ 5): …".
 * It quotes no text of the field, which may be personal data.
 */
export function forbiddenCharacterMessage(label: string, found: readonly ForbiddenCharacter[], lines: LineRule): string {
  const first = found[0];
  if (!first) return `${label} có ký tự không được phép.`;
  const count = found.length > 1 ? `${found.length} ký tự không được phép (đầu tiên là ` : 'ký tự không được phép (';
  const where = `${describeForbiddenCharacter(first)}, ở ký tự thứ ${first.position}`;
  const advice =
    first.kind === 'line-break' && lines === 'one-line'
      ? 'ô này chỉ nhận một dòng, hãy viết liền trên một dòng'
      : 'ký tự này không nhìn thấy được và thường lẫn vào khi dán văn bản, hãy xoá rồi gõ lại nội dung ô này';
  return `${label} có ${count}${where}): ${advice}.`;
}

/** The refused characters' message for `text`, or null when it has none. */
export function forbiddenCharacterProblem(text: string, label: string, lines: LineRule): string | null {
  const found = findForbiddenCharacters(text, lines);
  return found.length === 0 ? null : forbiddenCharacterMessage(label, found, lines);
}

/**
 * `text` without its refused characters: a line break becomes a space on a one-line field (or a
 * line feed on a multi-line one, CR LF becoming one), anything else is dropped. What a correction
 * proposes; the officer sees the result before it is sent.
 */
export function withoutForbiddenCharacters(text: string, lines: LineRule): string {
  const found = findForbiddenCharacters(text, lines);
  if (found.length === 0) return text;
  let result = '';
  let from = 0;
  for (const character of found) {
    result += text.slice(from, character.index);
    from = character.index + 1;
    if (character.kind !== 'line-break') continue;
    if (character.codePoint === 0x0d && text.charCodeAt(from) === 0x0a) continue;
    if (lines === 'multi-line') result += '\n';
    else if (result !== '' && !/\s$/.test(result) && !/^\s/.test(text.slice(from))) result += ' ';
  }
  return result + text.slice(from);
}

/** A text cut into plain runs and refused characters, for showing the characters in place. */
export type TextPiece = { text: string } | { forbidden: ForbiddenCharacter };

export function textPieces(text: string, lines: LineRule): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const character of findForbiddenCharacters(text, lines)) {
    if (character.index > from) pieces.push({ text: text.slice(from, character.index) });
    pieces.push({ forbidden: character });
    from = character.index + 1;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit < 0xdc00;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit < 0xe000;
}

/** True when some string in `value` (an event, any JSON value; keys included) passes `test`. */
export function someText(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((item) => someText(item, test));
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => test(key) || someText(item, test));
  return false;
}
