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
export function receiveDossier(
  draft: ReceivedPayloadDraft,
  timing: { receivedAtMs: number; dueAtMs: number },
  deps: ReceiveDeps,
): Promise<EventOf<'RECEIVED'>> {
  const run = queue.then(async () => {
    const { identity, store } = deps;
    const remembered = issued.get(store);
    const localDate = localDateOf(timing.receivedAtMs);
    const base = { agencyId: identity.agencyId, slot: identity.slot, localDate };
    let lastIssued = remembered ? remembered.code : (await store.settings.get(LAST_CODE_KEY, lastCodeSchema, { code: null })).code;
    let code = nextDossierCode({ ...base, lastIssued });
    // The event log alone: a projection exists only for a code that has events.
    const taken = async (candidate: string) => (await store.events.forDossier(candidate)).length > 0;
    while (await taken(code)) {
      lastIssued = code;
      code = nextDossierCode({ ...base, lastIssued });
    }
    const ledger = nextLedgerLine(ledgerBookOf(identity.slot, localDate), await previousLedgerLine(store, code, base));
    const event = createEvent(
      {
        type: 'RECEIVED',
        dossierCode: code,
        officerId: deps.officerId,
        deskId: identity.deskId,
        unitId: identity.agencyId,
        payload: {
          ...draft,
          receivedAt: new Date(timing.receivedAtMs).toISOString(),
          dueAt: new Date(timing.dueAtMs).toISOString(),
          ledger,
        },
      },
      { nextId: deps.newEventId, now: () => timing.receivedAtMs },
    );
    await store.events.append(event, { newDossier: true });
    const unsaved = (remembered?.unsaved ?? 0) + 1;
    if (unsaved >= HINT_SAVE_EVERY || !remembered) {
      // Not awaited: the receipt is saved with its event, and a hint lost or written late only
      // costs the next session a few existence checks.
      store.settings.set(LAST_CODE_KEY, { code }).catch((error: unknown) => console.error('last-code hint not saved', error));
      issued.set(store, { code, unsaved: 0 });
    } else {
      issued.set(store, { code, unsaved });
    }
    return event;
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
