import { sql, type Transaction } from 'kysely';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { OfficerRole, Schema } from '../db/schema.ts';

/** What a retried push is compared with: the stored event's hash and server time. */
export interface StoredEvent {
  seq: number;
  bodyHash: string;
  serverAt: Date;
}

export interface DossierHistory {
  /** The dossier's stored events with server time, in sequence order. */
  events: DossierEvent[];
  /** Their sequence numbers, same order. */
  seqs: number[];
}

export interface BatchOfficer {
  unitId: string;
  role: OfficerRole;
  active: boolean;
  /** The argon2id PHC verifier: the officer key of their sessions is derived from its hash. */
  verifier: string;
  /** The desks they may act on (domain/officer-access.ts), as stored: 'all', 'none' or '1,3'. */
  deskAccess: string;
}

/** Everything a pushed batch is validated against, as stored. */
export interface BatchContext {
  /** The pushed ids already stored. */
  stored: Map<string, StoredEvent>;
  /** The transfer targets that exist, with their names and kinds (null: read from the name). */
  existingUnits: Map<string, { id: string; name: string; kind: string | null }>;
  /** The stored history of every dossier a new event of the batch touches (empty for a new dossier). */
  histories: Map<string, DossierHistory>;
  /** The units that may see each of those dossiers. */
  dossierUnits: Map<string, string[]>;
  /** The officers the events name. */
  officers: Map<string, BatchOfficer>;
}

export interface BatchContextQuery {
  events: ReadonlyArray<{ id: string; dossierCode: string }>;
  transferTargets: readonly string[];
  officerIds: readonly string[];
}

interface ContextRow {
  stored: unknown;
  existing_units: unknown;
  histories: unknown;
  dossier_units: unknown;
  officers: unknown;
}

/**
 * Reads a batch's context in one round trip (a push's reads would otherwise be five statements).
 * Call it after the dossiers' locks are held, in its own statement, so that its snapshot includes
 * every commit made before the locks were granted. Histories are read for the dossiers of the
 * events not stored yet: a retried batch needs none.
 */
export async function readBatchContext(trx: Transaction<Schema>, query: BatchContextQuery): Promise<BatchContext> {
  const context: BatchContext = { stored: new Map(), existingUnits: new Map(), histories: new Map(), dossierUnits: new Map(), officers: new Map() };
  if (query.events.length === 0) return context;
  const pushed = query.events.map((event) => ({ id: event.id, code: event.dossierCode }));
  const result = await sql<ContextRow>`with pushed as (
  select p.id::uuid as id, p.code from json_to_recordset(${JSON.stringify(pushed)}::json) as p(id text, code text)
),
new_codes as (
  select distinct p.code from pushed p where not exists (select 1 from events e where e.id = p.id)
)
select
  (select coalesce(json_agg(json_build_object('id', e.id, 'seq', e.seq, 'bodyHash', e.body_hash, 'serverAt', e.server_at)), '[]'::json)
    from events e where e.id in (select id from pushed)) as stored,
  (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'kind', u.kind)), '[]'::json)
    from units u where u.id in (select value from json_array_elements_text(${JSON.stringify(query.transferTargets)}::json))) as existing_units,
  (select coalesce(json_agg(json_build_object('code', e.dossier_code, 'seq', e.seq, 'body', e.body, 'serverAt', e.server_at) order by e.seq), '[]'::json)
    from events e where e.dossier_code in (select code from new_codes)) as histories,
  (select coalesce(json_agg(json_build_object('code', d.dossier_code, 'unitId', d.unit_id)), '[]'::json)
    from dossier_units d where d.dossier_code in (select code from new_codes)) as dossier_units,
  (select coalesce(json_agg(json_build_object('id', o.id, 'unitId', o.unit_id, 'role', o.role, 'active', o.active, 'verifier', o.password_verifier, 'deskAccess', o.desk_access)), '[]'::json)
    from officers o where o.id in (select value from json_array_elements_text(${JSON.stringify(query.officerIds)}::json))) as officers`.execute(trx);
  const row = result.rows[0] as ContextRow;

  for (const e of jsonList<{ id: string; seq: number; bodyHash: string; serverAt: string }>(row.stored)) {
    context.stored.set(e.id, { seq: Number(e.seq), bodyHash: e.bodyHash, serverAt: new Date(e.serverAt) });
  }
  for (const unit of jsonList<{ id: string; name: string; kind: string | null }>(row.existing_units)) context.existingUnits.set(unit.id, unit);
  for (const e of jsonList<{ code: string; seq: number; body: DossierEvent; serverAt: string }>(row.histories)) {
    let history = context.histories.get(e.code);
    if (!history) context.histories.set(e.code, (history = { events: [], seqs: [] }));
    // Bodies were stored as the desk sent them (`serverAt: null`): the server time is added back, as pulls do.
    history.events.push({ ...e.body, serverAt: new Date(e.serverAt).toISOString() });
    history.seqs.push(Number(e.seq));
  }
  for (const grant of jsonList<{ code: string; unitId: string }>(row.dossier_units)) {
    const units = context.dossierUnits.get(grant.code);
    if (units) units.push(grant.unitId);
    else context.dossierUnits.set(grant.code, [grant.unitId]);
  }
  for (const o of jsonList<{ id: string } & BatchOfficer>(row.officers)) {
    context.officers.set(o.id, { unitId: o.unitId, role: o.role, active: o.active, verifier: o.verifier, deskAccess: o.deskAccess });
  }
  return context;
}

/** A `json` column: parsed by node-postgres and PGlite, text if a driver leaves it alone. */
function jsonList<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
