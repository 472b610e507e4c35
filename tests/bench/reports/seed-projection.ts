import { sql, type Kysely } from 'kysely';
import { projectDossier } from '../../../src/dossier/projection.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { Schema } from '../../../sync/server/db/schema.ts';
import { reportColumns } from '../../../sync/server/reports/report-projection.ts';
import { generateReportDataset } from '../../support/report-dataset.ts';

/**
 * Fills the server's projection table for the report bench, fast: a generated base (real
 * appointments, holidays, linked pairs, transfers, supplements, every outcome) is projected by
 * the domain and inserted through the projection's own column mapping; then the table grows by
 * copies of the base made inside the database (INSERT … SELECT over generate_series), each copy
 * moved to other units and officers, with fresh codes and linked-group ids.
 */

/** Copies 0–9 of the base units share a unit set of 10 × base units: a province of 100 communes with 10 base units. */
const UNIT_SETS = 10;
const INSERT_BATCH = 1_000;
const ROWS_PER_STATEMENT = 200_000;
const REBUILD_INDEXES_FROM = 100_000;

/** Drops the secondary indexes of `dossiers` and returns their definitions, to create them again. */
async function dropSecondaryIndexes(db: Kysely<Schema>): Promise<string[]> {
  const indexes = await sql<{ name: string; definition: string }>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = 'dossiers'::regclass and not x.indisprimary`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  return indexes.rows.map((index) => index.definition);
}

export interface BaseOptions {
  units: number;
  perDay: number;
  from: string;
  to: string;
}

export interface Base {
  states: ProjectedDossier[];
  unitIds: string[];
  generatedMs: number;
}

export function buildBase(options: BaseOptions): Base {
  const started = performance.now();
  const dataset = generateReportDataset({ seed: 2026, units: options.units, perDay: options.perDay, from: options.from, to: options.to });
  const states = dataset.dossiers.map((d) => projectDossier(d.events));
  return { states, unitIds: dataset.units.map((u) => u.id), generatedMs: performance.now() - started };
}

/** The unit of copy `k` for a base unit id `000.00.NN.H23`: the second level says which set. */
export function unitOfCopy(baseUnitId: string, copy: number): string {
  return `${baseUnitId.slice(0, 4)}${String(copy % UNIT_SETS).padStart(2, '0')}${baseUnitId.slice(6)}`;
}

export interface Seeder {
  /** Rows in `dossiers` now. */
  size(): number;
  /** Grows `dossiers` to `target` rows (never shrinks), then vacuums and analyses it. */
  growTo(target: number): Promise<{ insertedRows: number; ms: number; vacuumMs: number }>;
}

/**
 * Creates the units, inserts the base as copy 0 and keeps a copy of it in `bench_base` for the
 * later copies. Use on an empty, migrated database.
 */
export async function createSeeder(db: Kysely<Schema>, base: Base): Promise<Seeder> {
  for (let set = 0; set < UNIT_SETS; set += 1) {
    const units = base.unitIds.map((id) => ({ id: unitOfCopy(id, set), name: `Phường Thử Nghiệm ${set + 1}.${id.slice(7, 9)}`, level: 'commune' as const, parent_id: null }));
    await db.insertInto('units').values(units).execute();
  }
  const rows = base.states.map((d, index) => ({
    code: d.code,
    receiving_unit_id: d.receivingUnitId,
    holder_unit_id: d.holderUnitId,
    status: d.status,
    procedure_code: d.procedureCode,
    received_at: d.receivedAt,
    due_at: d.dueAt === '' ? null : d.dueAt,
    finished_at: d.finishedAt,
    returned_at: d.returnedAt,
    state: JSON.stringify(d),
    last_event_seq: index + 1,
    ...reportColumns(d),
  }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await db.insertInto('dossiers').values(rows.slice(i, i + INSERT_BATCH)).execute();
  await sql`create table bench_base as select row_number() over (order by code) - 1 as ord, d.* from dossiers d`.execute(db);
  const baseSize = rows.length;
  let size = baseSize;
  let nextCopy = 1;

  const insertCopies = async (firstCopy: number, lastCopy: number, limit: number) => {
    const k = sql`k`;
    const unit = (column: string) => sql`overlay(${sql.ref(`b.${column}`)} placing lpad((${k} % ${UNIT_SETS})::text, 2, '0') from 5 for 2)`;
    const code = sql`${unit('receiving_unit_id')} || substr(b.code, length(b.receiving_unit_id) + 1) || case when ${k} >= ${UNIT_SETS} then '~' || (${k} / ${UNIT_SETS})::text else '' end`;
    const officer = sql`b.received_by_officer_id || '~' || (${k} % ${UNIT_SETS})::text`;
    const group = sql`case when b.linked_group_id is null then null else b.linked_group_id || '~' || ${k}::text end`;
    await sql`
      insert into dossiers (code, receiving_unit_id, holder_unit_id, status, procedure_code, received_at, due_at, finished_at, returned_at,
        state, last_event_seq, channel, field, procedure_name, received_by_officer_id, supplement_request_count, linked_group_id, report_unit_id,
        papers_digitised, result_digitised)
      select ${code}, ${unit('receiving_unit_id')}, ${unit('holder_unit_id')}, b.status, b.procedure_code, b.received_at, b.due_at, b.finished_at, b.returned_at,
        b.state || jsonb_build_object('code', ${code}, 'receivingUnitId', ${unit('receiving_unit_id')}, 'holderUnitId', ${unit('holder_unit_id')},
          'receivedByOfficerId', ${officer}, 'linkedGroupId', ${group}, 'reportUnitId', ${unit('report_unit_id')}),
        b.last_event_seq, b.channel, b.field, b.procedure_name, ${officer}, b.supplement_request_count, ${group}, ${unit('report_unit_id')},
        b.papers_digitised, b.result_digitised
      from generate_series(${firstCopy}::int, ${lastCopy}::int) as k
      cross join bench_base b
      where b.ord < ${limit}`.execute(db);
  };

  return {
    size: () => size,
    async growTo(target) {
      const started = performance.now();
      const before = size;
      const perStatement = Math.max(1, Math.floor(ROWS_PER_STATEMENT / baseSize));
      // Big loads go faster with the secondary indexes built afterwards (the primary key stays).
      const rebuild = target - size >= REBUILD_INDEXES_FROM ? await dropSecondaryIndexes(db) : [];
      while (target - size >= baseSize) {
        const copies = Math.min(perStatement, Math.floor((target - size) / baseSize));
        await insertCopies(nextCopy, nextCopy + copies - 1, baseSize);
        nextCopy += copies;
        size += copies * baseSize;
      }
      if (target > size) {
        // A last, partial copy: its linked pairs may be cut in two, as at the edge of any export.
        await insertCopies(nextCopy, nextCopy, target - size);
        nextCopy += 1;
        size = target;
      }
      if (rebuild.length > 0) {
        await db.transaction().execute(async (trx) => {
          await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
          for (const definition of rebuild) await sql.raw(definition).execute(trx);
        });
      }
      const inserted = performance.now();
      await sql`vacuum analyze dossiers`.execute(db);
      return { insertedRows: size - before, ms: inserted - started, vacuumMs: performance.now() - inserted };
    },
  };
}
