import { readDossierReference } from '../../src/dossier/dossier-reference.ts';

export type ShellScanAction = { kind: 'open'; path: string } | { kind: 'unrecognised'; message: string };

const SHOWN_CHARS = 60;

/**
 * What the shell does with a scan no screen used: a receipt's barcode or lookup QR opens that
 * dossier; anything else is named back to the officer with what the current screen could have read.
 */
export function shellScanAction(text: string, accepted: readonly string[]): ShellScanAction {
  const reading = readDossierReference(text);
  if (reading.kind === 'reference' && reading.reference.kind === 'code') {
    return { kind: 'open', path: `/ho-so/${encodeURIComponent(reading.reference.code)}` };
  }
  const chars = [...text.trim()];
  const shown = chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : chars.join('');
  const kinds = ['mã hồ sơ', ...accepted].join(' hay ');
  return { kind: 'unrecognised', message: `Mã vừa quét "${shown}" không phải ${kinds}, nên chưa mở được gì.` };
}
