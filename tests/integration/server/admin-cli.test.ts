import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../../sync/server/db/database.ts';
import { sha256Hex, normaliseEnrollmentCode } from '../../../sync/server/domain/secrets.ts';
import { enrollmentCodeFrom, runAdmin } from './support/admin-cli.ts';
import { sampleCatalogue } from './support/fixtures.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const UNIT = '000.00.12.H23';
// Each command is a fresh process opening the database (PGlite: a few seconds each on a busy machine).
const CLI_TIMEOUT = 300_000;

describe.each(serverTestDatabases())('npm run admin on $name', (database) => {
  let target: DatabaseTarget;
  const files = mkdtempSync(join(tmpdir(), 'motcua-admin-'));
  beforeAll(async () => {
    target = await database.target();
  });
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await database.cleanup();
  });

  it('adds units, officers (password from stdin) and desks, and imports reference data', async () => {
    const province = await runAdmin(target, ['unit', 'add', '--id', '000.00.00.H23', '--name', 'UBND tỉnh Thử Nghiệm', '--level', 'province']);
    expect(province.stderr).toBe('');
    expect(province.code).toBe(0);
    const commune = await runAdmin(target, ['unit', 'add', '--id', UNIT.toLowerCase(), '--name', 'UBND xã Tân Lập', '--level', 'commune', '--parent', '000.00.00.H23']);
    expect(commune.code).toBe(0);
    const officer = await runAdmin(target, ['officer', 'add', '--unit', UNIT, '--username', 'Lan.NT', '--name', 'Nguyễn Thị Lan', '--role', 'reception'], 'mật-khẩu-đủ-dài\n');
    expect(officer.stderr).toBe('');
    expect(officer.code).toBe(0);
    const desk = await runAdmin(target, ['desk', 'add', '--unit', UNIT, '--slot', '3']);
    expect(desk.code).toBe(0);
    // The desk's word and name, as the desk and the dashboard say it (issue 19 point 6).
    expect(desk.stdout).toContain(`Quầy 3 – UBND xã Tân Lập (mã quầy ${UNIT}#3).`);
    const code = enrollmentCodeFrom(desk.stdout);

    const catalogueFile = join(files, 'catalogue.json');
    writeFileSync(catalogueFile, JSON.stringify(sampleCatalogue()));
    expect((await runAdmin(target, ['catalogue', 'import', catalogueFile])).code).toBe(0);
    const calendar = await runAdmin(target, ['calendar', 'import', 'assets/calendars/2025.json', 'assets/calendars/2026.json']);
    expect(calendar.stderr).toBe('');
    expect(calendar.code).toBe(0);

    const opened = await openDatabase(target);
    try {
      const units = await opened.db.selectFrom('units').select(['id', 'parent_id']).execute();
      expect(units.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
        { id: '000.00.00.H23', parent_id: null },
        { id: UNIT, parent_id: '000.00.00.H23' },
      ]);
      const officers = await opened.db.selectFrom('officers').selectAll().execute();
      expect(officers).toHaveLength(1);
      expect(officers[0]).toMatchObject({ unit_id: UNIT, username: 'lan.nt', full_name: 'Nguyễn Thị Lan', role: 'reception', active: true });
      expect(officers[0]?.password_verifier).toMatch(/^\$argon2id\$/);
      const codes = await opened.db.selectFrom('enrollment_codes').selectAll().execute();
      expect(codes).toHaveLength(1);
      expect(codes[0]?.code_hash).toBe(sha256Hex(normaliseEnrollmentCode(code)));
      const expiresIn = new Date(codes[0]!.expires_at).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(23.9 * 3600_000);
      expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000);
      const kinds = await opened.db.selectFrom('reference_docs').select(['kind', 'key']).orderBy('seq').execute();
      expect(kinds.map((doc) => `${doc.kind}:${doc.key}`)).toEqual([
        'unit:000.00.00.H23',
        `unit:${UNIT}`,
        expect.stringMatching(/^officer:/),
        'catalogue:@catalogue',
        'catalogue:1.001193',
        'catalogue:1.004222',
        'calendar:2025',
        'calendar:2026',
      ]);
    } finally {
      await opened.close();
    }
  }, CLI_TIMEOUT);

  it('refuses bad input with a clear message and changes nothing', async () => {
    const cases: Array<{ args: string[]; stdin?: string; code: number; message: RegExp }> = [
      { args: ['unit', 'add', '--id', 'x; drop table units', '--name', 'A', '--level', 'commune'], code: 2, message: /--id không hợp lệ/ },
      { args: ['unit', 'add', '--id', '000.00.00.H23', '--name', 'Trùng', '--level', 'province'], code: 1, message: /unit\.exists/ },
      { args: ['unit', 'add', '--id', '000.00.00.H24', '--name', 'A', '--level', 'village'], code: 2, message: /--level/ },
      { args: ['officer', 'add', '--unit', UNIT, '--username', 'an', '--name', 'A', '--role', 'reception', '--password', 'x'], code: 2, message: /Unknown option '--password'/ },
      { args: ['officer', 'add', '--unit', UNIT, '--username', 'ngan.vt', '--name', 'Vũ Thị Ngân', '--role', 'leader'], stdin: 'ngan\n', code: 1, message: /ít nhất 8 ký tự/ },
      { args: ['officer', 'add', '--unit', '000.00.99.H23', '--username', 'ngan.vt', '--name', 'A', '--role', 'leader'], stdin: 'mật-khẩu-đủ-dài\n', code: 1, message: /Không có đơn vị 000.00.99.H23/ },
      { args: ['desk', 'add', '--unit', UNIT, '--slot', '3'], code: 1, message: /đã có quầy số 3/ },
      { args: ['desk', 'add', '--unit', UNIT, '--slot', '10'], code: 2, message: /--slot/ },
      { args: ['frobnicate'], code: 2, message: /Lệnh không rõ/ },
    ];
    for (const testCase of cases) {
      const result = await runAdmin(target, testCase.args, testCase.stdin);
      expect({ args: testCase.args, code: result.code }).toEqual({ args: testCase.args, code: testCase.code });
      expect(result.stderr).toMatch(testCase.message);
    }
    const badCatalogue = join(files, 'bad-catalogue.json');
    const catalogue = sampleCatalogue('2025.11', ['1.001193', 'bad code']);
    writeFileSync(badCatalogue, JSON.stringify(catalogue));
    const refused = await runAdmin(target, ['catalogue', 'import', badCatalogue]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/procedures\[1\]\.code/);

    const opened = await openDatabase(target);
    try {
      expect(await opened.db.selectFrom('units').select('id').execute()).toHaveLength(2);
      expect(await opened.db.selectFrom('officers').select('id').execute()).toHaveLength(1);
      expect(await opened.db.selectFrom('desks').select('id').execute()).toHaveLength(1);
      const meta = await opened.db.selectFrom('reference_docs').select('body').where('key', '=', '@catalogue').executeTakeFirstOrThrow();
      expect(meta.body).toMatchObject({ version: '2025.10-test' });
    } finally {
      await opened.close();
    }
  }, CLI_TIMEOUT);

  it('sets the desks an officer may log in on, disables and lists officers (issue 18 points 3 and 6)', async () => {
    const added = await runAdmin(target, ['officer', 'add', '--unit', UNIT, '--username', 'lanhdao', '--name', 'Lê Văn Lãnh', '--role', 'leader'], 'mật-khẩu-lãnh-đạo\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Được đăng nhập tại: không quầy nào\./);
    const id = /Mã cán bộ: (\S+)/.exec(added.stdout)?.[1] ?? '';

    const desks = await runAdmin(target, ['officer', 'desks', '--officer', id, '--desks', '3, 1']);
    expect(desks.code).toBe(0);
    expect(desks.stdout).toMatch(/Lê Văn Lãnh \(lanhdao\) được đăng nhập tại: quầy số 1, 3\./);
    const disabled = await runAdmin(target, ['officer', 'disable', '--officer', id]);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/Đã khóa tài khoản cán bộ Lê Văn Lãnh/);
    const listed = await runAdmin(target, ['officer', 'list', '--unit', UNIT]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}  lanhdao  Lê Văn Lãnh  leader  đã khóa  quầy số 1, 3`);
    expect(listed.stdout).toContain('  lan.nt  Nguyễn Thị Lan  reception  đang dùng  mọi quầy của đơn vị');

    for (const [args, code, message] of [
      [['officer', 'desks', '--officer', id, '--desks', '0'], 2, /--desks không hợp lệ/],
      [['officer', 'disable', '--officer', 'khong-co-can-bo-nay'], 1, /officer\.not_found/],
    ] as const) {
      const result = await runAdmin(target, [...args]);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toMatch(message);
    }

    const opened = await openDatabase(target);
    try {
      const row = await opened.db.selectFrom('officers').select(['active', 'desk_access']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ active: false, desk_access: '1,3' });
      // Desks learn the change from the officer's reference document, which carries no verifier.
      const doc = await opened.db.selectFrom('reference_docs').select('body').where('kind', '=', 'officer').where('key', '=', id).executeTakeFirstOrThrow();
      expect(doc.body).toMatchObject({ active: false, deskAccess: '1,3' });
      expect(doc.body).not.toHaveProperty('verifier');
    } finally {
      await opened.close();
    }
  }, CLI_TIMEOUT);
});
