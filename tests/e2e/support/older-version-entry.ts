// Bundled by tests/e2e/support/older-version.ts and run in a same-origin page while the desk app is
// closed: it opens the desk's own database with the desk's key and writes events straight into the
// event log collection, past today's validation, as an older version of the app stored them.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createEventSigner } from '../../../src/auth/officer-session.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { createDeskAuth, createDeskStore, createWebKeyProvider } from '../../../renderer/store/index.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';

export interface OlderVersionInput {
  username: string;
  /** The officer logs in, as on the older version: its events are signed in that session. */
  password: string;
  /** The daily counters of the codes to use (the desk's own receipts count up from 1). */
  counters: number[];
  /** Per counter: the applicant's name as the older version stored it. */
  names: string[];
}

async function writeAsOlderVersion(input: OlderVersionInput): Promise<Array<{ code: string; received: string; printed: string }>> {
  const store = await createDeskStore({ storage: getRxStorageDexie(), encryptionKey: await createWebKeyProvider().getEncryptionKey(), clock: () => Date.now() });
  try {
    const identity = (await store.identity.get())?.value;
    const officer = (await store.officers.byUsername(input.username))?.value;
    if (!identity || !officer) throw new Error('the desk is not enrolled, or the officer is unknown here');
    const login = await createDeskAuth(store, { now: () => Date.now() }).login(input.username, input.password);
    if (!login.ok) throw login.error;
    const signer = await createEventSigner(login.value.session);
    const nextId = createEventIdGenerator({ now: () => Date.now(), randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
    const yymmdd = localDateOf(Date.now()).slice(2).replaceAll('-', '');
    const written: Array<{ code: string; received: string; printed: string }> = [];
    const docs = [];
    for (const [index, counter] of input.counters.entries()) {
      const code = `${identity.agencyId}-${yymmdd}-${identity.slot * 1000 + counter}`;
      const envelope = { dossierCode: code, officerId: officer.id, deskId: identity.deskId, unitId: identity.agencyId };
      const receivedAt = new Date().toISOString();
      const received = createEvent(
        {
          type: 'RECEIVED',
          ...envelope,
          payload: {
            procedureCode: '1.001193',
            procedureName: 'Đăng ký khai sinh',
            field: 'Hộ tịch',
            statutoryTime: { kind: 'same-day', cutoff: '15:00' },
            channel: 'in-person',
            applicant: { fullName: 'Tên tạm', citizenId: '001203004567', address: 'Thôn Đông, phường Ba Đình' },
            papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
            sets: 1,
            fee: { amount: 0 },
            resultDelivery: 'desk',
            receivedAt,
            dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
        { nextId, now: () => Date.now() },
      );
      // What the older version let through: the name as it was typed or pasted.
      const stored = signer.sign({ ...received, payload: { ...received.payload, applicant: { ...received.payload.applicant, fullName: input.names[index] ?? '' } } } as DossierEvent);
      const printed = signer.sign(createEvent({ type: 'PRINTED', ...envelope, payload: { form: 'receipt', copies: 1, isCopy: false } }, { nextId, now: () => Date.now() }));
      docs.push(eventDocOf(stored), eventDocOf(printed));
      written.push({ code, received: received.id, printed: printed.id });
    }
    const result = await store.database.collections.events.bulkInsert(docs);
    if (result.error.length > 0) throw new Error(`${result.error.length} events refused by the store`);
    await store.projections.catchUp();
    return written;
  } finally {
    await store.close();
  }
}

(window as unknown as { writeAsOlderVersion: typeof writeAsOlderVersion }).writeAsOlderVersion = writeAsOlderVersion;
