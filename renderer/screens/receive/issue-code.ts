import { z } from 'zod';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { formatDossierCode, MAX_DAILY_COUNTER, nextDossierCode, parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventOf } from '../../../src/dossier/events.ts';
import { ledgerBookOf, nextLedgerLine } from '../../../src/dossier/ledger-line.ts';
import type { LedgerLine } from '../../../src/dossier/ledger-line.ts';
import { addDays, localDateOf } from '../../../src/time/vn-time.ts';
import type { DeskStore } from '../../store/index.ts';
import type { ReceivedPayloadDraft } from './receive-form.ts';

const LAST_CODE_KEY = 'last-dossier-code';
const lastCodeSchema = z.object({ code: z.string().nullable() });

let queue: Promise<unknown> = Promise.resolve();

/**
 * The last code issued through each store, and how many receipts ago the hint was saved: the
 * hint is saved every few receipts rather than with each (a settings write is an IndexedDB
 * transaction of its own), beside the receipt rather than before it returns. After a restart the existence checks walk past the few codes issued
 * since, so a stale hint costs a few reads, never a duplicate.
 */
const issued = new WeakMap<DeskStore, { code: string; unsaved: number }>();
const HINT_SAVE_EVERY = 10;

export interface ReceiveDeps {
  store: DeskStore;
  identity: DeskIdentity;
  officerId: string;
  now: () => number;
  newEventId: () => string;
}

/**
 * Issues the next dossier code and stores its RECEIVED event.
 *
 * The event log is the authority on which codes exist: the "last code" setting is only a
 * hint. A code is never issued while an event already carries it, so a crash between the
 * event and the hint (RxDB has no cross-collection transaction) can only make the next
 * receipt skip ahead, never issue a duplicate. Receipts of this window run one at a time.
 */
export async function receiveDossier(
  draft: ReceivedPayloadDraft,
  timing: { receivedAtMs: number; dueAtMs: number },
  deps: ReceiveDeps,
): Promise<EventOf<'RECEIVED'>> {
  const [event] = await receiveDossiers([{ draft, dueAtMs: timing.dueAtMs }], timing.receivedAtMs, deps);
  return event!;
}

/** One dossier of a reception: its payload, and given the codes of all, anything that depends on them. */
export interface ReceptionPart {
  draft: ReceivedPayloadDraft | ((codes: readonly string[]) => ReceivedPayloadDraft);
  dueAtMs: number;
}

/**
 * Issues consecutive codes for several dossiers received together (a linked group's components)
 * and stores their RECEIVED events, each with its own ledger line. Every event is built and
 * checked before the first is stored: a part the schema refuses stores none of them.
 */
export function receiveDossiers(parts: readonly ReceptionPart[], receivedAtMs: number, deps: ReceiveDeps): Promise<Array<EventOf<'RECEIVED'>>> {
  const run = queue.then(async () => {
    const { identity, store } = deps;
    const remembered = issued.get(store);
    const localDate = localDateOf(receivedAtMs);
    const base = { agencyId: identity.agencyId, slot: identity.slot, localDate };
    let lastIssued = remembered ? remembered.code : (await store.settings.get(LAST_CODE_KEY, lastCodeSchema, { code: null })).code;
    // The event log alone: a projection exists only for a code that has events.
    const taken = async (candidate: string) => (await store.events.forDossier(candidate)).length > 0;
    const codes: string[] = [];
    for (let i = 0; i < parts.length; i += 1) {
      let code = nextDossierCode({ ...base, lastIssued });
      while (await taken(code)) {
        lastIssued = code;
        code = nextDossierCode({ ...base, lastIssued });
      }
      codes.push(code);
      lastIssued = code;
    }
    const book = ledgerBookOf(identity.slot, localDate);
    let ledger = nextLedgerLine(book, await previousLedgerLine(store, codes[0]!, base));
    const events = parts.map((part, index) => {
      const draft = typeof part.draft === 'function' ? part.draft(codes) : part.draft;
      if (index > 0) ledger = nextLedgerLine(book, ledger);
      return createEvent(
        {
          type: 'RECEIVED',
          dossierCode: codes[index]!,
          officerId: deps.officerId,
          deskId: identity.deskId,
          unitId: identity.agencyId,
          payload: {
            ...draft,
            receivedAt: new Date(receivedAtMs).toISOString(),
            dueAt: new Date(part.dueAtMs).toISOString(),
            ledger,
          },
        },
        { nextId: deps.newEventId, now: () => receivedAtMs },
      );
    });
    for (const event of events) await store.events.append(event, { newDossier: true });
    const code = codes[codes.length - 1]!;
    const unsaved = (remembered?.unsaved ?? 0) + parts.length;
    if (unsaved >= HINT_SAVE_EVERY || !remembered) {
      // Not awaited: the receipt is saved with its event, and a hint lost or written late only
      // costs the next session a few existence checks.
      store.settings.set(LAST_CODE_KEY, { code }).catch((error: unknown) => console.error('last-code hint not saved', error));
      issued.set(store, { code, unsaved: 0 });
    } else {
      issued.set(store, { code, unsaved });
    }
    return events;
  });
  queue = run.catch(() => undefined);
  return run;
}

type CodeBase = { agencyId: string; slot: number; localDate: string };

/**
 * The ledger line of this desk's receipt before `code`, from the event log (the authority, as for
 * codes). A desk's codes of a day are issued one after another from 1, so the receipt before
 * today's n is n − 1; before today's first, it is the highest code of the latest earlier day of the
 * year that has one (found by halving: the day's codes run 1…max without gaps).
 */
async function previousLedgerLine(store: DeskStore, code: string, base: CodeBase): Promise<LedgerLine | null> {
  const ledgerOf = async (candidate: string): Promise<LedgerLine | null | undefined> => {
    const events: DossierEvent[] = await store.events.forDossier(candidate);
    const received = events.find((event): event is EventOf<'RECEIVED'> => event.type === 'RECEIVED');
    return received ? (received.payload.ledger ?? null) : undefined;
  };
  const parsed = parseDossierCode(code);
  const counter = parsed.ok ? parsed.value.counter : null;
  if (counter !== null && counter > 1) return (await ledgerOf(formatDossierCode({ ...base, counter: counter - 1 }))) ?? null;
  const year = base.localDate.slice(0, 4);
  for (let day = addDays(base.localDate, -1); day.startsWith(year); day = addDays(day, -1)) {
    const codeOn = (n: number) => formatDossierCode({ ...base, localDate: day, counter: n });
    if ((await ledgerOf(codeOn(1))) === undefined) continue;
    let low = 1;
    let high = MAX_DAILY_COUNTER;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((await ledgerOf(codeOn(middle))) === undefined) high = middle - 1;
      else low = middle;
    }
    return (await ledgerOf(codeOn(low))) ?? null;
  }
  return null;
}
