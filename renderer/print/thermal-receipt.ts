import type { DossierEvent } from '../../src/dossier/events.ts';
import { ledgerEntryOf } from '../../src/dossier/ledger-line.ts';
import { agencyGroups, receivedEventOf } from '../../src/print/forms/common.ts';
import type { FormUnit } from '../../src/print/forms/index.ts';
import { layoutReceipt } from '../../src/print/thermal/layout.ts';
import { canvasMeasure, paintReceipt, type Canvas2DLike } from '../../src/print/thermal/paint.ts';
import { thermalReceiptSchema, type ThermalReceipt } from '../../src/print/thermal/receipt.ts';
import { formatTime, localDateOf } from '../../src/time/vn-time.ts';
import { lookupUrl } from '../app/desk-settings.ts';
import type { DeskSettings } from '../app/desk-settings.ts';

/** The receipt without its copy mark: the print service decides the mark at print time. */
export type ThermalReceiptContent = Omit<ThermalReceipt, 'copy'>;

/** Vietnam wall-clock time of an ISO instant, as the receipt wants it (yyyy-MM-ddTHH:mm). */
function localDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return `${localDateOf(ms)}T${formatTime(ms)}`;
}

/**
 * What the 80 mm receipt of a dossier shows, from its RECEIVED event (throws a Vietnamese DomainError
 * without one). `unit` is the issuing unit as the A4 forms have it (form-unit.ts `loadFormUnit`): its
 * kind comes from the province's unit list, so both receipts carry the same header.
 */
export function thermalReceiptOf(
  events: readonly DossierEvent[],
  desk: { unit: Pick<FormUnit, 'unitName' | 'kind'>; settings: Pick<DeskSettings, 'serverUrl'> },
): ThermalReceiptContent {
  const received = receivedEventOf(events);
  const p = received.payload;
  const presented = p.papers.filter((paper) => paper.presentedOnly === true).map((paper) => paper.name);
  const { copy: _copy, ...content } = thermalReceiptSchema.parse({
    agencyGroups: agencyGroups(desk.unit.unitName, desk.unit.kind),
    dossierCode: received.dossierCode,
    applicantName: p.applicant.fullName,
    procedureName: p.procedureName,
    receivedAt: localDateTime(p.receivedAt),
    appointmentAt: localDateTime(p.dueAt),
    papersCount: p.papers.reduce((sum, paper) => sum + paper.originals + paper.copies, 0),
    ...(presented.length > 0 ? { presentedPapers: presented } : {}),
    feeVnd: p.fee.amount,
    lookupUrl: lookupUrl(desk.settings.serverUrl, received.dossierCode),
    ledger: ledgerEntryOf(p, received.dossierCode),
    copy: false,
  });
  return content;
}

/** Fonts with Vietnamese glyphs on the desks' systems (Windows, then Linux), as for the screen. */
export const thermalFontFamily = '"Noto Sans", "Segoe UI", Arial, "DejaVu Sans", sans-serif';

/**
 * Draws the receipt as a PNG 576 dots wide (80 mm at 203 dpi) on a canvas: the printer gets an
 * image, so Vietnamese letters never meet a code page (DESIGN §5).
 */
export async function drawThermalReceipt(receipt: ThermalReceipt): Promise<Uint8Array> {
  await document.fonts.load(`24px ${thermalFontFamily}`).catch(() => undefined);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Trình duyệt không vẽ được ảnh biên nhận (không có canvas 2D).');
  const layout = layoutReceipt(receipt, canvasMeasure(context as unknown as Canvas2DLike), { fontFamily: thermalFontFamily });
  canvas.width = layout.width;
  canvas.height = layout.height;
  paintReceipt(context as unknown as Canvas2DLike, layout);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('Không tạo được ảnh biên nhận.');
  return new Uint8Array(await blob.arrayBuffer());
}
