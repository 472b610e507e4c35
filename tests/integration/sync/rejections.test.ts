import { afterAll, describe, expect, it } from 'vitest';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { codeFor, deskEventIds, receivedPayload, serverEventIds, UNIT } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

/** Issue 6 point 9: a refused event is kept and shown with its reason; the others go through. */
describe.each(serverTestDatabases().slice(0, 1))('refused events ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('marks the refused event, keeps it on the desk and sends the rest', async () => {
    const world = await worlds.start(1);
    const one = await worlds.desk(1);
    const good = await one.receive(3);
    // Recorded under an officer id the server does not know (a local account from before enrollment).
    const nextId = createEventIdGenerator({ now: Date.now, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
    const stranger = createEvent(
      { type: 'RECEIVED', dossierCode: codeFor(1, 500, new Date()), officerId: 'can-bo-cuc-bo', deskId: one.enrollment.deskId, unitId: UNIT, payload: receivedPayload(new Date(), 500) },
      { nextId, now: Date.now },
    );
    // Appended with no session, as events recorded before the enrollment were (the desk's signer
    // refuses an event of another officer than the one logged in).
    one.store.events.signWith(null);
    await one.store.events.append(stranger);
    one.store.events.signWith(one.signer);
    const later = await one.receive(2);

    const sync = await one.startSync();
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ ok: true, sent: 5, pendingAfter: 0 });
    expect(report.rejected).toEqual([
      expect.objectContaining({ eventId: stranger.id, dossierCode: stranger.dossierCode, direction: 'push', code: 'event.unknown_officer' }),
    ]);
    expect(report.rejected[0]?.message).toMatch(/không thuộc đơn vị/);
    expect(sync.status()).toMatchObject({ rejected: 1, pending: 0 });

    // Nothing deleted: the refused event and its dossier stay on the desk.
    expect(await one.store.events.byId(stranger.id)).not.toBeNull();
    expect(await one.store.dossiers.byCode(stranger.dossierCode)).not.toBeNull();
    expect(await deskEventIds(one)).toHaveLength(6);
    const server = await serverEventIds(world, one);
    expect(server.sort()).toEqual([...good, ...later].map((e) => e.id).sort());

    // A restart remembers the refusal and does not send it again.
    await one.shutdown();
    const again = await one.restart();
    expect(await again.rejections()).toHaveLength(1);
    expect(await again.dayEnd()).toMatchObject({ ok: true, sent: 0, rejected: [], rejectedEarlier: 1 });
  }, 180_000);
});
