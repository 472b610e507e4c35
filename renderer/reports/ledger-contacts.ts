import { ledgerEntryOf } from '../../src/dossier/ledger-line.ts';
import type { EventOf } from '../../src/dossier/events.ts';
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
  events?: DeskStore['events'],
): Promise<Map<string, LedgerContact>> {
  const contacts = new Map<string, LedgerContact>();
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      signal?.throwIfAborted();
      const code = codes[next++];
      if (code === undefined) return;
      const [stored, entry] = await Promise.all([repository.byCode(code), events ? receiptEntryOf(events, code) : null]);
      const applicant = stored?.personal.applicant;
      const contact: LedgerContact = { ...(applicant?.address ? { address: applicant.address } : {}), ...(applicant?.phone ? { phone: applicant.phone } : {}), ...entry };
      if (Object.keys(contact).length > 0) contacts.set(code, contact);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, codes.length) }, worker));
  return contacts;
}

/**
 * The number of sets and the ledger book and line of a dossier, from its RECEIVED event (what the
 * receipt printed): `loadLedgerContacts` adds them when given the event log.
 */
export async function receiptEntryOf(events: DeskStore['events'], code: string): Promise<Pick<LedgerContact, 'sets' | 'book' | 'line'>> {
  const received = (await events.forDossier(code)).find((event): event is EventOf<'RECEIVED'> => event.type === 'RECEIVED');
  if (!received) return {};
  const { book, line } = ledgerEntryOf(received.payload, received.dossierCode);
  return { sets: received.payload.sets, book, line };
}
