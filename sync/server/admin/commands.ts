import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCalendarYear } from '../../../src/calendar/calendar-data.ts';
import { officerRoleSchema, usernameSchema } from '../../../src/auth/officer.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { agencyIdSchema } from '../../../src/dossier/events.ts';
import type { Database } from '../db/database.ts';
import { addDesk, issueEnrollmentCode, revokeDesk } from '../repositories/desks.ts';
import { deskAccessSchema, describeDeskAccess } from '../domain/officer-access.ts';
import { addOfficer, listUnitOfficers, setOfficerActive, setOfficerDeskAccess } from '../repositories/officers.ts';
import type { OfficerRecord } from '../repositories/officers.ts';
import { importCalendarYear, importCatalogue } from '../repositories/reference-imports.ts';
import { addUnit, findUnit, setUnitBankAccount, updateUnit } from '../repositories/units.ts';
import { unitBankAccountSchema } from '../../../src/fees/bank-account.ts';
import { unitKindFromName, unitKindLabels, unitKindSchema } from '../../../src/units/unit-kind.ts';
import type { UnitKind } from '../../../src/units/unit-kind.ts';
import { createPlaceNames } from '../../../src/people/place-names.ts';
import { formatDate, formatTime } from '../../../src/time/vn-time.ts';

/** What each admin command needs, already read from argv; the password comes from stdin. */
export interface CommandIo {
  readPassword(): Promise<string>;
  print(line: string): void;
}

const name = z.string().trim().normalize('NFC').min(1, 'tên không được để trống').max(200);

const governingBody = z.string().trim().normalize('NFC').max(200, 'tên cơ quan chủ quản tối đa 200 ký tự');

export const unitAddSchema = z.strictObject({
  id: agencyIdSchema,
  name,
  level: z.enum(['province', 'district', 'commune', 'branch']),
  parent: agencyIdSchema.optional(),
  /** Absent: taken from the name ("UBND …", "Công an …"), else a people's committee. */
  kind: unitKindSchema.optional(),
  'governing-body': governingBody.min(1, 'tên cơ quan chủ quản không được để trống').optional(),
});

export const unitUpdateSchema = z.strictObject({
  id: agencyIdSchema,
  name: name.optional(),
  kind: unitKindSchema.optional(),
  /** An empty value clears it. */
  'governing-body': governingBody.optional(),
});

export const officerAddSchema = z.strictObject({
  unit: agencyIdSchema,
  username: usernameSchema,
  name,
  role: officerRoleSchema,
  /** Default by role: reception and processing all desks of the unit, leader and admin none. */
  desks: deskAccessSchema.optional(),
});

const officerId = z.string().trim().min(1, 'thiếu mã cán bộ').max(64);
export const officerRefSchema = z.strictObject({ officer: officerId });
export const officerDesksSchema = z.strictObject({ officer: officerId, desks: deskAccessSchema });
export const officerListSchema = z.strictObject({ unit: agencyIdSchema });

export const deskAddSchema = z.strictObject({
  unit: agencyIdSchema,
  slot: z.coerce.number().int().min(1).max(9),
});

export const unitSetAccountSchema = z.strictObject({
  unit: agencyIdSchema,
  bin: unitBankAccountSchema.shape.bankBin,
  account: unitBankAccountSchema.shape.accountNumber,
  name: unitBankAccountSchema.shape.accountName,
});

export async function unitSetAccount(database: Database, input: z.infer<typeof unitSetAccountSchema>, io: CommandIo): Promise<void> {
  await setUnitBankAccount(database.db, input.unit, { bankBin: input.bin, accountNumber: input.account, accountName: input.name });
  io.print(`Đã đặt tài khoản thu phí của đơn vị ${input.unit}: ${input.account} (BIN ${input.bin}, ${input.name}).`);
}

export async function unitAdd(database: Database, input: z.infer<typeof unitAddSchema>, io: CommandIo): Promise<void> {
  const governing = input['governing-body'];
  const unit = await addUnit(database.db, {
    id: input.id,
    name: input.name,
    level: input.level,
    parentId: input.parent ?? null,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(governing ? { governingBody: governing } : {}),
  });
  io.print(`Đã thêm đơn vị ${unit.id} (${unit.name}, ${describeKind(unit)}).`);
}

export async function unitUpdate(database: Database, input: z.infer<typeof unitUpdateSchema>, io: CommandIo): Promise<void> {
  const governing = input['governing-body'];
  const unit = await updateUnit(database.db, input.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(governing !== undefined ? { governingBody: governing === '' ? null : governing } : {}),
  });
  io.print(`Đã cập nhật đơn vị ${unit.id} (${unit.name}, ${describeKind(unit)}${unit.governingBody ? `, cơ quan chủ quản: ${unit.governingBody}` : ''}).`);
}

/** "loại: Công an" or "loại: Ủy ban nhân dân (theo tên)". */
function describeKind(unit: { name: string; kind?: UnitKind }): string {
  return unit.kind ? `loại: ${unitKindLabels[unit.kind]}` : `loại: ${unitKindLabels[unitKindFromName(unit.name)]} (theo tên)`;
}

export async function officerAdd(database: Database, input: z.infer<typeof officerAddSchema>, io: CommandIo): Promise<void> {
  const password = await io.readPassword();
  const verifier = await createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)) }).create(password);
  const officer = await addOfficer(database.db, {
    unitId: input.unit,
    username: input.username,
    fullName: input.name,
    role: input.role,
    verifier,
    ...(input.desks !== undefined ? { deskAccess: input.desks } : {}),
  });
  io.print(`Đã thêm cán bộ ${officer.fullName} (${officer.username}, ${officer.role}) vào đơn vị ${officer.unitId}. Mã cán bộ: ${officer.id}`);
  io.print(`Được đăng nhập tại: ${describeDeskAccess(officer.deskAccess)}.`);
}

export async function officerDesks(database: Database, input: z.infer<typeof officerDesksSchema>, io: CommandIo): Promise<void> {
  const officer = await setOfficerDeskAccess(database.db, input.officer, input.desks);
  io.print(`Cán bộ ${officer.fullName} (${officer.username}) được đăng nhập tại: ${describeDeskAccess(officer.deskAccess)}.`);
  io.print('Quầy không còn được phép sẽ xóa mã kiểm tra mật khẩu của cán bộ ở lần đồng bộ tới.');
}

export async function officerSetActive(database: Database, input: z.infer<typeof officerRefSchema>, active: boolean, io: CommandIo): Promise<void> {
  const officer = await setOfficerActive(database.db, input.officer, active);
  if (active) {
    io.print(`Đã mở lại tài khoản cán bộ ${officer.fullName} (${officer.username}).`);
    io.print(`Các quầy được phép (${describeDeskAccess(officer.deskAccess)}) cho đăng nhập lại sau lần đồng bộ tới.`);
  } else {
    io.print(`Đã khóa tài khoản cán bộ ${officer.fullName} (${officer.username}): không đăng nhập được trang báo cáo, máy chủ từ chối thao tác mới của cán bộ.`);
    io.print('Mỗi quầy của đơn vị không cho cán bộ đăng nhập nữa sau lần đồng bộ tới.');
  }
}

export async function officerList(database: Database, input: z.infer<typeof officerListSchema>, io: CommandIo): Promise<void> {
  const officers = await listUnitOfficers(database.db, input.unit);
  if (officers.length === 0) io.print(`Đơn vị ${input.unit} chưa có cán bộ.`);
  for (const officer of officers) io.print(officerLine(officer));
}

function officerLine(officer: OfficerRecord): string {
  const status = officer.active ? 'đang dùng' : 'đã khóa';
  return `${officer.id}  ${officer.username}  ${officer.fullName}  ${officer.role}  ${status}  ${describeDeskAccess(officer.deskAccess)}`;
}

export async function deskAdd(database: Database, input: z.infer<typeof deskAddSchema>, io: CommandIo): Promise<void> {
  const issued = await addDesk(database.db, { unitId: input.unit, slot: input.slot });
  await printCode(database, issued, io);
}

export async function deskCode(database: Database, deskId: string, io: CommandIo): Promise<void> {
  await printCode(database, await issueEnrollmentCode(database.db, deskId), io);
}

export async function deskRevoke(database: Database, deskId: string, io: CommandIo): Promise<void> {
  const revoked = await revokeDesk(database.db, deskId);
  const at = `${formatTime(revoked.revokedAt.getTime())} ngày ${formatDate(revoked.revokedAt.getTime())}`;
  io.print(revoked.newlyRevoked ? `Đã thu hồi quầy ${revoked.desk.id} lúc ${at}.` : `Quầy ${revoked.desk.id} đã bị thu hồi từ ${at}.`);
  io.print('Khóa truy cập của quầy hết hiệu lực ngay; các kênh cập nhật đang mở sẽ đóng trong vài giây.');
  if (revoked.codesSpent > 0) io.print(`Đã hủy ${revoked.codesSpent} mã kích hoạt chưa dùng của quầy.`);
  io.print(`Để dùng lại quầy này (máy mới hoặc cài lại): npm run admin -- desk code --desk '${revoked.desk.id}'`);
}

async function printCode(database: Database, issued: Awaited<ReturnType<typeof issueEnrollmentCode>>, io: CommandIo): Promise<void> {
  // Named as the desk and the dashboard name it: "Quầy 1 – UBND phường Ba Đình".
  const unit = await findUnit(database.db, issued.desk.unitId);
  const counter = createPlaceNames(unit ? [unit] : []).counter(issued.desk.id);
  io.print(`${counter.name} (mã quầy ${issued.desk.id}).`);
  io.print(`Mã kích hoạt: ${issued.code}`);
  io.print(`(dùng một lần, hết hạn lúc ${formatTime(issued.expiresAt.getTime())} ngày ${formatDate(issued.expiresAt.getTime())})`);
  if (issued.revoked) io.print('Quầy này đang bị thu hồi: kích hoạt bằng mã này sẽ mở lại quầy với khóa truy cập mới (khóa cũ vẫn vô hiệu).');
}

export async function catalogueImport(database: Database, file: string, io: CommandIo): Promise<void> {
  const summary = await importCatalogue(database.db, readJson(file));
  io.print(`Đã nhập danh mục ${summary.version}: ${summary.total} thủ tục, ${summary.changed} mục thay đổi, ${summary.removed} thủ tục bị bỏ.`);
}

export async function calendarImport(database: Database, files: string[], io: CommandIo): Promise<void> {
  // Validate every file before writing any, so a bad file in the list changes nothing.
  const years = files.map((file) => readJson(file));
  years.forEach((json) => parseCalendarYear(json));
  for (const json of years) {
    const result = await importCalendarYear(database.db, json);
    io.print(`Lịch năm ${result.year}: ${result.changed ? 'đã cập nhật' : 'không thay đổi'}.`);
  }
}

function readJson(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`Tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`, { cause: error });
  }
}
