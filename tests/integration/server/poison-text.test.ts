import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eventTypes } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { canonicalText } from '../../../sync/server/domain/canonical-hash.ts';
import { writeEventBatch } from '../../../sync/server/repositories/event-batch.ts';
import {
  ENVELOPE_STRING_PATHS,
  ENVELOPE_TEXT_FIELDS,
  OTHER_STRING_PATHS,
  PAYLOAD_TEXT_FIELDS,
  POISON,
  samplePayloads,
  withValueAt,
} from '../../support/event-text-fields.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, UNIT_B, type World } from './support/world.ts';

type Path = ReadonlyArray<string | number>;

/** The events that bring a received dossier to where `type` is legal. */
const legalBefore: Partial<Record<EventType, EventType[]>> = {
  SUPPLEMENT_RECEIVED: ['SUPPLEMENT_REQUESTED'],
  RESOLVED: ['ACCEPTED'],
  RETURNED: ['ACCEPTED', 'RESOLVED'],
  STOPPED: ['ACCEPTED'],
  FINANCIAL_OBLIGATION_REQUESTED: ['ACCEPTED'],
  FINANCIAL_OBLIGATION_FULFILLED: ['ACCEPTED', 'FINANCIAL_OBLIGATION_REQUESTED'],
};

/** A batch for desk A: a fresh dossier received, then one event of each type asked for, by the leader (who may record any). */
function batchOf(world: World, types: readonly EventType[]): DossierEvent[] {
  const { deskA, officers } = world;
  const code = newDossierCode(deskA);
  const payloads = samplePayloads(Date.now(), UNIT_B);
  return [makeEvent(deskA, officers.leaderA!, 'RECEIVED', code, payloads.RECEIVED), ...types.map((type) => makeEvent(deskA, officers.leaderA!, type, code, payloads[type] as never))];
}

async function storedIds(world: World, ids: readonly string[]): Promise<string[]> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  if (uuids.length === 0) return [];
  const rows = await world.database.db.selectFrom('events').select('id').where(sql<boolean>`id::text in (${sql.join(uuids)})`).execute();
  return rows.map((row) => String(row.id));
}

// ── what the fuzzer writes into a field ──────────────────────────────────────────────
const poisonCharacter = fc.constantFrom(...POISON.map((p) => p.character), '\n', '\t', '\u0000\u0000', '\uDBFF\uDFFF');
const letters = fc.constantFrom('Nguyễn', ' ', 'Thị', 'ệ', '😀', 'a', '"', '\\', "'", '%', '{', '\u0301');
const poisoned = fc.array(fc.oneof(poisonCharacter, letters), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 });
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 40 });
const huge = fc.tuple(fc.integer({ min: 1_000, max: 70_000 }), fc.constantFrom('a', 'ệ', '𝕏', '\u0000')).map(([n, letter]) => letter.repeat(n));
// ISO instants of any year the schema's pattern allows, 0000 and 9999 included.
const anyInstant = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: poisoned },
  { weight: 2, arbitrary: anyCodeUnits },
  { weight: 2, arbitrary: anyCodePoints },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: anyInstant },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })) },
);

function stringPathsOf(type: EventType): Path[] {
  return [...ENVELOPE_STRING_PATHS, ...ENVELOPE_TEXT_FIELDS.map((f) => f.path), ...PAYLOAD_TEXT_FIELDS[type].map((f) => f.path), ...OTHER_STRING_PATHS[type]];
}

/** Per event of the batch: which of its strings to overwrite, and with what (nothing, sometimes: a valid event). */
const batchArbitrary = fc
  .array(fc.constantFrom(...eventTypes), { minLength: 0, maxLength: 3 })
  .chain((types) =>
    fc.tuple(
      fc.constant(types),
      fc.tuple(...(['RECEIVED' as EventType, ...types].map((type) => fc.array(fc.tuple(fc.constantFrom(...stringPathsOf(type)), fieldValue), { maxLength: 3 })) as [fc.Arbitrary<Array<[Path, unknown]>>])),
    ),
  );

describe.each(serverTestDatabases())('poison text at the push on $name (issue 18)', (database) => {
  const suite = worldPerSuite(database);

  it.each(eventTypes.filter((type) => PAYLOAD_TEXT_FIELDS[type].length > 0 || type === 'RECEIVED'))(
    'refuses a %s with a poison character in any of its texts, naming the event and the field; its batch stores nothing',
    async (type) => {
      const fields = [...ENVELOPE_TEXT_FIELDS, ...PAYLOAD_TEXT_FIELDS[type]];
      for (const [n, field] of fields.entries()) {
        const { name, character } = POISON[n % POISON.length]!;
        const before = legalBefore[type] ?? [];
        const batch = batchOf(suite.world, type === 'RECEIVED' ? ['NOTE'] : [...before, type]);
        const target = type === 'RECEIVED' ? 0 : before.length + 1;
        const sent = batch.map((event, index) => (index === target ? withValueAt(event, field.path, `Lê Thị${character} Hoa`) : event));
        const response = await push(suite.world.app, suite.world.deskA, sent);
        expect(response.statusCode, `${field.path.join('.')} ${name}`).toBe(400);
        expect(response.json()).toEqual({
          error: {
            code: 'event.forbidden_character',
            message: expect.stringMatching(new RegExp(`^${field.label} có ký tự không được phép \\(.*, ở ký tự thứ 7\\)`)),
            eventId: batch[target]!.id,
            path: field.path.join('.'),
          },
        });
        expect(await storedIds(suite.world, batch.map((e) => e.id))).toEqual([]);
        // Without the poison, the same batch goes through whole.
        const clean = await push(suite.world.app, suite.world.deskA, batch);
        expect(clean.statusCode, clean.body).toBe(200);
        expect((await storedIds(suite.world, batch.map((e) => e.id))).sort()).toEqual(batch.map((e) => e.id).sort());
      }
    },
  );

  it.each(POISON)('refuses $name in the applicant\u2019s name, whatever else the batch holds', async ({ character }) => {
    const [received, note] = batchOf(suite.world, ['NOTE']) as [DossierEvent, DossierEvent];
    const other = batchOf(suite.world, [])[0]!;
    const bad = withValueAt(received, ['payload', 'applicant', 'fullName'], `Nguy${character}n Văn An`);
    const response = await push(suite.world.app, suite.world.deskA, [other, bad, note]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'event.forbidden_character', eventId: received.id, path: 'payload.applicant.fullName' });
    expect(response.json().error.message).toMatch(/^Họ và tên người nộp hồ sơ có ký tự không được phép/);
    expect(await storedIds(suite.world, [other.id, received.id, note.id])).toEqual([]);
  });

  it('answers no request body with a 5xx: any string in any field of any event type (fast-check), all of a batch stored or none', async () => {
    const counts = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(batchArbitrary, async ([types, overrides]) => {
        const batch = batchOf(suite.world, types);
        const sent = batch.map((event, index) => (overrides[index] ?? []).reduce<unknown>((value, [path, replacement]) => withValueAt(value, path, replacement), event));
        const response = await push(suite.world.app, suite.world.deskA, sent);
        expect(response.statusCode, response.body).toBeLessThan(500);
        const ids = sent.map((event) => (event as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
        const stored = await storedIds(suite.world, ids);
        if (response.statusCode === 200) {
          counts.stored += 1;
          expect(stored.sort()).toEqual([...new Set(ids)].sort());
        } else {
          counts.refused += 1;
          const { error } = response.json() as { error: { code: string; message: string; eventId?: string; path?: string } };
          expect(error.message).not.toBe('');
          // Every refusal of a batch names the event it is about (by id, or by index when it has none).
          expect(error.eventId !== undefined || error.path !== undefined, response.body).toBe(true);
          expect(stored).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
    // The fuzzer reached both outcomes: it is not only sending rubbish.
    expect(counts.stored).toBeGreaterThan(5);
    expect(counts.refused).toBeGreaterThan(50);
    const health = await suite.world.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  }, 240_000);

  it('takes again an event an older server stored with such a character (a lost answer), refuses a new one', async () => {
    const { world } = suite;
    const [received] = batchOf(world, []) as [DossierEvent];
    // Stored as an older server did: its schema let a right-to-left override through.
    const old = withValueAt(received, ['payload', 'applicant', 'fullName'], 'Lê \u202EThị Hoa');
    const serverAt = new Date();
    const text = canonicalText({ ...old, serverAt: null });
    await world.database.db.transaction().execute((trx) =>
      writeEventBatch(trx, {
        serverAt,
        events: [{ bodyHash: text.hash, bodyJson: text.json, dateFlags: [] }],
        grants: [{ code: old.dossierCode, unitId: world.deskA.unitId }],
        feed: [{ unitId: world.deskA.unitId, seq: { batch: 0 } }],
        projections: [{ dossier: projectDossier([{ ...old, serverAt: serverAt.toISOString() }]), lastBatchIndex: 0 }],
      }),
    );
    const again = await push(world.app, world.deskA, [old]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    // Its dossier goes on: the stored history is read as it was written.
    const printed = makeEvent(world.deskA, world.officers.receptionA!, 'PRINTED', old.dossierCode, { form: 'receipt', copies: 1, isCopy: false });
    expect((await push(world.app, world.deskA, [printed])).statusCode).toBe(200);
    // The same id with other text is another event; a new event with the character is refused.
    const altered = withValueAt(old, ['payload', 'applicant', 'fullName'], 'Lê \u202EThị Hoà');
    expect((await push(world.app, world.deskA, [altered])).json().error.code).toBe('event.id_reused');
    const fresh = withValueAt(batchOf(world, [])[0]!, ['payload', 'applicant', 'fullName'], 'Lê \u202EThị Hoa');
    const refused = await push(world.app, world.deskA, [fresh]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'event.forbidden_character', eventId: fresh.id });
  });
});
