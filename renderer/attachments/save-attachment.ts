import { assemblePdf } from '../../src/attachments/assemble-pdf.ts';
import { checkIncomingFile } from '../../src/attachments/check-file.ts';
import type { PayloadInput } from '../../src/dossier/events.ts';
import type { Instant } from '../../src/time/vn-time.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { DraftPart } from './draft-parts.ts';
import { toPaperParts } from './draft-parts.ts';

export interface AttachmentTarget {
  role: 'paper' | 'result';
  /** The checklist paper's name (role 'paper'). */
  paper?: string;
  /** The file it replaces (a rescan). */
  replaces?: string;
  /** The PDF's title and default file name. */
  title: string;
}

export interface SaveAttachmentDeps {
  blobs: Pick<BlobStore, 'put'>;
  /** Records the ATTACHED event (validated by its schema): nothing is recorded when it throws. */
  record(payload: PayloadInput<'ATTACHED'>): Promise<unknown>;
  now(): Instant;
}

/**
 * Makes one PDF of the parts (a single imported PDF is kept byte for byte), checks it like any
 * incoming file, stores it encrypted, and only then records the event that names it: a failure
 * at any step records nothing. A file stored without its event is harmless (same address, found
 * again by the next save of the same pages).
 */
export async function saveAttachment(parts: readonly DraftPart[], target: AttachmentTarget, deps: SaveAttachmentDeps): Promise<PayloadInput<'ATTACHED'>> {
  const only = parts.length === 1 ? parts[0] : undefined;
  const bytes = only?.kind === 'pdf' ? only.bytes : await assemblePdf(toPaperParts(parts), { title: target.title, createdAt: deps.now() });
  const fileName = (only?.kind === 'pdf' ? only.label : `${target.title}.pdf`).slice(0, 255);
  const checked = await checkIncomingFile({ name: fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`, bytes });
  if (!checked.ok) throw checked.error;
  if (checked.value.kind !== 'pdf') throw new Error('an assembled paper is always a PDF');
  const stored = await deps.blobs.put(bytes, 'application/pdf');
  const payload: PayloadInput<'ATTACHED'> = {
    hash: stored.hash,
    size: stored.size,
    mediaType: 'application/pdf',
    pages: checked.value.pages,
    role: target.role,
    fileName,
    ...(target.paper !== undefined ? { paper: target.paper } : {}),
    ...(target.replaces !== undefined ? { replaces: target.replaces } : {}),
  };
  await deps.record(payload);
  return payload;
}
