import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { signedIn } from '../../support/desk-session.ts';
import { makeEvent, newDossierCode, pullAll, push, receivedPayload, sessionOf, UNIT_B, type TestDesk } from './support/world.ts';

/**
 * Pushes to different dossiers run side by side until they write (on PostgreSQL; PGlite has one
 * connection): what they validate must still hold, ids must stay unique, and a pull by checkpoint
 * must never skip an event that commits late.
 */
describe.each(serverTestDatabases())('concurrent pushes on $name', (database) => {
  const suite = worldPerSuite(database);

  function dossierEvents(desk: TestDesk, transferToB: boolean): DossierEvent[] {
    const code = newDossierCode(desk);
    const reception = suite.world.officers.receptionA!;
    const received = makeEvent(desk, reception, 'RECEIVED', code, receivedPayload());
    const printed = makeEvent(desk, reception, 'PRINTED', code, { form: 'receipt', copies: 1, isCopy: false });
    return transferToB ? [received, printed, makeEvent(desk, reception, 'TRANSFERRED', code, { toUnitId: UNIT_B })] : [received, printed];
  }

  it('stores every event once and never lets a pull by checkpoint skip one', async () => {
    const { deskA, deskA2, deskB } = suite.world;
    const start = await pullAll(suite.world.app, deskB);
    const batches = [deskA, deskA2].flatMap((desk) =>
      Array.from({ length: 6 }, (_, batch) => ({ desk, events: Array.from({ length: 5 }, (__, n) => dossierEvents(desk, (batch + n) % 2 === 0)).flat() })),
    );
    const expectedForB = new Set(batches.flatMap((b) => b.events.filter((e) => e.type === 'TRANSFERRED').map((e) => e.dossierCode)));

    // Desk B pulls from its checkpoint while the pushes commit, as a live desk does.
    let pushing = true;
    const seenByB: string[] = [];
    const poller = (async () => {
      let checkpoint = start.checkpoint;
      while (pushing) {
        const page = await pullAll(suite.world.app, deskB, checkpoint, 7);
        seenByB.push(...page.documents.map((d) => String(d.id)));
        checkpoint = page.checkpoint;
        // PGlite answers without I/O: let the pushes' own steps run between pulls.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const rest = await pullAll(suite.world.app, deskB, checkpoint, 7);
      seenByB.push(...rest.documents.map((d) => String(d.id)));
    })();
    const responses = await Promise.all(batches.map((b) => push(suite.world.app, b.desk, b.events)));
    pushing = false;
    await poller;

    expect(responses.map((r) => r.statusCode)).toEqual(batches.map(() => 200));
    expect(responses.reduce((sum, r) => sum + (r.json() as { accepted: number }).accepted, 0)).toBe(batches.reduce((sum, b) => sum + b.events.length, 0));
    const everything = await pullAll(suite.world.app, deskB, start.checkpoint);
    expect(seenByB).toEqual(everything.documents.map((d) => String(d.id)));
    expect(new Set(everything.documents.map((d) => String(d.dossierCode)))).toEqual(expectedForB);
    // The whole history of each transferred dossier, once.
    expect(everything.documents).toHaveLength(expectedForB.size * 3);
  });

  it('refuses one of two pushes that use one event id for two dossiers at the same time', async () => {
    const { deskA, deskA2 } = suite.world;
    for (let round = 0; round < 5; round += 1) {
      const first = dossierEvents(deskA, false);
      const second = dossierEvents(deskA2, false);
      // Signed after the id is reused, as a desk reusing an id would sign it.
      const reused = signedIn({ ...(second[0] as DossierEvent), id: (first[0] as DossierEvent).id }, sessionOf(deskA2, suite.world.officers.receptionA!));
      const [a, b] = await Promise.all([push(suite.world.app, deskA, first), push(suite.world.app, deskA2, [reused, second[1]])]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const refused = a.statusCode === 409 ? a : b;
      expect(refused.json().error).toMatchObject({ code: 'event.id_reused', eventId: reused.id });
      const stored = await suite.world.database.db.selectFrom('events').select('dossier_code').where('id', '=', reused.id).execute();
      expect(stored).toHaveLength(1);
      // Nothing half-stored from the refused batch.
      const refusedCode = a.statusCode === 409 ? (first[0] as DossierEvent).dossierCode : reused.dossierCode;
      expect(await suite.world.database.db.selectFrom('events').select('id').where('dossier_code', '=', refusedCode).execute()).toEqual([]);
    }
  });

  it('answers a retry that arrives while the first push is still being stored', async () => {
    const events = dossierEvents(suite.world.deskA, true);
    const answers = await Promise.all([push(suite.world.app, suite.world.deskA, events), push(suite.world.app, suite.world.deskA, events)]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const counts = answers.map((r) => r.json() as { accepted: number; duplicates: number }).sort((x, y) => y.accepted - x.accepted);
    expect(counts).toMatchObject([
      { accepted: 3, duplicates: 0 },
      { accepted: 0, duplicates: 3 },
    ]);
  });
});
