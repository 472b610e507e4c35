import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { AUTHORISATION_PAPER_NAME } from '../../../src/dossier/parties.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

let store: DeskStore;
afterEach(async () => {
  await store.close();
});

const make = eventFactory();
const codes = (page: { items: { code: string }[] }) => page.items.map((item) => item.code);

describe('an organisation and its authorised person in the desk store', () => {
  it('finds the dossier by the tax code (branch included) and by the authorised person’s citizen ID', async () => {
    store = await openTestStore();
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload({ name: 'Nguyễn Văn An' })));
    const base = receivedPayload({ receivedAt: '2025-11-24T02:00:00.000Z' });
    await store.events.append(
      make('RECEIVED', codeOf(2), {
        ...base,
        applicant: {
          fullName: 'Công ty TNHH Xây dựng Minh Phát',
          address: '12 Phố Huế, Hà Nội',
          organisation: { taxCode: '0100109106-001', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Giám đốc' } },
        },
        representative: { fullName: 'Phạm Thị Dung', citizenId: '001190004321' },
        papers: [...base.papers, { name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 }],
      }),
    );
    expect(codes(await store.dossiers.query({ nameQuery: '0100109106' }))).toEqual([codeOf(2)]);
    expect(codes(await store.dossiers.query({ nameQuery: '0100109106-001' }))).toEqual([codeOf(2)]);
    expect(codes(await store.dossiers.query({ nameQuery: 'minh phat' }))).toEqual([codeOf(2)]);
    expect((await store.dossiers.byCitizenId('001190004321')).map((dossier) => dossier.code)).toEqual([codeOf(2)]);
  });
});
