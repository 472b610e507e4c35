import { describe, expect, it } from 'vitest';
import { createEvent } from '../../../src/dossier/events.ts';
import { agencyGroups, buildReceipt, formHeader, RECEPTION_OFFICE } from '../../../src/print/forms/index.ts';

const unit = { unitName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23' };
const code = '000.00.12.H23-251124-1001';
const at = Date.parse('2025-11-24T02:00:00Z');

function receivedWith(papers: unknown[]) {
  return createEvent(
    {
      type: 'RECEIVED',
      dossierCode: code,
      officerId: 'officer-1',
      deskId: 'desk-1',
      unitId: unit.agencyId,
      payload: {
        procedureCode: '1.001193',
        procedureName: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        statutoryTime: { kind: 'same-day', cutoff: '15:00' },
        channel: 'in-person',
        applicant: { fullName: 'Nguyễn Thị Ngọc Anh' },
        papers,
        sets: 1,
        fee: { amount: 0 },
        resultDelivery: 'desk',
        receivedAt: '2025-11-24T02:00:00.000Z',
        dueAt: '2025-11-24T10:00:00.000Z',
      },
    } as never,
    { nextId: () => '0192f0c0-0000-7000-8000-000000000001', now: () => at },
  );
}

describe('the header of the printed forms', () => {
  it('is given as word groups, the unit’s name whole, so a line never breaks inside a name or a word', () => {
    expect(formHeader(unit, at)).toMatchObject({ agency: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH'], office: ['BỘ PHẬN TIẾP NHẬN', 'VÀ TRẢ KẾT QUẢ'] });
    expect(RECEPTION_OFFICE.join(' ')).toBe('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
  });

  it('does not repeat the committee when the unit’s name already carries it', () => {
    expect(agencyGroups('UBND phường Ba Đình')).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH']);
    expect(agencyGroups('Ủy ban nhân dân  xã Đông Anh')).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ ĐÔNG ANH']);
    expect(agencyGroups('Uỷ ban nhân dân xã Đông Anh')).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ ĐÔNG ANH']);
  });
});

describe('papers on the receipt', () => {
  it('lists a paper only shown at the desk as "xuất trình", beside those handed in', () => {
    const receipt = buildReceipt({
      events: [receivedWith([{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }, { name: 'Căn cước công dân', originals: 0, copies: 0, presentedOnly: true }])],
      unit,
      officerName: () => 'Lê Văn Tiếp',
      lookupUrl: `http://localhost:8080/tra-cuu?ma=${code}`,
    });
    expect(receipt.papers).toEqual([
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, presentedOnly: false },
      { name: 'Căn cước công dân', originals: 0, copies: 0, presentedOnly: true },
    ]);
  });
});
