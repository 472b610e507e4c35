import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { canonicalText } from '../../../sync/server/domain/canonical-hash.ts';
import { writeEventBatch, type EventBatch } from '../../../sync/server/repositories/event-batch.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, receivedPayload } from './support/world.ts';

/**
 * What the foreign keys of events and unit feeds guaranteed, now that the push's write statement
 * checks the rows it refers to itself (migration 0006): a row naming a unit, desk, officer or event
 * that does not exist stores nothing, and no referenced row can be deleted or renumbered.
 */
describe.each(serverTestDatabases())('event references on $name', (database) => {
  const suite = worldPerSuite(database);

  function received(): DossierEvent {
    const { deskA, officers } = suite.world;
    return makeEvent(deskA, officers.receptionA!, 'RECEIVED', newDossierCode(deskA), receivedPayload());
  }

  /** A batch of one new event, written as the ingest would after validation (which is skipped here). */
  function oneEventBatch(event: DossierEvent, feed: EventBatch['feed'] = [{ unitId: event.unitId, seq: { batch: 0 } }]): EventBatch {
    const body = canonicalText({ ...event, serverAt: null });
    return {
      serverAt: new Date(),
      events: [{ bodyHash: body.hash, bodyJson: body.json, dateFlags: [] }],
      grants: [],
      feed,
      projections: [],
    };
  }

  async function stored(eventId: string): Promise<number> {
    const rows = await suite.world.database.db.selectFrom('events').select('seq').where('id', '=', eventId).execute();
    const feed = await sql<{ n: number }>`select count(*)::int as n from unit_feed f join events e on e.seq = f.event_seq where e.id = ${eventId}`.execute(suite.world.database.db);
    return rows.length + (feed.rows[0]?.n ?? 0);
  }

  async function write(batch: EventBatch): Promise<number[]> {
    return suite.world.database.db.transaction().execute((trx) => writeEventBatch(trx, batch));
  }

  it('writes a batch whose references exist', async () => {
    const event = received();
    await expect(write(oneEventBatch(event))).resolves.toHaveLength(1);
    expect(await stored(event.id)).toBe(2);
  });

  it.each([
    ['officerId', { officerId: 'no-such-officer' }],
    ['deskId', { deskId: '000.00.12.H23#9' }],
    ['unitId', { unitId: '000.00.99.H23' }],
  ] as const)('stores nothing of an event whose %s names nothing', async (_field, change) => {
    const event = { ...received(), ...change } as DossierEvent;
    // No feed row: the event alone must be refused.
    await expect(write(oneEventBatch(event, []))).rejects.toThrow(/not inserted/);
    expect(await stored(event.id)).toBe(0);
  });

  it('stores nothing of a batch whose unit feed names a unit or a stored event that does not exist', async () => {
    const toNoUnit = received();
    await expect(write(oneEventBatch(toNoUnit, [{ unitId: '000.00.99.H23', seq: { batch: 0 } }]))).rejects.toThrow(/feed row/);
    expect(await stored(toNoUnit.id)).toBe(0);

    const toNoEvent = received();
    const feed = [
      { unitId: toNoEvent.unitId, seq: { batch: 0 } },
      { unitId: toNoEvent.unitId, seq: { stored: 987_654_321 } },
    ];
    await expect(write(oneEventBatch(toNoEvent, feed))).rejects.toThrow(/feed row/);
    expect(await stored(toNoEvent.id)).toBe(0);
  });

  it('never deletes or renumbers a unit, desk or officer, nor changes or deletes a stored event', async () => {
    const { deskA, officers, app, database: db } = suite.world;
    const event = received();
    expect((await push(app, deskA, [event])).statusCode).toBe(200);
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await statement.execute(db.db).then(
        () => null,
        (thrown: unknown) => thrown as { code?: string },
      );
      expect(error?.code).toBe('23001');
    };
    await refused(sql`delete from officers where id = ${officers.receptionA!.id}`);
    await refused(sql`update officers set id = 'renamed' where id = ${officers.receptionA!.id}`);
    await refused(sql`delete from desks where id = ${deskA.id}`);
    await refused(sql`update desks set id = 'renamed' where id = ${deskA.id}`);
    await refused(sql`delete from units where id = ${deskA.unitId}`);
    await refused(sql`update units set id = 'renamed' where id = ${deskA.unitId}`);
    await refused(sql`update events set body_hash = 'forged' where id = ${event.id}`);
    await refused(sql`delete from events where id = ${event.id}`);
    expect(await stored(event.id)).toBe(2);
    // Retiring stays possible: those are flags.
    await db.db.updateTable('officers').set({ active: false }).where('id', '=', officers.adminA!.id).execute();
  });
});
