import { describe, expect, it, vi } from 'vitest';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../../src/auth/officer.ts';
import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import type { DeskBridge, ThermalPrintRequest } from '../../../src/bridge/desk-bridge.ts';
import { createEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import type { ThermalReceipt } from '../../../src/print/thermal/receipt.ts';
import { createPrintService, THERMAL_TIMEOUT_MS } from '../../../renderer/print/print-service.ts';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, type PrinterSettings } from '../../../renderer/print/printer-settings.ts';
import { describeThermalFailure } from '../../../renderer/print/thermal-print-state.ts';
import { thermalReceiptOf } from '../../../renderer/print/thermal-receipt.ts';
import { loadFormUnit } from '../../../renderer/print/form-unit.ts';
import { layoutReceipt } from '../../../src/print/thermal/layout.ts';
import type { DeskStore, PrintLogEntry, PrintRecordInput } from '../../../renderer/store/index.ts';

const NOW = Date.parse('2025-11-24T02:00:00Z');
const code = '000.00.12.H23-251124-1001';
const identity = { agencyId: '000.00.12.H23', deskId: '000.00.12.H23#1', unitName: 'Phường Ba Đình' } as DeskIdentity;
const officer = { id: 'officer-1', fullName: 'Lê Văn Tiếp', role: 'reception' } as OfficerProfile;
const printer = 'tcp://192.168.1.50:9100';

const receipt = {
  agencyGroups: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH'],
  dossierCode: code,
  applicantName: 'Nguyễn Văn An',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: '2025-11-24T09:00',
  appointmentAt: '2025-11-24T17:00',
  papersCount: 2,
  feeVnd: 0,
  lookupUrl: `http://localhost:8080/tra-cuu?ma=${code}`,
};

/**
 * The store's print log as renderer/store/print-log-repository.ts documents it (and the
 * integration tests check it): the second and later prints of a form for a dossier are copies.
 */
function fakeStore(printers: PrinterSettings = { ...DEFAULT_PRINTER_SETTINGS, thermalTarget: printer }) {
  const log: PrintLogEntry[] = [];
  const events: DossierEvent[] = [];
  const failLog = { on: false };
  const store = {
    settings: { get: vi.fn(async (key: string, _schema: unknown, fallback: unknown) => (key === PRINTER_SETTINGS_KEY ? printers : fallback)) },
    printLog: {
      forDossier: vi.fn(async (dossierCode: string) => log.filter((entry) => entry.dossierCode === dossierCode)),
      record: vi.fn(async (input: PrintRecordInput) => {
        if (failLog.on) throw new Error('IndexedDB đầy');
        const subject = input.subject ?? '';
        const earlier = log.filter((entry) => entry.dossierCode === input.dossierCode && entry.form === input.form && entry.subject === subject).length;
        const entry = { ...input, subject, printedAt: new Date(NOW).toISOString(), printNumber: earlier + 1, isCopy: earlier > 0 } as PrintLogEntry;
        log.push(entry);
        return entry;
      }),
    },
    events: {
      append: vi.fn(async (event: DossierEvent) => {
        events.push(event);
        return { event, duplicate: false };
      }),
    },
  } as unknown as DeskStore;
  return { store, log, events, failLog };
}

type ThermalAnswer = { confirmed: boolean } | { reject: unknown };

function setup(answers: ThermalAnswer[], printers?: PrinterSettings) {
  const fake = fakeStore(printers);
  const printThermal = vi.fn(async (_request: ThermalPrintRequest) => {
    const answer = answers.shift();
    if (!answer) throw new Error('no answer scripted');
    if ('reject' in answer) throw answer.reject;
    return { bytesSent: 1000, confirmed: answer.confirmed };
  });
  const drawn: ThermalReceipt[] = [];
  const draw = vi.fn(async (value: ThermalReceipt) => {
    drawn.push(value);
    return Uint8Array.of(value.copy ? 2 : 1);
  });
  const bridge = { printThermal } as unknown as DeskBridge;
  const newEventId = createEventIdGenerator({ now: () => NOW, randomBytes: (n) => new Uint8Array(n).fill(5) });
  const service = createPrintService({ bridge, store: fake.store, identity, officer, now: () => NOW, newEventId, drawThermalReceipt: draw });
  return { ...fake, service, printThermal, drawn };
}

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const reason = await promise.then(
    () => {
      throw new Error('expected the print to fail');
    },
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(BridgeError);
  return reason as BridgeError;
}

const lost = new BridgeError('printer-connection-lost', 'Mất kết nối với máy in 192.168.1.50:9100 giữa chừng.', 'maybe');
const unreachable = new BridgeError('printer-unreachable', 'Không kết nối được máy in 192.168.1.50:9100.', 'no');

describe('80 mm receipt through the print service', () => {
  it('sends the original to the configured printer and logs one slip as an original', async () => {
    const { service, printThermal, drawn, log, events } = setup([{ confirmed: true }]);
    expect(await service.thermalTarget()).toBe(printer);
    const outcome = await service.printThermalReceipt({ dossierCode: code, receipt });
    expect(outcome).toMatchObject({ isCopy: false, confirmed: true, entry: { form: 'receipt', copies: 1, isCopy: false, printNumber: 1 } });
    expect(printThermal).toHaveBeenCalledWith({ target: printer, png: Uint8Array.of(1), cut: true, timeoutMs: THERMAL_TIMEOUT_MS });
    expect(drawn).toEqual([{ ...receipt, copy: false }]);
    expect(log).toHaveLength(1);
    expect(events.map((event) => event.type === 'PRINTED' && event.payload)).toEqual([{ form: 'receipt', copies: 1, isCopy: false }]);
  });

  it('after a clear failure (printer unreachable) logs nothing, and the retry is an original', async () => {
    const { service, drawn, log, events } = setup([{ reject: unreachable }, { confirmed: true }]);
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    expect(error).toMatchObject({ code: 'printer-unreachable', printed: 'no', message: unreachable.message });
    expect(log).toEqual([]);
    expect(events).toEqual([]);

    const retry = await service.printThermalReceipt({ dossierCode: code, receipt, previousFailure: error.printed! });
    expect(retry.isCopy).toBe(false);
    expect(retry.entry).toMatchObject({ isCopy: false, printNumber: 1 });
    expect(drawn.map((value) => value.copy)).toEqual([false, false]);
  });

  it('after an unclear failure (connection lost mid-job) logs the attempt, and the retry prints and logs as a copy', async () => {
    const { service, drawn, log, events } = setup([{ reject: lost }, { confirmed: true }]);
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    expect(error).toMatchObject({ code: 'printer-connection-lost', printed: 'maybe' });
    expect(log.map((entry) => [entry.printNumber, entry.isCopy])).toEqual([[1, false]]);

    const retry = await service.printThermalReceipt({ dossierCode: code, receipt, previousFailure: 'maybe' });
    expect(retry.isCopy).toBe(true);
    expect(retry.entry).toMatchObject({ isCopy: true, printNumber: 2, copies: 1 });
    expect(drawn.map((value) => value.copy)).toEqual([false, true]);
    expect(events.map((event) => event.type === 'PRINTED' && event.payload.isCopy)).toEqual([false, true]);
  });

  it('marks the retry a copy even when the unclear attempt could not be logged', async () => {
    const { service, drawn, failLog } = setup([{ reject: lost }, { confirmed: true }]);
    failLog.on = true;
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    // The printer's message is what the officer sees, not the log's.
    expect(error.message).toBe(lost.message);
    failLog.on = false;
    expect((await service.printThermalReceipt({ dossierCode: code, receipt, previousFailure: error.printed! })).isCopy).toBe(true);
    expect(drawn.map((value) => value.copy)).toEqual([false, true]);
  });

  it('treats an unexpected rejection (no word from the host) as possibly printed', async () => {
    const { service, log } = setup([{ reject: { code: 'internal', message: 'Có lỗi không mong đợi trong ứng dụng.' } }]);
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    expect(error).toMatchObject({ code: 'internal', printed: 'maybe' });
    expect(log).toHaveLength(1);
  });

  it('prints a reprint of an already printed receipt as a copy', async () => {
    const { service, drawn } = setup([{ confirmed: true }, { confirmed: false }]);
    await service.printThermalReceipt({ dossierCode: code, receipt });
    const again = await service.printThermalReceipt({ dossierCode: code, receipt });
    expect(again).toMatchObject({ isCopy: true, confirmed: false, entry: { isCopy: true, printNumber: 2 } });
    expect(drawn.map((value) => value.copy)).toEqual([false, true]);
  });

  it('refuses without a configured printer, and never sends when the image cannot be drawn', async () => {
    const none = setup([], DEFAULT_PRINTER_SETTINGS);
    expect(await none.service.thermalTarget()).toBeNull();
    expect(await rejection(none.service.printThermalReceipt({ dossierCode: code, receipt }))).toMatchObject({ code: 'printer-not-found', printed: 'no' });
    expect(none.printThermal).not.toHaveBeenCalled();

    const broken = setup([]);
    const service = createPrintService({
      bridge: { printThermal: broken.printThermal } as unknown as DeskBridge,
      store: broken.store,
      identity,
      officer,
      now: () => NOW,
      newEventId: () => '0192f0c0-0000-7000-8000-000000000000',
      drawThermalReceipt: async () => {
        throw new Error('canvas hỏng');
      },
    });
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    expect(error).toMatchObject({ code: 'internal', printed: 'no' });
    expect(error.message).toContain('canvas hỏng');
    expect(broken.printThermal).not.toHaveBeenCalled();
    expect(broken.log).toEqual([]);
  });

  it("passes on the web bridge's plain refusal for a network printer: nothing logged, no retry offered", async () => {
    const refusal = new BridgeError('unsupported', 'Trình duyệt không kết nối được trực tiếp tới máy in mạng tcp://192.168.1.50:9100.', 'no');
    const { service, log } = setup([{ reject: refusal }]);
    const error = await rejection(service.printThermalReceipt({ dossierCode: code, receipt }));
    expect(log).toEqual([]);
    const failure = describeThermalFailure(error, code);
    expect(failure.plan.canRetry).toBe(false);
    expect(failure.message).toContain('Trình duyệt không kết nối được');
    expect(failure.next).toContain(`Hồ sơ ${code} đã được lưu`);
  });
});

describe('what the dialog says after a failed thermal print', () => {
  it('tells the officer the dossier is safe and how the retry will be marked', () => {
    const unclear = describeThermalFailure(lost, code);
    expect(unclear).toMatchObject({ printed: 'maybe', plan: { retryIsCopy: true, canRetry: true, logAttempt: true } });
    expect(unclear.next).toContain('đã được lưu, không bị mất');
    expect(unclear.next).toContain('“Bản sao”');

    const clear = describeThermalFailure(unreachable, code);
    expect(clear).toMatchObject({ printed: 'no', plan: { retryIsCopy: false, canRetry: true, logAttempt: false } });
    expect(clear.next).toContain('vẫn là bản chính');

    // A failure crossing Electron's contextBridge arrives as a plain object.
    expect(describeThermalFailure({ name: 'BridgeError', code: 'printer-out-of-paper', message: 'Máy in hết giấy.', printed: 'no' }, code)).toMatchObject({
      message: 'Máy in hết giấy.',
      printed: 'no',
    });
  });
});

describe('the 80 mm receipt of a dossier', () => {
  it('is read from the RECEIVED event in Vietnam time, with the lookup URL of the desk server', () => {
    const received = createEvent(
      {
        type: 'RECEIVED',
        dossierCode: code,
        officerId: 'officer-1',
        deskId: identity.deskId,
        unitId: identity.agencyId,
        payload: {
          procedureCode: '1.001193',
          procedureName: 'Đăng ký khai sinh',
          field: 'Hộ tịch',
          statutoryTime: { kind: 'same-day', cutoff: '15:00' },
          channel: 'in-person',
          applicant: { fullName: 'Nguyễn Văn An' },
          papers: [
            { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
            { name: 'Giấy chứng sinh', originals: 1, copies: 1 },
          ],
          sets: 1,
          fee: { amount: 0 },
          resultDelivery: 'desk',
          receivedAt: '2025-11-24T02:00:00.000Z',
          dueAt: '2025-11-24T10:00:00.000Z',
        },
      } as never,
      { nextId: () => '0192f0c0-0000-7000-8000-000000000001', now: () => NOW },
    );
    const unit = { unitName: identity.unitName };
    expect(thermalReceiptOf([received], { unit, settings: { serverUrl: 'https://motcua.example.vn/' } })).toEqual({
      agencyGroups: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH'],
      dossierCode: code,
      applicantName: 'Nguyễn Văn An',
      procedureName: 'Đăng ký khai sinh',
      receivedAt: '2025-11-24T09:00',
      appointmentAt: '2025-11-24T17:00',
      papersCount: 3,
      feeVnd: 0,
      lookupUrl: `https://motcua.example.vn/tra-cuu?ma=${code}`,
      // Stored before ledger books: no book, and the line its paper printed (the code's number).
      ledger: { book: '', line: '1001' },
    });
    expect(() => thermalReceiptOf([], { unit, settings: { serverUrl: 'https://motcua.example.vn' } })).toThrow(/chưa có sự kiện tiếp nhận/);
  });

  it('takes the unit kind from the pulled unit list like the A4 forms, and prints the ledger book and line', async () => {
    const received = createEvent(
      {
        type: 'RECEIVED',
        dossierCode: code,
        officerId: 'officer-1',
        deskId: identity.deskId,
        unitId: identity.agencyId,
        payload: {
          procedureCode: '1.001193',
          procedureName: 'Đăng ký thường trú',
          field: 'Cư trú',
          statutoryTime: { kind: 'same-day', cutoff: '15:00' },
          channel: 'in-person',
          applicant: { fullName: 'Nguyễn Văn An' },
          papers: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0 }],
          sets: 1,
          fee: { amount: 0 },
          resultDelivery: 'desk',
          receivedAt: '2025-11-24T02:00:00.000Z',
          dueAt: '2025-11-24T10:00:00.000Z',
          ledger: { year: 2025, book: 1, line: 12 },
        },
      } as never,
      { nextId: () => '0192f0c0-0000-7000-8000-000000000002', now: () => NOW },
    );
    // The desk's identity says nothing of its kind and its name reads as a commune: only the unit
    // list the desk pulled (`unit update --kind police`) says it is the police.
    const unitList = new Map<string, unknown>([[`unit:${identity.agencyId}`, { id: identity.agencyId, name: identity.unitName, kind: 'police' }]]);
    const store = {
      reference: {
        get: async (kind: string, key: string, schema: { parse: (value: unknown) => unknown }) => {
          const value = unitList.get(`${kind}:${key}`);
          return value === undefined ? null : { value: schema.parse(value), source: 'server' };
        },
      },
    } as unknown as DeskStore;
    const unit = await loadFormUnit({ identity, store });
    const content = thermalReceiptOf([received], { unit, settings: { serverUrl: 'https://motcua.example.vn' } });
    expect(content.agencyGroups).toEqual(['CÔNG AN', 'PHƯỜNG BA ĐÌNH']);
    expect(content.ledger).toEqual({ book: '01/2025', line: '12' });

    const measure = (text: string) => text.length * 10;
    const texts = layoutReceipt({ ...content, copy: false }, measure, { fontFamily: 'Noto Sans' })
      .items.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
    expect(texts[0]).toBe('CÔNG AN PHƯỜNG BA ĐÌNH');
    expect(texts).toContain('Vào Sổ theo dõi hồ sơ, quyển số: 01/2025, số thứ tự: 12');
  });
});
