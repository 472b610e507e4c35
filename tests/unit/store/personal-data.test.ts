import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PERSONAL_FIELD_NAMES, joinPersonal, splitPersonal } from '../../../renderer/store/personal-data.ts';
import { canonicalJson } from '../../../src/canonical-json.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent, eventTypes, parseEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { SAMPLE_ATTACHED } from '../../support/event-text-fields.ts';

const nextId = createEventIdGenerator({ now: () => 1_764_000_000_000, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
const at = { nextId, now: () => 1_764_000_000_000 };

/** The fullest payload of each type, so every optional personal field is present. */
const payloads: { [T in EventType]: PayloadInput<T> } = {
  RECEIVED: {
    procedureCode: '1.001612',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    statutoryTime: { kind: 'same-day' },
    channel: 'in-person',
    applicant: {
      fullName: 'Nguyễn Văn An',
      citizenId: '001085012345',
      birthDate: '1985-03-02',
      sex: 'male',
      phone: '0912345678',
      email: 'an@example.vn',
      address: 'Ba Đình, Hà Nội',
      organisation: { taxCode: '0100109106', legalRepresentative: { fullName: 'Lê Văn Cường', position: 'Giám đốc', citizenId: '001080001234' } },
    },
    representative: { fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: '0987654321' },
    papers: [
      { name: 'Tờ khai', originals: 1, copies: 1 },
      { name: 'Giấy ủy quyền (văn bản ủy quyền)', originals: 1, copies: 0 },
    ],
    sets: 1,
    fee: { amount: 8000, note: 'Lệ phí' },
    resultDelivery: 'post',
    notes: 'Ghi chú',
    receivedAt: '2025-11-24T01:00:00Z',
    dueAt: '2025-11-24T09:00:00Z',
    linkedGroupId: 'group-1',
  },
  SUPPLEMENT_REQUESTED: { reason: 'Thiếu giấy', items: ['Bản sao'] },
  SUPPLEMENT_RECEIVED: { pausedWorkingMinutes: 30, newDueAt: '2025-11-25T09:00:00Z' },
  REFUSED: { reason: 'Không thuộc thẩm quyền' },
  TRANSFERRED: { toUnitId: '000.00.12.H23', toOfficerId: 'o2', note: 'Chuyển' },
  ACCEPTED: {},
  RESOLVED: { resultSummary: 'Xong' },
  RETURNED: { collectedBy: { fullName: 'Trần Thị Bình', citizenId: '001190007788', relation: 'other' }, note: 'Đã trả' },
  WITHDRAWN: { reason: 'Công dân rút' },
  STOPPED: { reason: 'Dừng' },
  EXTENDED: { reason: 'Xin lỗi', responsibleUnit: 'Phòng Tư pháp', newDueAt: '2025-11-28T09:00:00Z' },
  FINANCIAL_OBLIGATION_REQUESTED: { note: 'Nộp thuế' },
  FINANCIAL_OBLIGATION_FULFILLED: { note: 'Đã nộp' },
  NOTE: { text: 'Ghi chú' },
  PRINTED: { form: 'receipt', copies: 1, isCopy: false },
  FEE_RECEIPT_ISSUED: {
    symbol: 'BL25-Q1',
    number: 1,
    amount: 8000,
    description: 'Lệ phí đăng ký khai sinh',
    method: 'cash',
    payer: { fullName: 'Nguyễn Văn An', address: 'Ba Đình, Hà Nội' },
  },
  FEE_RECEIPT_VOIDED: { symbol: 'BL25-Q1', number: 1, reason: 'Thu nhầm số tiền' },
  ATTACHED: SAMPLE_ATTACHED,
};

function eventOf(type: EventType): DossierEvent {
  return createEvent(
    { type, dossierCode: '000.00.12.H23-251124-2001', officerId: 'o1', deskId: 'd1', unitId: '000.00.12.H23', payload: payloads[type] as never },
    at,
  );
}

function keysOf(value: unknown, found: string[] = []): string[] {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.push(key);
      keysOf(child, found);
    }
  }
  return found;
}

describe('personal data split', () => {
  it.each(eventTypes)('%s keeps no personal field in the clear part and joins back exactly', (type) => {
    const event = eventOf(type);
    const { clear, personal } = splitPersonal(event);
    expect(keysOf(clear).filter((key) => PERSONAL_FIELD_NAMES.has(key))).toEqual([]);
    const joined = joinPersonal(clear, personal);
    expect(canonicalJson(joined)).toBe(canonicalJson(event));
    const reparsed = parseEvent(joined);
    expect(reparsed.ok && canonicalJson(reparsed.value)).toBe(canonicalJson(event));
  });

  it('moves the applicant and collector data into the personal part', () => {
    expect(splitPersonal(eventOf('RECEIVED')).personal).toEqual({
      'payload.applicant.citizenId': '001085012345',
      'payload.applicant.birthDate': '1985-03-02',
      'payload.applicant.phone': '0912345678',
      'payload.applicant.email': 'an@example.vn',
      'payload.applicant.address': 'Ba Đình, Hà Nội',
      'payload.applicant.organisation.legalRepresentative.citizenId': '001080001234',
      'payload.representative.citizenId': '001190004321',
      'payload.representative.phone': '0987654321',
    });
    expect(splitPersonal(eventOf('RETURNED')).personal).toEqual({ 'payload.collectedBy.citizenId': '001190007788' });
  });

  it('does not modify the event it splits', () => {
    const event = eventOf('RECEIVED');
    const before = canonicalJson(event);
    splitPersonal(event);
    expect(canonicalJson(event)).toBe(before);
  });
});

describe('canonical JSON', () => {
  it('ignores key order and undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: { d: [2, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, 1] } }));
  });
});
