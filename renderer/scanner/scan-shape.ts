import { readDossierReference } from '../../src/dossier/dossier-reference.ts';
import { hasCitizenCardQrShape } from '../../src/people/citizen-card-qr.ts';

/**
 * What a desk's scanner reads, by its shape: a receipt's barcode (a whole dossier code) or its
 * lookup QR, or a citizen card's QR. Text typed into a field is taken as a scan only when it has
 * one of these shapes; a name or a note typed at any speed never has.
 */
export function looksScanned(text: string): boolean {
  const reading = readDossierReference(text);
  return (reading.kind === 'reference' && reading.reference.kind === 'code') || hasCitizenCardQrShape(text);
}
