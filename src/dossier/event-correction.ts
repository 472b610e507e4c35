import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { withoutForbiddenCharacters } from '../text/allowed-characters.ts';
import type { LineRule } from '../text/allowed-characters.ts';
import { forbiddenCharacterParams, parseEvent } from './events.ts';
import type { DossierEvent } from './events.ts';

/** One text of an event as it is and as the correction would leave it. */
export interface CorrectedText {
  path: ReadonlyArray<string | number>;
  /** The field as an officer knows it ("Họ và tên người nộp hồ sơ"). */
  label: string;
  lines: LineRule;
  before: string;
  after: string;
}

export interface EventCorrection {
  /** The event with its refused characters taken out: same id, dossier, type, time and people. */
  corrected: DossierEvent;
  texts: CorrectedText[];
}

/**
 * The correction of an event the text rule refuses (one written before the rule, or by an older
 * version): every refused character taken out of the texts that hold one, nothing else changed.
 * Fails with the reason when the event has other problems, or would still not pass once corrected
 * (a name made only of control characters).
 */
export function proposeTextCorrection(raw: unknown): Result<EventCorrection> {
  const parsed = parseEvent(raw);
  if (parsed.ok) return err(new DomainError('correction.nothing_to_correct', 'Thao tác này không có ký tự nào cần sửa.'));
  const issues = (parsed.error.details?.issues ?? []) as Array<{ path: string[]; message: string; params?: unknown }>;
  if (issues.length === 0 || issues.some((issue) => forbiddenCharacterParams(issue) === null)) {
    return err(new DomainError('correction.not_text', `Không sửa tự động được: ${parsed.error.message}`));
  }
  let candidate = raw;
  const texts: CorrectedText[] = [];
  for (const issue of issues) {
    const { label, lines } = forbiddenCharacterParams(issue) as NonNullable<ReturnType<typeof forbiddenCharacterParams>>;
    const path = issue.path.map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    const before = valueAt(candidate, path);
    if (typeof before !== 'string') return err(new DomainError('correction.not_text', `Không sửa tự động được: ${parsed.error.message}`));
    const after = withoutForbiddenCharacters(before, lines);
    candidate = withValueAt(candidate, path, after);
    texts.push({ path, label, lines, before, after: after.trim().normalize('NFC') });
  }
  const corrected = parseEvent(candidate);
  if (!corrected.ok) return err(new DomainError('correction.still_invalid', `Sau khi bỏ các ký tự không được phép, thao tác vẫn chưa hợp lệ: ${corrected.error.message}`));
  return ok({ corrected: corrected.value, texts });
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function withValueAt(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string | number, ...Array<string | number>];
  const container = value as Record<string | number, unknown>;
  const copy = (Array.isArray(value) ? [...value] : { ...container }) as Record<string | number, unknown>;
  copy[key] = withValueAt(container[key], rest, replacement);
  return copy;
}
