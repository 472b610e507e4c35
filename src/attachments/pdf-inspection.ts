import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

export type PdfInspection =
  | { verdict: 'readable'; pages: number }
  | { verdict: 'encrypted' }
  | { verdict: 'javascript' }
  | { verdict: 'unreadable' };

const JAVASCRIPT = 'JavaScript';

/**
 * Opens a PDF far enough to judge it: encrypted, carrying JavaScript, unreadable, or readable
 * with its page count. Nothing is rendered or rewritten.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  // pdf-lib recovers what it can from a file cut short (a copy from a USB stick that failed):
  // pages may come back without their content. Every complete PDF ends with %%EOF.
  if (!endsWithEofMarker(bytes)) return { verdict: 'unreadable' };
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return { verdict: 'unreadable' };
  }
  // pdf-lib's own isEncrypted is false when the /Encrypt object itself failed to parse: the
  // trailer's entry is what says the content is encrypted.
  if (document.isEncrypted || document.context.trailerInfo.Encrypt !== undefined) return { verdict: 'encrypted' };
  // Every indirect object rather than the known places (/OpenAction, /AA, /Names /JavaScript,
  // annotations, form fields): an action hidden anywhere is still an object of the file.
  if (document.context.enumerateIndirectObjects().some(([, object]) => carriesJavaScript(object))) {
    return { verdict: 'javascript' };
  }
  try {
    const pages = document.getPageCount();
    return pages > 0 ? { verdict: 'readable', pages } : { verdict: 'unreadable' };
  } catch {
    return { verdict: 'unreadable' };
  }
}

/** Readers look for %%EOF in the last 1024 bytes, where some writers leave a little padding after it. */
function endsWithEofMarker(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  return String.fromCharCode(...tail).includes('%%EOF');
}

/** A JavaScript action (/S /JavaScript, or any /JS), a /JavaScript name tree, within this object or its direct children. */
function carriesJavaScript(object: PDFObject): boolean {
  if (object instanceof PDFStream) return carriesJavaScript(object.dict);
  if (object instanceof PDFArray) return object.asArray().some(carriesJavaScript);
  if (!(object instanceof PDFDict)) return false;
  for (const [key, value] of object.entries()) {
    const name = plainName(key);
    if (name === 'JS' || name === JAVASCRIPT) return true;
    if (name === 'S' && value instanceof PDFName && plainName(value) === JAVASCRIPT) return true;
    if (carriesJavaScript(value)) return true;
  }
  return false;
}

/**
 * The name with its #xx escapes decoded. pdf-lib decodes only upper-case hex and re-escapes the
 * `#` of a lower-case one (`/#4a#53` becomes `/#234aS`), so decoding runs until nothing changes.
 */
function plainName(name: PDFName): string {
  let text = name.asString().slice(1);
  for (let pass = 0; pass < 3; pass++) {
    const decoded = text.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (decoded === text) break;
    text = decoded;
  }
  return text;
}
