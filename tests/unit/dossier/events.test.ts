import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { eventIdTime } from '../../../src/dossier/event-id.ts';
import { MAX_EVENT_BYTES, eventTypes, parseEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { CODE, PROCESSING_UNIT, START, eventFactory, iso, receivedPayload } from './fixtures.ts';

const samplePayloads: { [T in EventType]: PayloadInput<T> } = {
  RECEIVED: receivedPayload(),
  SUPPLEMENT_REQUESTED: { reason: 'Thiếu giấy tờ', items: ['Bản sao giấy khai sinh'] },
  SUPPLEMENT_RECEIVED: { pausedWorkingMinutes: 480, newDueAt: iso(START + 5 * 86_400_000) },
  REFUSED: { reason: 'Không thuộc thẩm quyền' },
  TRANSFERRED: { toUnitId: PROCESSING_UNIT, toOfficerId: 'cb.thuly', note: 'Chuyển thụ lý' },
  ACCEPTED: {},
  RESOLVED: { resultSummary: 'Đã ký giấy xác nhận' },
  RETURNED: { collectedBy: { fullName: 'Nguyễn Văn An', citizenId: '001090012345' } },
  WITHDRAWN: { reason: 'Công dân xin rút' },
  STOPPED: { reason: 'Có văn bản tạm dừng của cơ quan có thẩm quyền' },
  EXTENDED: { reason: 'Cần xác minh thêm', responsibleUnit: 'Công an xã', newDueAt: iso(START + 6 * 86_400_000) },
  FINANCIAL_OBLIGATION_REQUESTED: { note: 'Nộp lệ phí trước bạ' },
  FINANCIAL_OBLIGATION_FULFILLED: {},
  NOTE: { text: 'Công dân gọi điện hỏi tiến độ' },
  PRINTED: { form: 'receipt', copies: 2, isCopy: false },
};

function validEvent(): DossierEvent {
  return eventFactory().make('RECEIVED', receivedPayload());
}

function rejectionOf(input: unknown): DomainError {
  const result = parseEvent(input);
  if (result.ok) throw new Error('expected rejection');
  return result.error;
}

function withPath(event: DossierEvent, path: string[], value: unknown): unknown {
  const copy = structuredClone(event) as unknown as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return copy;
}

describe('createEvent', () => {
  it('builds a valid unsynced event with a UUIDv7 id and the desk time', () => {
    const factory = eventFactory();
    const event = factory.make('NOTE', { text: 'Ghi chú' });
    expect(event).toMatchObject({ type: 'NOTE', dossierCode: CODE, at: iso(START), serverAt: null, schemaVersion: 1 });
    expect(eventIdTime(event.id)).toBe(START);
  });

  it.each(eventTypes)('builds and round-trips %s through JSON', (type) => {
    const event = eventFactory().make(type, samplePayloads[type] as never);
    expect(event.type).toBe(type);
    expect(parseEvent(JSON.stringify(event))).toEqual({ ok: true, value: event });
  });

  it('trims and NFC-normalises every text field, upper-cases ids', () => {
    const decomposed = '  Nguye\u0302\u0303n Va\u0306n An  ';
    const event = eventFactory().make(
      'RECEIVED',
      receivedPayload({ applicant: { fullName: decomposed }, papers: [{ name: ' To\u031B\u0300 khai ', originals: 1, copies: 1 }] }),
      { unitId: ' 000.00.12.h23 ', dossierCode: ' 000.00.12.h23-251122-1007 ' },
    );
    expect(event.payload.applicant.fullName).toBe('Nguyễn Văn An');
    expect(event.payload.applicant.fullName).toBe(event.payload.applicant.fullName.normalize('NFC'));
    expect(event.payload.papers[0]?.name).toBe('Tờ khai');
    expect(event.unitId).toBe('000.00.12.H23');
    expect(event.dossierCode).toBe(CODE);
  });

  it('throws a DomainError naming the bad field', () => {
    const factory = eventFactory();
    let caught: unknown;
    try {
      factory.make('SUPPLEMENT_REQUESTED', { reason: '   ', items: ['Giấy khai sinh'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).path).toEqual(['payload', 'reason']);
  });
});

describe('parseEvent', () => {
  it.each([
    [['payload', 'applicant', 'citizenId'], '12345', 'payload.applicant.citizenId'],
    [['payload', 'applicant', 'birthDate'], '2025-02-29', 'payload.applicant.birthDate'],
    [['payload', 'applicant', 'email'], 'not-an-email', 'payload.applicant.email'],
    [['payload', 'applicant', 'phone'], 'abc', 'payload.applicant.phone'],
    [['payload', 'channel'], 'fax', 'payload.channel'],
    [['payload', 'sets'], 0, 'payload.sets'],
    [['payload', 'fee', 'amount'], -1, 'payload.fee.amount'],
    [['payload', 'statutoryTime'], { kind: 'weeks', weeks: 1 }, 'payload.statutoryTime.kind'],
    [['payload', 'procedureName'], 'x'.repeat(501), 'payload.procedureName'],
    [['payload', 'dueAt'], iso(START - 1), 'payload.dueAt'],
    [['payload', 'papers'], [{ name: 'Tờ khai', originals: 0, copies: 0 }], 'payload.papers.0.originals'],
    [['at'], '2025-11-22T08:00:00+07:00', 'at'],
    [['serverAt'], 'yesterday', 'serverAt'],
    [['id'], '017F22E2-79B0-7CC3-98C4-DC0C0C07398F', 'id'],
    [['dossierCode'], '000.00.12.H23-251122-0007', 'dossierCode'],
    [['unitId'], 'H23', 'unitId'],
    [['officerId'], '', 'officerId'],
    [['schemaVersion'], 2, 'schemaVersion'],
  ])('rejects a bad %j and names "%s"', (path, value, where) => {
    const error = rejectionOf(withPath(validEvent(), path as string[], value));
    expect(error.code).toBe('event.bad_shape');
    expect(error.path?.join('.')).toBe(where);
    expect(error.message).toContain(`"${where}"`);
    expect(error.message).toMatch(/^Sự kiện không hợp lệ/);
  });

  it('explains a bad dossier code with the code parser message', () => {
    expect(rejectionOf(withPath(validEvent(), ['dossierCode'], 'abc')).message).toContain('không đúng dạng');
  });

  it('rejects unknown keys and unknown types', () => {
    expect(rejectionOf({ ...validEvent(), extra: 1 }).code).toBe('event.bad_shape');
    expect(rejectionOf(withPath(validEvent(), ['payload', 'secret'], 'x')).path).toEqual(['payload']);
    expect(rejectionOf({ ...validEvent(), type: 'DELETED' }).path).toEqual(['type']);
    expect(rejectionOf(null).path).toEqual([]);
    expect(rejectionOf(null).message).toContain('toàn bộ sự kiện');
  });

  it('accepts a server-stamped event', () => {
    const stamped = { ...validEvent(), serverAt: iso(START + 1000) };
    expect(parseEvent(stamped)).toEqual({ ok: true, value: stamped });
  });

  it('rejects text that is not JSON, and values that cannot be JSON', () => {
    expect(rejectionOf('{"id":').code).toBe('event.bad_json');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(rejectionOf(cyclic).code).toBe('event.bad_json');
    expect(rejectionOf(10n).code).toBe('event.bad_json');
  });

  it('rejects events above 64 KB of UTF-8, counting multi-byte letters', () => {
    const base = eventFactory().make('NOTE', { text: 'a' });
    const fixedBytes = JSON.stringify(base).length - 1;
    // 'ệ' is 3 bytes in UTF-8: the character count stays far below the limit, the byte count does not.
    const heavy = { ...base, payload: { text: 'ệ'.repeat(Math.ceil((MAX_EVENT_BYTES - fixedBytes) / 3) + 1) } };
    expect(JSON.stringify(heavy).length).toBeLessThan(MAX_EVENT_BYTES);
    const error = rejectionOf(heavy);
    expect(error.code).toBe('event.too_large');
    expect(error.message).toContain('quá lớn');
    expect(rejectionOf(JSON.stringify(heavy)).code).toBe('event.too_large');
    // Just under the limit the size guard lets it through to the schema (which caps a note at 2000 characters).
    const light = { ...base, payload: { text: 'a'.repeat(MAX_EVENT_BYTES - fixedBytes - 1) } };
    expect(rejectionOf(light).code).toBe('event.bad_shape');
    // Astral characters count 4 bytes.
    expect(rejectionOf({ ...base, payload: { text: '𝕏'.repeat(MAX_EVENT_BYTES / 4) } }).code).toBe('event.too_large');
    expect(rejectionOf({ ...base, payload: { text: 'ă'.repeat(MAX_EVENT_BYTES / 2) } }).code).toBe('event.too_large');
  });

  it('counts the UTF-8 bytes exactly at the limit, whatever the letters', () => {
    const base = eventFactory().make('NOTE', { text: 'a' });
    const room = MAX_EVENT_BYTES - (Buffer.byteLength(JSON.stringify(base)) - 1);
    for (const letter of ['a', 'ă', 'ệ', '𝕏']) {
      const letterBytes = Buffer.byteLength(letter);
      const fill = 'a'.repeat(room % letterBytes) + letter.repeat(Math.floor(room / letterBytes));
      const atLimit = { ...base, payload: { text: fill } };
      expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(MAX_EVENT_BYTES);
      expect(rejectionOf(atLimit).code).toBe('event.bad_shape');
      expect(rejectionOf({ ...base, payload: { text: `${fill}a` } }).details).toEqual({ bytes: MAX_EVENT_BYTES + 1 });
    }
    // Text input may hold a lone surrogate: it counts 3 bytes, as the U+FFFD it is encoded as.
    const text = JSON.stringify({ ...base, payload: { text: `${'a'.repeat(room - 1)}Z` } }).replace('aZ"', '\uD800"');
    expect(rejectionOf(text).details).toEqual({ bytes: MAX_EVENT_BYTES + 1 });
  });
});
