import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { deskIdentitySchema, localDeskId } from './desk-identity.ts';
import type { DeskIdentity } from './desk-identity.ts';
import { officerRoleSchema, officerSchema, usernameSchema } from './officer.ts';
import type { Officer, OfficerRole } from './officer.ts';
import type { PasswordVerifier } from './password-verifier.ts';

/** What the first-run screen asks for when there is no provincial server to enroll with. */
export const firstRunInputSchema = z.strictObject({
  // A stand-alone desk names its province itself (an enrolled desk may not know it).
  identity: deskIdentitySchema.omit({ deskId: true }).required({ provinceCode: true, provinceName: true }),
  admin: z.strictObject({
    fullName: z.string(),
    username: usernameSchema,
    password: z.string(),
  }),
});
export type FirstRunInput = z.input<typeof firstRunInputSchema>;

/** What the add-officer screen asks for; the officer belongs to the desk's unit. */
export const newOfficerInputSchema = z.strictObject({
  fullName: z.string(),
  username: usernameSchema,
  role: officerRoleSchema,
  password: z.string(),
});
export type NewOfficerInput = z.input<typeof newOfficerInputSchema>;

export interface SetupDeps {
  passwords: PasswordVerifier;
  /** A new unique officer id (e.g. a UUIDv7). */
  newOfficerId: () => string;
}

export interface FirstRunRecords {
  identity: DeskIdentity;
  admin: Officer;
}

/** Validates the first-run form and builds the desk identity and its first administrator. */
export async function prepareFirstRun(input: unknown, deps: SetupDeps): Promise<FirstRunRecords> {
  const parsed = parseOrThrow(firstRunInputSchema, input, 'setup.bad_input');
  const identity = parseOrThrow(
    deskIdentitySchema,
    { ...parsed.identity, deskId: localDeskId(parsed.identity.agencyId, parsed.identity.slot) },
    'setup.bad_input',
  );
  const admin = await buildOfficer(
    { ...parsed.admin, role: 'admin' },
    identity.agencyId,
    deps,
  );
  return { identity, admin };
}

/** Validates the add-officer form and builds the officer of `unitId`. */
export async function prepareOfficer(input: unknown, unitId: string, deps: SetupDeps): Promise<Officer> {
  const parsed = parseOrThrow(newOfficerInputSchema, input, 'officer.bad_input');
  return buildOfficer(parsed, unitId, deps);
}

async function buildOfficer(
  input: { fullName: string; username: string; role: OfficerRole; password: string },
  unitId: string,
  deps: SetupDeps,
): Promise<Officer> {
  const verifier = await deps.passwords.create(input.password);
  return parseOrThrow(
    officerSchema,
    { id: deps.newOfficerId(), unitId, fullName: input.fullName, username: input.username, role: input.role, verifier, active: true },
    'officer.bad_input',
  );
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: string): z.output<S> {
  const result = schema.safeParse(input, { error: z.locales.vi().localeError });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? key : String(key)));
  throw new DomainError(code, `Thông tin chưa hợp lệ ở "${path.join('.') || 'biểu mẫu'}": ${issue?.message ?? 'không rõ lỗi'}.`, path);
}
