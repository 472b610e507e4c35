import { describe, expect, it } from 'vitest';
import { AUTHORISATION_PAPER_NAME } from '../../../src/dossier/parties.ts';
import { buildProcessControl, buildReceipt } from '../../../src/print/forms/index.ts';
import { DAY, PROCESSING_UNIT, RECEPTION_UNIT, eventFactory, receivedPayload } from '../dossier/fixtures.ts';

const unit = { unitName: 'UBND phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: RECEPTION_UNIT };
const unitNames: Record<string, string> = { [RECEPTION_UNIT]: 'UBND phường Ba Đình', [PROCESSING_UNIT]: 'UBND phường Hoàn Kiếm' };
const officers: Record<string, string> = { 'cb.tiepnhan': 'Nguyễn Thị Lan', 'cb.thuly': 'Trần Văn Bình' };
const officerName = (id: string) => officers[id] ?? id;

describe('process control slip (Mẫu 04 [06]): hand-overs between units', () => {
  const f = eventFactory();
  const events = [
    f.make('RECEIVED', receivedPayload()),
    (f.advance(DAY / 24), f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT })),
    (f.advance(DAY / 24), f.make('ACCEPTED', {}, { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'hk-1' })),
    (f.advance(DAY / 24), f.make('RESOLVED', {}, { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'hk-1' })),
    (f.advance(DAY / 24), f.make('TRANSFERRED', { toUnitId: RECEPTION_UNIT }, { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'hk-1' })),
  ];
  const slip = buildProcessControl({ events, unit, officerName, unitName: (id) => unitNames[id] ?? id });

  it('names the giving and the receiving unit of each hand-over, by name, with its result', () => {
    const handOvers = slip.rows.filter((row) => row.handOver);
    expect(handOvers.map((row) => row.handOver)).toEqual([
      { from: 'UBND phường Ba Đình', to: 'UBND phường Hoàn Kiếm' },
      { from: 'UBND phường Hoàn Kiếm', to: 'UBND phường Ba Đình' },
    ]);
    expect(handOvers.map((row) => row.result)).toEqual(['Trước hạn', 'Trước hạn']);
    expect(JSON.stringify(slip)).not.toContain(PROCESSING_UNIT);
  });

  it('the officer who took a dossier handed to the unit signs off its hand-over as receiver', () => {
    const first = slip.rows.find((row) => row.handOver);
    expect(first).toMatchObject({ giver: 'Nguyễn Thị Lan', receiver: 'Trần Văn Bình' });
    expect(slip.processingBody).toBe('UBND phường Ba Đình');
  });
});

describe('receipt (Mẫu 01) for an organisation handing in through an authorised person', () => {
  it('names the organisation, its tax code and legal representative, and the authorised person who signs', () => {
    const base = receivedPayload();
    const f = eventFactory();
    const received = f.make(
      'RECEIVED',
      receivedPayload({
        applicant: {
          fullName: 'Công ty TNHH Xây dựng Minh Phát',
          address: '12 Phố Huế, Hà Nội',
          organisation: { taxCode: '0100109106', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Giám đốc' } },
        },
        representative: { fullName: 'Phạm Thị Dung', citizenId: '001190004321' },
        papers: [...base.papers, { name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 }],
      }),
    );
    const receipt = buildReceipt({ events: [received], unit, officerName, lookupUrl: 'http://x/tra-cuu' });
    expect(receipt.applicantName).toBe('Công ty TNHH Xây dựng Minh Phát');
    expect(receipt.parties).toEqual({
      organisation: { taxCode: '0100109106', legalRepresentative: 'Trần Văn Quang – Giám đốc' },
      representative: { fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: null },
    });
    expect(receipt.applicantSigner).toBe('Phạm Thị Dung');
    expect(receipt.papers.map((paper) => paper.name)).toContain(AUTHORISATION_PAPER_NAME);
  });

  it('a person applying in person has no party lines and signs themselves', () => {
    const receipt = buildReceipt({ events: [eventFactory().make('RECEIVED', receivedPayload())], unit, officerName, lookupUrl: 'http://x/tra-cuu' });
    expect(receipt.parties).toEqual({ organisation: null, representative: null });
    expect(receipt.applicantSigner).toBeUndefined();
  });
});
