import { createRxDatabase } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { describe, expect, it } from 'vitest';
import { dossierSchemaV0 } from '../../../renderer/store/schemas/dossier-schema.ts';
import type { DossierDocV0 } from '../../../renderer/store/schemas/dossier-schema.ts';
import { searchKeySchemaV0 } from '../../../renderer/store/schemas/search-key-schema.ts';
import type { SearchKeyDoc } from '../../../renderer/store/schemas/search-key-schema.ts';
import { AGENCY, openTestStore } from './fixtures.ts';
import { TEST_KEY, testStorage, uniqueName, validating } from './test-storage.ts';

function v0Doc(counter: number, applicantName: string): DossierDocV0 {
  const code = `${AGENCY}-251124-${2000 + counter}`;
  const receivedAt = `2025-11-24T0${counter}:00:00.000Z`;
  return {
    code,
    status: 2,
    dueKey: `2025-11-27T10:00:00.000Z|${code}`,
    receivedKey: `${receivedAt}|${code}`,
    receivedDescKey: `${String(9_999_999_999_999 - Date.parse(receivedAt)).padStart(13, '0')}|${code}`,
    holderOfficerId: 'officer-1',
    procedureCode: '1.001612',
    field: 'Hộ tịch',
    applicantName,
    state: { code, status: 2, applicantName, receivedAt, dueAt: '2025-11-27T10:00:00.000Z', eventIds: [], anomalies: [] },
    personal: { applicant: { citizenId: '001085012345' } },
    lastEventId: '',
  };
}

describe('schema migration', () => {
  it('upgrades dossiers (no folded name key) and search keys (no received order) of version 0 when the store opens', async () => {
    const name = uniqueName('migrate');
    const old = await createRxDatabase<{ dossiers: RxCollection<DossierDocV0>; searchkeys: RxCollection<SearchKeyDoc> }>({
      name,
      storage: validating(wrappedKeyEncryptionCryptoJsStorage({ storage: testStorage() })),
      password: TEST_KEY,
      multiInstance: false,
    });
    await old.addCollections({ dossiers: { schema: dossierSchemaV0 }, searchkeys: { schema: searchKeySchemaV0 } });
    await old.collections.dossiers.bulkInsert([v0Doc(1, 'Nguyễn Văn An'), v0Doc(2, 'ĐỖ THỊ HẰNG')]);
    // Search keys of version 0: `<key>|<code>`, without the received order.
    await old.collections.searchkeys.bulkInsert([{ id: `an|${AGENCY}-251124-2001`, code: `${AGENCY}-251124-2001` }]);
    await old.close();

    const store = await openTestStore({ name });
    try {
      const docs = await store.database.collections.dossiers.find({ sort: [{ code: 'asc' }] }).exec();
      expect(docs.map((doc) => [doc.code, doc.nameKey])).toEqual([
        [`${AGENCY}-251124-2001`, 'nguyen van an'],
        [`${AGENCY}-251124-2002`, 'do thi hang'],
      ]);
      expect(store.database.collections.dossiers.schema.version).toBe(1);
      expect(store.database.collections.searchkeys.schema.version).toBe(1);
      const keyIds = (await store.database.collections.searchkeys.find().exec()).map((doc) => doc.id);
      expect(keyIds).not.toContain(`an|${AGENCY}-251124-2001`);
      expect(keyIds).toContain(`an|${v0Doc(1, '').receivedDescKey}`);
      // Encrypted fields survive the migration.
      expect((await store.dossiers.byCode(`${AGENCY}-251124-2001`))?.personal).toEqual({ applicant: { citizenId: '001085012345' } });
      // The name index, new in this version, is rebuilt from the migrated projections.
      expect((await store.dossiers.query({ nameQuery: 'hang' })).items.map((d) => d.code)).toEqual([`${AGENCY}-251124-2002`]);
      expect((await store.dossiers.byCitizenId('001085012345')).map((d) => d.code)).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
