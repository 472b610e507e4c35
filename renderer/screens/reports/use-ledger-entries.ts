import { useEffect, useState } from 'react';
import type { LedgerRow } from '../../../src/reports/dossier-ledger.ts';
import { receiptEntryOf } from '../../reports/ledger-contacts.ts';
import type { LedgerContact } from '../../reports/official-workbook.ts';
import type { DeskStore } from '../../store/index.ts';

/**
 * The book, line and sets of the ledger lines shown on screen, read from each dossier's RECEIVED
 * (no personal data: the address and phone are read only for a printout or a file).
 */
export function useLedgerEntries(events: DeskStore['events'], rows: readonly LedgerRow[] | null, limit: number): ReadonlyMap<string, LedgerContact> {
  const [entries, setEntries] = useState<ReadonlyMap<string, LedgerContact>>(new Map());
  useEffect(() => {
    if (rows === null) return;
    let live = true;
    const codes = rows.slice(0, limit).map((row) => row.code);
    Promise.all(codes.map(async (code) => [code, await receiptEntryOf(events, code)] as const))
      .then((pairs) => {
        if (live) setEntries(new Map(pairs));
      })
      .catch((error: unknown) => console.error('ledger entries not read', error));
    return () => {
      live = false;
    };
  }, [events, rows, limit]);
  return entries;
}
