import type { ReactElement } from 'react';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../src/auth/officer.ts';
import { toBridgeError } from '../../src/bridge/bridge-error.ts';
import type { DeskBridge, PageSize } from '../../src/bridge/desk-bridge.ts';
import { createEvent } from '../../src/dossier/events.ts';
import type { PrintForm } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import type { DeskStore, PrintLogEntry } from '../store/index.ts';
import { documentHtml } from './document-html.ts';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor, printerSettingsSchema } from './printer-settings.ts';

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
}

export type PrintOutcome = { printed: true; entry: PrintLogEntry } | { printed: false };

export interface PrintService {
  /**
   * Prints through the desk bridge, then records a PRINTED event on the dossier and a print log
   * entry (who, when, form, copies). It goes to the printer chosen in the settings for its page
   * size, else the system default. Cancelling the print dialog logs nothing. A failure after
   * which paper may have come out (`printed: 'maybe'`) is logged too, so a retry is a copy.
   */
  printDocument(request: PrintRequest): Promise<PrintOutcome>;
  /** Whether the next print of `form` for the dossier will be marked "Bản sao". */
  nextIsCopy(dossierCode: string, form: PrintForm): Promise<boolean>;
  /** The HTML that `printDocument` would send, for the preview. */
  render(request: Pick<PrintRequest, 'document' | 'pageSize' | 'title'>, mark: PrintMark): string;
}

export interface PrintServiceDeps {
  bridge: DeskBridge;
  store: DeskStore;
  identity: DeskIdentity;
  officer: OfficerProfile;
  now: () => number;
  newEventId: () => string;
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  async function nextIsCopy(dossierCode: string, form: PrintForm): Promise<boolean> {
    const earlier = await deps.store.printLog.forDossier(dossierCode);
    return earlier.some((entry) => entry.form === form);
  }

  function render(request: Pick<PrintRequest, 'document' | 'pageSize' | 'title'>, mark: PrintMark): string {
    const content = typeof request.document === 'function' ? request.document(mark) : request.document;
    return documentHtml(content, request.pageSize, request.title ?? 'Một cửa');
  }

  async function log(request: PrintRequest, isCopy: boolean): Promise<PrintLogEntry> {
    const copies = request.copies * (request.copiesPerDocument ?? 1);
    const event = createEvent(
      {
        type: 'PRINTED',
        dossierCode: request.dossierCode,
        officerId: deps.officer.id,
        deskId: deps.identity.deskId,
        unitId: deps.identity.agencyId,
        payload: { form: request.form, copies: Math.min(copies, 20), isCopy },
      },
      { nextId: deps.newEventId, now: deps.now },
    );
    await deps.store.events.append(event);
    return deps.store.printLog.record({
      id: event.id,
      dossierCode: event.dossierCode,
      form: request.form,
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
      const isCopy = await nextIsCopy(request.dossierCode, request.form);
      const html = render(request, { isCopy });
      const printers = await deps.store.settings.get(PRINTER_SETTINGS_KEY, printerSettingsSchema, DEFAULT_PRINTER_SETTINGS);
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
  };
}
