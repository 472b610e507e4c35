import type { DeskStore } from '../store/index.ts';
import type { LedgerContact } from './official-workbook.ts';

const CONCURRENCY = 16;

/**
 * Address and phone of the ledger's dossiers. They are personal data, encrypted at rest and kept
 * out of every index, so they are read one dossier at a time, only for a printout or a file.
 */
export async function loadLedgerContacts(
  repository: DeskStore['dossiers'],
  codes: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, LedgerContact>> {
  const contacts = new Map<string, LedgerContact>();
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      signal?.throwIfAborted();
      const code = codes[next++];
      if (code === undefined) return;
      const stored = await repository.byCode(code);
      const applicant = stored?.personal.applicant;
      if (applicant?.address || applicant?.phone) {
        contacts.set(code, { ...(applicant.address ? { address: applicant.address } : {}), ...(applicant.phone ? { phone: applicant.phone } : {}) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, codes.length) }, worker));
  return contacts;
}
