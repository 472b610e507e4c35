import type { ReactElement } from 'react';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../src/auth/officer.ts';
import { BridgeError, toBridgeError } from '../../src/bridge/bridge-error.ts';
import type { PrintedOutcome } from '../../src/bridge/bridge-error.ts';
import type { DeskBridge, PageSize } from '../../src/bridge/desk-bridge.ts';
import { createEvent } from '../../src/dossier/events.ts';
import type { PrintForm } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import { planAfterFailure, printedOutcomeOf, receiptIsCopy } from '../../src/print/thermal/reprint.ts';
import type { ThermalReceipt } from '../../src/print/thermal/receipt.ts';
import type { DeskStore, PrintLogEntry } from '../store/index.ts';
import { documentHtml } from './document-html.ts';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor, printerSettingsSchema } from './printer-settings.ts';
import { drawThermalReceipt, type ThermalReceiptContent } from './thermal-receipt.ts';

/** What the document is told when it is rendered for a print. */
export interface PrintMark {
  /** A reprint (the second or later print of this form for this dossier): show "Bản sao". */
  isCopy: boolean;
}

export interface PrintRequest {
  form: PrintForm;
  dossierCode: string;
  pageSize: PageSize;
  /** How many times the printer prints the document (1–20). */
  copies: number;
  /** Sheets of one document that are copies of each other (the receipt's two "liên"); logged as copies. */
  copiesPerDocument?: number;
  /** The document: an element, a body HTML string, or a function of the print mark. */
  document: ReactElement | string | ((mark: PrintMark) => ReactElement | string);
  /** Title of the print job, e.g. "Giấy tiếp nhận 000.00.12.H23-251122-1001". */
  title?: string;
  /** Which document of the form, when a dossier has several (a fee receipt's key): its own copies. */
  subject?: string;
}

export type PrintOutcome = { printed: true; entry: PrintLogEntry } | { printed: false };

export interface ThermalReceiptRequest {
  dossierCode: string;
  /** What the receipt shows; the service adds the copy mark. */
  receipt: ThermalReceiptContent;
  /** How the previous attempt in this dialog failed, if it did: a retry after `maybe` is a copy. */
  previousFailure?: PrintedOutcome;
}

export interface ThermalPrintOutcome {
  /** The print log entry of this print (`isCopy` as the log counts it). */
  entry: PrintLogEntry;
  /** Whether the receipt carried "BẢN SAO". */
  isCopy: boolean;
  /** The printer confirmed it received the whole job (network printers that answer status). */
  confirmed: boolean;
}

/** Per wait (connect, status, delivery) on the thermal printer: long enough for a busy LAN, short enough not to hang the desk. */
export const THERMAL_TIMEOUT_MS = 5_000;

export interface PrintService {
  /**
   * Prints through the desk bridge, then records a PRINTED event on the dossier and a print log
   * entry (who, when, form, copies). It goes to the printer chosen in the settings for its page
   * size, else the system default. Cancelling the print dialog logs nothing. A failure after
   * which paper may have come out (`printed: 'maybe'`) is logged too, so a retry is a copy.
   */
  printDocument(request: PrintRequest): Promise<PrintOutcome>;
  /** Whether the next print of `form` (and `subject`) for the dossier will be marked "Bản sao". */
  nextIsCopy(dossierCode: string, form: PrintForm, subject?: string): Promise<boolean>;
  /** The HTML that `printDocument` would send, for the preview. */
  render(request: Pick<PrintRequest, 'document' | 'pageSize' | 'title'>, mark: PrintMark): string;
  /** The receipt printer chosen in the printer settings (`tcp://host:port` or `printer:NAME`), or null. */
  thermalTarget(): Promise<string | null>;
  /**
   * Prints the 80 mm receipt on the configured thermal printer through the desk bridge's thermal
   * service, then records a PRINTED event and a print log entry (one slip). The receipt is marked
   * "BẢN SAO" when it was printed before or when `previousFailure` is `maybe`.
   * Rejects with a `BridgeError` whose `printed` is settled ('no' | 'maybe'): a `maybe` attempt is
   * logged before rejecting, so the log counts it and the retry is logged as a copy; a `no`
   * attempt (printer unreachable, out of paper before sending) logs nothing and its retry is an
   * original. The dossier itself is never touched by a failed print.
   */
  printThermalReceipt(request: ThermalReceiptRequest): Promise<ThermalPrintOutcome>;
}

export interface PrintServiceDeps {
  bridge: DeskBridge;
  store: DeskStore;
  identity: DeskIdentity;
  officer: OfficerProfile;
  now: () => number;
  newEventId: () => string;
  /** Draws the receipt PNG (576 dots wide); the canvas by default, injected in tests. */
  drawThermalReceipt?: (receipt: ThermalReceipt) => Promise<Uint8Array>;
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  async function nextIsCopy(dossierCode: string, form: PrintForm, subject?: string): Promise<boolean> {
    const earlier = await deps.store.printLog.forDossier(dossierCode);
    return earlier.some((entry) => entry.form === form && entry.subject === (subject ?? ''));
  }

  function render(request: Pick<PrintRequest, 'document' | 'pageSize' | 'title'>, mark: PrintMark): string {
    const content = typeof request.document === 'function' ? request.document(mark) : request.document;
    return documentHtml(content, request.pageSize, request.title ?? 'Một cửa');
  }

  const draw = deps.drawThermalReceipt ?? drawThermalReceipt;

  async function printerSettings() {
    return deps.store.settings.get(PRINTER_SETTINGS_KEY, printerSettingsSchema, DEFAULT_PRINTER_SETTINGS);
  }

  async function log(request: Pick<PrintRequest, 'form' | 'dossierCode' | 'copies' | 'copiesPerDocument' | 'subject'>, isCopy: boolean): Promise<PrintLogEntry> {
    const copies = request.copies * (request.copiesPerDocument ?? 1);
    const event = createEvent(
      {
        type: 'PRINTED',
        dossierCode: request.dossierCode,
        officerId: deps.officer.id,
        deskId: deps.identity.deskId,
        unitId: deps.identity.agencyId,
        payload: { form: request.form, ...(request.subject ? { subject: request.subject } : {}), copies: Math.min(copies, 20), isCopy },
      },
      { nextId: deps.newEventId, now: deps.now },
    );
    await deps.store.events.append(event);
    return deps.store.printLog.record({
      id: event.id,
      dossierCode: event.dossierCode,
      form: request.form,
      ...(request.subject ? { subject: request.subject } : {}),
      officerId: deps.officer.id,
      deskId: deps.identity.deskId,
      copies,
    });
  }

  return {
    nextIsCopy,
    render,
    async printDocument(request) {
      if (!Number.isInteger(request.copies) || request.copies < 1 || request.copies > 20) {
        throw new DomainError('print.bad_copies', 'Số bản in phải từ 1 đến 20.', ['copies']);
      }
      const isCopy = await nextIsCopy(request.dossierCode, request.form, request.subject);
      const html = render(request, { isCopy });
      const printers = await printerSettings();
      const printerName = printerNameFor(printers, request.pageSize);
      try {
        const result = await deps.bridge.printDocument({
          html,
          ...(printerName ? { printerName } : {}),
          silent: false,
          copies: request.copies,
          pageSize: request.pageSize,
        });
        if (!result.printed) return { printed: false };
      } catch (reason) {
        const error = toBridgeError(reason);
        if (error.printed === 'maybe') await log(request, isCopy);
        throw error;
      }
      return { printed: true, entry: await log(request, isCopy) };
    },

    async thermalTarget() {
      return (await printerSettings()).thermalTarget || null;
    },

    async printThermalReceipt(request) {
      const logged = { form: 'receipt' as const, dossierCode: request.dossierCode, copies: 1 };
      let isCopy: boolean;
      let target: string;
      let png: Uint8Array;
      try {
        const configured = (await printerSettings()).thermalTarget;
        if (!configured) {
          throw new BridgeError('printer-not-found', 'Chưa cài đặt máy in nhiệt 80 mm. Vào Cài đặt → Máy in để nhập địa chỉ máy in.', 'no');
        }
        target = configured;
        isCopy = receiptIsCopy({ printedBefore: await nextIsCopy(request.dossierCode, 'receipt'), previousFailure: request.previousFailure });
        png = await draw({ ...request.receipt, copy: isCopy });
      } catch (reason) {
        // Nothing was sent yet: whatever went wrong, no paper came out.
        if (reason instanceof BridgeError) throw reason;
        const detail = reason instanceof Error ? reason.message : String(reason);
        throw new BridgeError('internal', `Chưa in được biên nhận: ${detail}`, 'no');
      }

      let confirmed: boolean;
      try {
        ({ confirmed } = await deps.bridge.printThermal({ target, png, cut: true, timeoutMs: THERMAL_TIMEOUT_MS }));
      } catch (reason) {
        const error = toBridgeError(reason);
        const printed = printedOutcomeOf(error);
        if (planAfterFailure(error).logAttempt) {
          // Paper may be out: the log counts this attempt so the retry is a copy. A failing log
          // must not hide the printer's message; the dialog still marks the retry from `printed`.
          await log(logged, isCopy).catch(() => undefined);
        }
        throw new BridgeError(error.code, error.message, printed);
      }

      try {
        return { entry: await log(logged, isCopy), isCopy, confirmed };
      } catch (reason) {
        const detail = reason instanceof Error ? reason.message : String(reason);
        throw new BridgeError('internal', `Đã gửi biên nhận tới máy in nhưng chưa ghi được nhật ký in: ${detail}`, 'maybe');
      }
    },
  };
}
