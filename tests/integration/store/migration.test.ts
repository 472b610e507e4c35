import { createRxDatabase } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { describe, expect, it } from 'vitest';
import { dossierSchemaV0 } from '../../../renderer/store/schemas/dossier-schema.ts';
import type { DossierDocV0 } from '../../../renderer/store/schemas/dossier-schema.ts';
import { printLogSchemaV0, type PrintLogDoc } from '../../../renderer/store/schemas/print-log-schema.ts';
import { searchKeySchemaV0 } from '../../../renderer/store/schemas/search-key-schema.ts';
import type { SearchKeyDoc } from '../../../renderer/store/schemas/search-key-schema.ts';
import { AGENCY, codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';
import { eventSchema } from '../../../renderer/store/schemas/event-schema.ts';
import type { EventDoc } from '../../../renderer/store/schemas/event-schema.ts';
import { splitPersonal } from '../../../renderer/store/personal-data.ts';
import { normalizeInstant } from '../../../renderer/store/instant.ts';
import { TEST_KEY, testStorage, uniqueName, validating } from './test-storage.ts';

const make = eventFactory();
const received = (['Nguyễn Văn An', 'ĐỖ THỊ HẰNG'] as const).map((name, index) => make('RECEIVED', codeOf(index + 1), receivedPayload({ name, citizenId: '001085012345' })));

function eventDocOf(event: (typeof received)[number]): EventDoc {
  const { clear, personal } = splitPersonal(event);
  return { id: event.id, dossierCode: event.dossierCode, type: event.type, at: normalizeInstant(event.at), event: clear, personal };
}

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
    state: { code, status: 2, applicantName, receivedAt, dueAt: '2025-11-27T10:00:00.000Z', eventIds: [received[counter - 1]?.id], anomalies: [] },
    personal: { applicant: { citizenId: '001085012345' } },
    lastEventId: '',
  };
}

describe('schema migration', () => {
  it('upgrades dossiers (no folded name key; personal data dropped) and search keys (no received order) of version 0 when the store opens', async () => {
    const name = uniqueName('migrate');
    const old = await createRxDatabase<{ dossiers: RxCollection<DossierDocV0>; searchkeys: RxCollection<SearchKeyDoc>; events: RxCollection<EventDoc> }>({
      name,
      storage: validating(wrappedKeyEncryptionCryptoJsStorage({ storage: testStorage() })),
      password: TEST_KEY,
      multiInstance: false,
    });
    await old.addCollections({ dossiers: { schema: dossierSchemaV0 }, searchkeys: { schema: searchKeySchemaV0 }, events: { schema: eventSchema } });
    await old.collections.events.bulkInsert(received.map(eventDocOf));
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
      expect(store.database.collections.dossiers.schema.version).toBe(2);
      // Version 2 keeps no personal data in projections: it comes from the encrypted events.
      expect(docs[0]?.toJSON()).not.toHaveProperty('personal');
      expect(store.database.collections.searchkeys.schema.version).toBe(1);
      const keyIds = (await store.database.collections.searchkeys.find().exec()).map((doc) => doc.id);
      expect(keyIds).not.toContain(`an|${AGENCY}-251124-2001`);
      expect(keyIds).toContain(`an|${v0Doc(1, '').receivedDescKey}`);
      // Contact data still read back, from the events.
      expect((await store.dossiers.byCode(`${AGENCY}-251124-2001`))?.personal).toMatchObject({ applicant: { citizenId: '001085012345', phone: '0912 345 678' } });
      // The name index, new in this version, is rebuilt from the migrated projections.
      expect((await store.dossiers.query({ nameQuery: 'hang' })).items.map((d) => d.code)).toEqual([`${AGENCY}-251124-2002`]);
      expect((await store.dossiers.byCitizenId('001085012345')).map((d) => d.code)).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('upgrades the print log of version 0: earlier prints have no subject, and a fee receipt’s first print is not a copy of them', async () => {
    const name = uniqueName('migrate-printlog');
    const old = await createRxDatabase<{ printlog: RxCollection<Omit<PrintLogDoc, 'subject'>> }>({
      name,
      storage: validating(wrappedKeyEncryptionCryptoJsStorage({ storage: testStorage() })),
      password: TEST_KEY,
      multiInstance: false,
    });
    await old.addCollections({ printlog: { schema: printLogSchemaV0 } });
    const code = codeOf(1);
    await old.collections.printlog.insert({ id: 'print-1', dossierCode: code, form: 'fee-receipt', officerId: 'officer-1', deskId: `${AGENCY}#1`, printedAt: '2025-11-24T02:00:00.000Z', copies: 1, printNumber: 1, isCopy: false });
    await old.close();

    const store = await openTestStore({ name });
    try {
      expect(store.database.collections.printlog.schema.version).toBe(1);
      expect((await store.printLog.forDossier(code)).map((entry) => entry.subject)).toEqual(['']);
      const entry = { dossierCode: code, form: 'fee-receipt' as const, officerId: 'officer-1', deskId: `${AGENCY}#1`, copies: 1 };
      expect(await store.printLog.record({ ...entry, id: 'print-2', subject: 'BL25-Q1/0000002' })).toMatchObject({ printNumber: 1, isCopy: false });
      expect(await store.printLog.record({ ...entry, id: 'print-3', subject: 'BL25-Q1/0000002' })).toMatchObject({ printNumber: 2, isCopy: true });
    } finally {
      await store.close();
    }
  });
});
