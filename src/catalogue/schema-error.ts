import { z } from 'zod';
import { DomainError } from '../errors.ts';

type Issue = z.core.$ZodIssue;
type PathItem = string | number;

const vietnamese = z.locales.vi().localeError;

/** ['procedures', 3, 'fee', 'perPage'] → 'procedures[3].fee.perPage'. */
export function formatPath(path: readonly PathItem[]): string {
  return path.reduce<string>((text, item) => {
    if (typeof item === 'number') return `${text}[${item}]`;
    return text === '' ? item : `${text}.${item}`;
  }, '');
}

/** The path of the offending field; for an unknown key the key itself, so the officer sees the typo. */
function issuePath(issue: Issue): PathItem[] {
  const path = issue.path.filter((item): item is PathItem => typeof item !== 'symbol');
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return [...path, issue.keys[0]];
  return path;
}

/** The Vietnamese locale says only 'Đầu vào không hợp lệ' for a bad discriminator: list what is accepted. */
function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options !== undefined && issue.options.length > 0) {
    return `giá trị không hợp lệ, chỉ chấp nhận: ${issue.options.map(String).join(', ')}`;
  }
  return issue.message;
}

/** Parses with Vietnamese messages; on failure throws a DomainError naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: string,
  subject: string,
): z.output<S> {
  const parsed = schema.safeParse(input, { error: vietnamese });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issuePath(issue), message: issueMessage(issue) }));
  const first = issues[0] ?? { path: [], message: 'không hợp lệ' };
  const where = first.path.length > 0 ? ` tại trường ${formatPath(first.path)}` : '';
  throw new DomainError(code, `${subject} không hợp lệ${where}: ${first.message}.`, first.path, {
    issues: issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  });
}
