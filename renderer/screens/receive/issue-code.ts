import { z } from 'zod';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { nextDossierCode } from '../../../src/dossier/dossier-code.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { EventOf } from '../../../src/dossier/events.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
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
