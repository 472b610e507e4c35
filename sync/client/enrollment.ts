import { z } from 'zod';
import { deskIdentitySchema } from '../../src/auth/desk-identity.ts';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import { identityChange } from '../../src/auth/desk-setup.ts';
import type { IdentityChange } from '../../src/auth/desk-setup.ts';
import { officerSchema } from '../../src/auth/officer.ts';
import type { Officer } from '../../src/auth/officer.ts';
import { DomainError } from '../../src/errors.ts';
import type { DeskStore } from '../../renderer/store/index.ts';
import { raiseFeeReceiptSeries } from '../../renderer/fees/fee-receipt-issuer.ts';
import { settingsCollectionOf } from '../../renderer/store/replication-access.ts';
import { createHttpClient, normaliseServerUrl, SyncError } from './http-client.ts';
import type { FetchLike } from './http-client.ts';
import { pullReferenceData, resetReferenceCheckpoint } from './reference-sync.ts';
import type { ReferenceSyncResult } from './reference-sync.ts';
import { checkServerAddress } from './server-address.ts';
import { loadTransportSettings } from './transport-settings.ts';
import { enrollResponseSchema } from './wire.ts';

/** What the desk keeps after enrollment to talk to its server. */
export const enrollmentSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  deskId: z.string().min(1),
  unitId: z.string().min(1),
  slot: z.number().int(),
  credential: z.string().min(20),
  enrolledAt: z.number(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const ENROLLMENT_KEY = 'sync-enrollment';

/**
 * The credential is kept in the settings doc's encrypted `secret`, never in its clear `value`.
 * A desk enrolled before that kept it in `value`: loading moves it out of the clear.
 */
export async function loadEnrollment(store: DeskStore): Promise<Enrollment | null> {
  const doc = await settingsCollectionOf(store).findOne(ENROLLMENT_KEY).exec();
  if (!doc) return null;
  const { value, secret } = doc.toMutableJSON();
  const parsed = enrollmentSchema.safeParse({ ...value, credential: secret ?? value.credential });
  if (!parsed.success) return null;
  if ('credential' in value) await saveEnrollment(store, parsed.data, doc.updatedAt);
  return parsed.data;
}

export async function saveEnrollment(store: DeskStore, enrollment: Enrollment, updatedAt: string = new Date(enrollment.enrolledAt).toISOString()): Promise<void> {
  const { credential, ...value } = enrollment;
  await settingsCollectionOf(store).upsert({ id: ENROLLMENT_KEY, value, secret: credential, updatedAt });
}

export interface EnrollInput {
  serverUrl: string;
  code: string;
  /**
   * The province shown beside the unit's name, when known: the server does not send it. Without
   * it, a desk keeps the province it had; a desk enrolled from first run shows none.
   */
  province?: { code: string; name: string };
}

export interface EnrollOutcome {
  enrollment: Enrollment;
  identity: DeskIdentity;
  officers: number;
  reference: ReferenceSyncResult;
  /** Reference records created on this desk before enrollment, now replaced by the server's. */
  replacedLocal: number;
  /** The local identity had another agency or slot: dossiers received before will be refused by the server. */
  identityChanged: boolean;
}

export interface EnrollDeps {
  clock: () => number;
  fetch?: FetchLike;
  /**
   * Asked before a province-issued identity is replaced by another unit or counter; nothing is
   * stored on the desk unless it answers true. Without it such a change is refused.
   */
  confirmIdentityChange?: (change: IdentityChange) => Promise<boolean>;
}

/**
 * Exchanges a one-time code for the desk's credential (only over HTTPS, or plain HTTP to this
 * machine or where the administrator allowed it), then makes the server's reference data
 * the desk's: identity and officers created locally (first-run setup) are replaced by the
 * provincial ones. Dossiers and their events are never touched; they sync afterwards.
 */
export async function enrollDesk(store: DeskStore, input: EnrollInput, deps: EnrollDeps): Promise<EnrollOutcome> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  if (!z.url({ protocol: /^https?$/ }).safeParse(serverUrl).success) {
    throw new DomainError('enroll.bad_url', 'Địa chỉ máy chủ phải có dạng https://… (ví dụ https://motcua.tinh.gov.vn).', ['serverUrl']);
  }
  // Before anything is sent: the code is a secret, and so is the credential that comes back.
  const address = checkServerAddress(serverUrl, await loadTransportSettings(store));
  if (!address.ok) throw address.error;
  const code = input.code.trim();
  if (code.length < 8) throw new DomainError('enroll.bad_code', 'Nhập mã kích hoạt do quản trị viên cấp (ví dụ K7QM-3XHT-9PRA-W2ND).', ['code']);

  const anonymous = createHttpClient({ baseUrl: serverUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const response = await anonymous.post('/api/desks/enroll', { code }, enrollResponseSchema);
  const officers: Officer[] = [];
  for (const raw of response.officers) {
    const parsed = officerSchema.safeParse(raw);
    if (parsed.success) officers.push(parsed.data);
  }
  const previous = await store.identity.get();
  const province = input.province ?? provinceOf(previous?.value);
  const identity = deskIdentitySchema.parse({
    ...(province ? { provinceCode: province.code, provinceName: province.name } : {}),
    unitName: response.unit?.name ?? previous?.value.unitName ?? response.desk.agencyId,
    agencyId: response.desk.agencyId,
    slot: response.desk.slot,
    deskId: response.desk.deskId,
  });
  const change = previous?.source === 'provincial' ? identityChange(previous, identity) : null;
  if (change && !(await deps.confirmIdentityChange?.(change))) {
    throw new DomainError(
      'enroll.change_declined',
      `Không đổi gì: quầy vẫn là Quầy ${change.before.slot} của ${change.before.unitName} (${change.before.agencyId}). Mã kích hoạt vừa nhập đã được dùng; khi cần đổi, xin quản trị viên tỉnh cấp mã mới.`,
      ['code'],
    );
  }

  // The code is spent now: keep the credential before anything else can fail.
  const enrollment: Enrollment = {
    serverUrl,
    deskId: response.desk.deskId,
    unitId: response.desk.agencyId,
    slot: response.desk.slot,
    credential: response.credential,
    enrolledAt: deps.clock(),
  };
  await saveEnrollment(store, enrollment);

  const replacedLocal = await removeLocalReference(store);
  await store.identity.save(identity, 'provincial');
  await raiseFeeReceiptSeries(store, identity.slot, response.feeReceiptSeries ?? {});
  for (const officer of officers) await store.officers.save(officer, 'provincial');
  await resetReferenceCheckpoint(store);
  const authed = createHttpClient({ baseUrl: serverUrl, credential: () => enrollment.credential, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  let reference: ReferenceSyncResult;
  try {
    reference = await pullReferenceData(store, authed);
  } catch (error) {
    // Enrolled all the same: the catalogue and calendars follow with the next sync.
    reference = { applied: 0, skipped: [{ id: '*', reason: error instanceof SyncError ? error.message : String(error) }] };
  }
  const identityChanged = previous !== null && (previous.value.agencyId !== identity.agencyId || previous.value.slot !== identity.slot);
  return { enrollment, identity, officers: officers.length, reference, replacedLocal, identityChanged };
}

function provinceOf(identity: DeskIdentity | undefined): { code: string; name: string } | null {
  return identity?.provinceCode && identity.provinceName ? { code: identity.provinceCode, name: identity.provinceName } : null;
}

/** Removes the identity and officers typed in on this desk; everything else stays. */
async function removeLocalReference(store: DeskStore): Promise<number> {
  const reference = store.database.collections.reference;
  const local = await reference.find({ selector: { source: 'local' } }).exec();
  await reference.bulkRemove(local.map((doc) => doc.id));
  return local.length;
}
