import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../../sync/server/db/database.ts';
import { runAdmin } from './support/admin-cli.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const POLICE = '000.00.12.H23';
const COMMITTEE = '000.00.13.H23';
// Each command is a fresh process opening the database (PGlite: a few seconds each on a busy machine).
const CLI_TIMEOUT = 300_000;

/** Issue 20 point 7: the unit's kind (forms' header) is reference data the desks pull. */
describe.each(serverTestDatabases())('unit kind on $name', (database) => {
  let target: DatabaseTarget;
  beforeAll(async () => {
    target = await database.target();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  async function unitDoc(id: string): Promise<Record<string, unknown>> {
    const opened = await openDatabase(target);
    try {
      const row = await opened.db.selectFrom('reference_docs').select('body').where('kind', '=', 'unit').where('key', '=', id).executeTakeFirstOrThrow();
      return (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as Record<string, unknown>;
    } finally {
      await opened.close();
    }
  }

  it(
    'adds a police unit with its kind and governing body, changes a unit’s kind, and refuses an unknown kind',
    async () => {
      const police = await runAdmin(target, [
        'unit', 'add', '--id', POLICE, '--name', 'Công an phường Ba Đình', '--level', 'commune',
        '--kind', 'police', '--governing-body', 'Công an thành phố Hà Nội',
      ]);
      expect(police.stderr).toBe('');
      expect(police.stdout).toContain('loại: Công an');
      expect(await unitDoc(POLICE)).toMatchObject({ id: POLICE, kind: 'police', governingBody: 'Công an thành phố Hà Nội' });

      // Without --kind the unit has none: desks take it from the name (UBND …) as before.
      const committee = await runAdmin(target, ['unit', 'add', '--id', COMMITTEE, '--name', 'UBND phường Hòa Bình', '--level', 'commune']);
      expect(committee.stdout).toContain('loại: Ủy ban nhân dân (theo tên)');
      expect(await unitDoc(COMMITTEE)).not.toHaveProperty('kind');

      const updated = await runAdmin(target, ['unit', 'update', '--id', COMMITTEE, '--kind', 'social-insurance', '--name', 'Bảo hiểm xã hội khu vực Hòa Bình']);
      expect(updated.stderr).toBe('');
      expect(await unitDoc(COMMITTEE)).toMatchObject({ kind: 'social-insurance', name: 'Bảo hiểm xã hội khu vực Hòa Bình' });

      const cleared = await runAdmin(target, ['unit', 'update', '--id', POLICE, '--governing-body', '']);
      expect(cleared.code).toBe(0);
      expect(await unitDoc(POLICE)).not.toHaveProperty('governingBody');

      const bad = await runAdmin(target, ['unit', 'update', '--id', POLICE, '--kind', 'army']);
      expect(bad.code).not.toBe(0);
      expect(`${bad.stdout}${bad.stderr}`).toContain('Loại đơn vị phải là một trong');
      expect(await unitDoc(POLICE)).toMatchObject({ kind: 'police' });

      const missing = await runAdmin(target, ['unit', 'update', '--id', '000.00.99.H23', '--kind', 'police']);
      expect(missing.code).not.toBe(0);
      expect(`${missing.stdout}${missing.stderr}`).toContain('Không có đơn vị 000.00.99.H23');
    },
    CLI_TIMEOUT,
  );
});
