import { describe, expect, it, vi } from 'vitest';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../../src/auth/officer.ts';
import type { DeskBridge, PrintDocumentRequest } from '../../../src/bridge/desk-bridge.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createPrintService } from '../../../renderer/print/print-service.ts';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor } from '../../../renderer/print/printer-settings.ts';
import type { PrinterSettings } from '../../../renderer/print/printer-settings.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';

const NOW = Date.parse('2025-11-24T02:00:00Z');
const code = '000.00.12.H23-251124-1001';
const identity = { agencyId: '000.00.12.H23', deskId: '000.00.12.H23#1' } as DeskIdentity;
const officer = { id: 'officer-1', fullName: 'Lê Văn Tiếp', role: 'reception' } as OfficerProfile;

/** Just what the print service reads and writes, with the printers chosen in the settings. */
function fakeStore(printers: PrinterSettings | null) {
  return {
    settings: { get: vi.fn(async (key: string, _schema: unknown, fallback: unknown) => (key === PRINTER_SETTINGS_KEY && printers ? printers : fallback)) },
    printLog: {
      forDossier: vi.fn(async () => []),
      record: vi.fn(async (input: { id: string }) => ({ ...input, printedAt: new Date(NOW).toISOString(), isCopy: false })),
    },
    events: { append: vi.fn(async (event: unknown) => ({ event, duplicate: false })) },
  } as unknown as DeskStore;
}

async function printedWith(printers: PrinterSettings | null, pageSize: 'A4' | 'A5' | '80mm'): Promise<PrintDocumentRequest> {
  const printDocument = vi.fn(async (_request: PrintDocumentRequest) => ({ printed: true }));
  const bridge = { printDocument } as unknown as DeskBridge;
  const newEventId = createEventIdGenerator({ now: () => NOW, randomBytes: (n) => new Uint8Array(n).fill(3) });
  const service = createPrintService({ bridge, store: fakeStore(printers), identity, officer, now: () => NOW, newEventId });
  await service.printDocument({ form: 'receipt', dossierCode: code, pageSize, copies: 1, document: '<p>Giấy tiếp nhận</p>' });
  const request = printDocument.mock.calls[0]?.[0];
  if (!request) throw new Error('nothing was sent to the printer');
  return request;
}

describe('printer choices', () => {
  const chosen: PrinterSettings = { a4Printer: 'HP-A4', a5Printer: 'Canon-A5', thermalTarget: 'printer:XP-80C' };

  it('picks the printer chosen for the page size, the installed thermal printer for 80 mm', () => {
    expect(printerNameFor(chosen, 'A4')).toBe('HP-A4');
    expect(printerNameFor(chosen, 'A5')).toBe('Canon-A5');
    expect(printerNameFor(chosen, '80mm')).toBe('XP-80C');
    expect(printerNameFor({ ...chosen, thermalTarget: 'tcp://192.168.1.50:9100' }, '80mm')).toBeUndefined();
    expect(printerNameFor(DEFAULT_PRINTER_SETTINGS, 'A4')).toBeUndefined();
  });

  it('sends a print to the chosen printer', async () => {
    expect((await printedWith(chosen, 'A5')).printerName).toBe('Canon-A5');
    expect((await printedWith(chosen, 'A4')).printerName).toBe('HP-A4');
  });

  it('leaves the printer to the system when none was chosen', async () => {
    const request = await printedWith(null, 'A4');
    expect(request).not.toHaveProperty('printerName');
    expect(request).toMatchObject({ pageSize: 'A4', copies: 1, silent: false });
  });
});
