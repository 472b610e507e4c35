import { afterAll, describe, expect, it } from 'vitest';
import { createConsultation } from '../../../src/counter/consultation.ts';
import type { NewConsultationInput } from '../../../src/counter/consultation.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { UNIT } from './support/sync-world.ts';
import type { SyncWorld, TestDesk } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

const nextId = createEventIdGenerator({ now: Date.now, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });

function consultationOn(desk: TestDesk, world: SyncWorld, change: Partial<NewConsultationInput> = {}) {
  return createConsultation(
    {
      outcome: 'guided',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      applicant: { fullName: 'Trần Thị Bình', citizenId: '001190012345', address: 'Số 1 phố Huế' },
      reason: 'Thiếu giấy chứng sinh bản chính',
      items: ['Giấy chứng sinh (bản chính)'],
      officerId: world.officer.id,
      deskId: desk.enrollment.deskId,
      unitId: UNIT,
      ...change,
    },
    { nextId, now: Date.now },
  );
}

async function serverConsultations(world: SyncWorld): Promise<Array<{ id: string; outcome: string }>> {
  await world.stopServer();
  const database = await openDatabase(world.target, { migrate: false });
  try {
    return await database.db.selectFrom('counter_consultations').select(['id', 'outcome']).orderBy('id').execute();
  } finally {
    await database.close();
    await world.startServer();
  }
}

/** Issue 20 point 1: counter consultations are kept on the desk, counted as waiting, and sent at day end. */
describe.each(serverTestDatabases().slice(0, 1))('counter consultations sync ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('stores them encrypted beside the log, counts them as waiting, sends them once, and keeps a refused one with its reason', async () => {
    const world = await worlds.start(1);
    const desk = await worlds.desk(1);
    desk.store.consultations.signWith(desk.signer);
    const guided = await desk.store.consultations.record(consultationOn(desk, world));
    const refused = await desk.store.consultations.record(consultationOn(desk, world, { outcome: 'refused', items: [], reason: 'Không thuộc thẩm quyền giải quyết của xã' }));
    expect(guided.session).toBeDefined();
    // Recording the same one again stores nothing new.
    await desk.store.consultations.record(guided);
    // An officer the server does not know (an account from before enrollment): the server refuses it.
    desk.store.consultations.signWith(null);
    const stranger = await desk.store.consultations.record(consultationOn(desk, world, { officerId: 'can-bo-cuc-bo' }));
    desk.store.consultations.signWith(desk.signer);

    // Personal data is not in the readable part of the stored doc.
    const doc = await desk.store.database.collections.settings.findOne(`counter-consultation:${guided.id}`).exec();
    expect(JSON.stringify(doc?.toMutableJSON().value)).not.toContain('001190012345');
    expect(JSON.stringify(doc?.toMutableJSON().value)).not.toContain('Số 1 phố Huế');
    expect((await desk.store.consultations.byId(guided.id))?.consultation.applicant).toMatchObject({ citizenId: '001190012345', address: 'Số 1 phố Huế' });
    // No dossier, no event.
    expect(await desk.store.database.collections.events.count().exec()).toBe(0);
    expect((await desk.store.dossiers.counts())[2] ?? 0).toBe(0);

    const sync = await desk.startSync({ live: false });
    await expect.poll(() => sync.status().pendingConsultations).toBe(3);
    const report = await sync.dayEnd();
    expect(report.consultations).toEqual({ sent: 2, rejected: 1, pendingAfter: 0 });
    expect(sync.status().pendingConsultations).toBe(0);
    const kept = await desk.store.consultations.byId(stranger.id);
    expect(kept?.rejection).toMatchObject({ code: 'consultation.unknown_officer' });
    expect(kept?.rejection?.message).toMatch(/không thuộc đơn vị/);
    expect((await desk.store.consultations.list()).map((s) => s.consultation.id)).toEqual([stranger.id, refused.id, guided.id]);

    expect(await serverConsultations(world)).toEqual(
      [
        { id: guided.id, outcome: 'guided' },
        { id: refused.id, outcome: 'refused' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // A second cycle sends nothing again.
    expect((await sync.dayEnd()).consultations).toEqual({ sent: 0, rejected: 0, pendingAfter: 0 });
  }, 180_000);
});
