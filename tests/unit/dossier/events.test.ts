import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { eventIdTime } from '../../../src/dossier/event-id.ts';
import { MAX_EVENT_BYTES, eventTypes, parseEvent, readStoredEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { ENVELOPE_TEXT_FIELDS, PAYLOAD_TEXT_FIELDS, POISON, SAMPLE_ATTACHED, samplePayloads as filledPayloads, withValueAt } from '../../support/event-text-fields.ts';
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

  it('refuses a digitised file without its paper, a result naming one, a bad hash or an oversized file', () => {
    const factory = eventFactory();
    const base = { hash: 'a'.repeat(64), size: 1000, mediaType: 'application/pdf', pages: 1 } as const;
    expect(() => factory.make('ATTACHED', { ...base, role: 'paper' })).toThrow(/phải ghi tên giấy tờ/);
    expect(() => factory.make('ATTACHED', { ...base, role: 'result', paper: 'Tờ khai' })).toThrow(/phải ghi tên giấy tờ/);
    expect(() => factory.make('ATTACHED', { ...base, role: 'result', hash: 'A'.repeat(64) })).toThrow(/64 chữ số hệ 16/);
    expect(() => factory.make('ATTACHED', { ...base, role: 'result', size: 50 * 1024 * 1024 + 1 })).toThrow(DomainError);
    expect(factory.make('ATTACHED', { ...base, role: 'result' }).type).toBe('ATTACHED');
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
    [['dossierCode'], '000.00.12.H23-251122-0000', 'dossierCode'],
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

  it('takes a legal code issued elsewhere (NNNN outside the desks’ slot scheme)', () => {
    const result = parseEvent(withPath(validEvent(), ['dossierCode'], '000.00.12.h23-251122-0007'));
    expect(result.ok && result.value.dossierCode).toBe('000.00.12.H23-251122-0007');
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

describe('the text rule (issue 18)', () => {
  const samples = filledPayloads(START, PROCESSING_UNIT);
  const fields = eventTypes.flatMap((type) => [...ENVELOPE_TEXT_FIELDS, ...PAYLOAD_TEXT_FIELDS[type]].map((field) => ({ type, ...field, where: field.path.join('.') })));
  const sampleOf = (type: EventType) => eventFactory().make(type, samples[type] as never);

  it.each(fields)('$type $where refuses every poison character, naming "$label"', ({ type, path, label }) => {
    const event = sampleOf(type);
    for (const { name, character } of POISON) {
      const error = rejectionOf(withValueAt(event, path, `Lê${character}Hoa`));
      expect(error.code, name).toBe('event.forbidden_character');
      expect(error.path, name).toEqual(path);
      expect(error.message, name).toMatch(new RegExp(`^${label} có ký tự không được phép \\(.* U\\+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, ở ký tự thứ 3\\)`));
      expect(error.details?.issues).toEqual([expect.objectContaining({ params: { rule: 'allowed-characters', label, lines: expect.any(String) } })]);
    }
  });

  it.each(fields)('$type $where takes a tab, and a line feed only if it is multi-line ($lines)', ({ type, path, lines }) => {
    const event = sampleOf(type);
    expect(parseEvent(withValueAt(event, path, 'Lê\tHoa')).ok).toBe(true);
    expect(parseEvent(withValueAt(event, path, 'Lê\nHoa')).ok).toBe(lines === 'multi-line');
  });

  it('covers every text field of every event type: any other string is a code, a date or an enum', () => {
    const listed = new Set(fields.map((f) => `${f.type}:${f.where}`));
    for (const type of eventTypes) {
      for (const path of stringPaths(sampleOf(type))) {
        const where = path.join('.');
        if (listed.has(`${type}:${where}`)) continue;
        // Not free text: the schema takes a fixed shape that a poison character cannot fit.
        expect(parseEvent(withValueAt(sampleOf(type), path, '\u0000')).ok, `${type} ${where}`).toBe(false);
      }
    }
  });

  it('reads an event stored before the rule, and refuses it as a new one', () => {
    const stored = withValueAt(sampleOf('RECEIVED'), ['payload', 'applicant', 'fullName'], 'Lê\u202EHoa\u0000');
    expect(readStoredEvent(stored)).toMatchObject({ ok: true, value: { payload: { applicant: { fullName: 'Lê\u202EHoa\u0000' } } } });
    expect(parseEvent(stored).ok).toBe(false);
    // Reading stored history does not switch the rule off for what comes after.
    expect(parseEvent(withValueAt(sampleOf('NOTE'), ['payload', 'text'], 'a\u0000')).ok).toBe(false);
    // The structure still counts.
    expect(readStoredEvent({ ...(stored as object), extra: 1 }).ok).toBe(false);
  });

  it('refuses a year 0000 instant, which the database cannot store', () => {
    const error = rejectionOf(withValueAt(sampleOf('RECEIVED'), ['payload', 'receivedAt'], '0000-06-01T00:00:00Z'));
    expect(error).toMatchObject({ code: 'event.bad_shape', path: ['payload', 'receivedAt'] });
    expect(error.message).toContain('năm 0000');
    expect(rejectionOf(withValueAt(sampleOf('NOTE'), ['at'], '0000-01-01T00:00:00.000Z')).path).toEqual(['at']);
  });
});

function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}
