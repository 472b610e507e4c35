import type { ColumnType, Generated } from 'kysely';
import type { UnitKind } from '../../../src/units/unit-kind.ts';

/** Kysely's view of the tables made by `db/migrations`. Keep the two in step. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint columns come back as strings from PostgreSQL and as numbers or bigints from PGlite. */
type BigIntColumn = ColumnType<string | number | bigint, never, never>;
type Json = ColumnType<unknown, string, string>;

export type UnitLevel = 'province' | 'district' | 'commune' | 'branch';
export type OfficerRole = 'reception' | 'processing' | 'leader' | 'admin';
export type ReferenceKind = 'catalogue' | 'calendar' | 'unit' | 'officer';

export interface UnitsTable {
  id: string;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
  created_at: DefaultTimestamp;
  /** Migration 0012: null = taken from the name (src/units/unit-kind.ts). */
  kind: ColumnType<UnitKind | null, UnitKind | null | undefined, UnitKind | null>;
  governing_body: ColumnType<string | null, string | null | undefined, string | null>;
  /** The unit's account for fees paid by transfer or VietQR (0010_fees.sql). */
  bank_bin: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_number: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Each fee receipt number a unit has used (0010_fees.sql). */
export interface FeeReceiptsTable {
  unit_id: string;
  symbol: string;
  number: number;
  dossier_code: string;
  event_id: string;
}

export interface OfficersTable {
  id: string;
  unit_id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  password_verifier: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** The desks of the unit the officer may log in on (migration 0009): 'all', 'none' or slots '1,3'. */
  desk_access: ColumnType<string, string | undefined, string>;
}

export interface DesksTable {
  id: string;
  unit_id: string;
  slot: number;
  credential_hash: string | null;
  enrolled_at: Timestamp | null;
  /** Migration 0007: kept across re-enrolments. */
  first_enrolled_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface EnrollmentCodesTable {
  code_hash: string;
  desk_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface EventsTable {
  seq: ColumnType<string | number | bigint, never, never>;
  id: string;
  dossier_code: string;
  type: string;
  unit_id: string;
  desk_id: string;
  officer_id: string;
  body: Json;
  body_hash: string;
  server_at: Timestamp;
  clock_skew_flag: boolean;
  /** Migration 0007: why the desk time is doubtful (sync/server/domain/event-dates.ts); empty when it is not. */
  date_flags: ColumnType<string[], string[] | undefined, never>;
}

export interface DossierUnitsTable {
  dossier_code: string;
  unit_id: string;
  granted_at: DefaultTimestamp;
}

export interface UnitFeedTable {
  feed_seq: BigIntColumn;
  unit_id: string;
  event_seq: ColumnType<string | number | bigint, string | number | bigint, never>;
}

export interface DossiersTable {
  code: string;
  receiving_unit_id: string;
  holder_unit_id: string;
  status: number;
  procedure_code: string;
  received_at: Timestamp;
  due_at: Timestamp | null;
  finished_at: Timestamp | null;
  returned_at: Timestamp | null;
  state: Json;
  last_event_seq: ColumnType<string | number | bigint, string | number | bigint, string | number | bigint>;
  updated_at: DefaultTimestamp;
  /** Report columns (migration 0005), copied from `state` by the projection. */
  channel: ColumnType<string, string | undefined, string>;
  field: ColumnType<string, string | undefined, string>;
  procedure_name: ColumnType<string, string | undefined, string>;
  received_by_officer_id: ColumnType<string, string | undefined, string>;
  supplement_request_count: ColumnType<number, number | undefined, number>;
  /** Apology letters with a new appointment (migration 0014): finished, the dossier is late. */
  extension_count: ColumnType<number, number | undefined, number>;
  linked_group_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Generated: a due date, and a finishing time exactly when the status is a finished one. */
  report_placeable: ColumnType<boolean, never, never>;
  /** The unit whose report counts the dossier (migration 0015): `DossierState.reportUnitId`. */
  report_unit_id: string;
  /** `DossierState.papersDigitised` and `resultDigitised` (migration 0017): the digitisation rates. */
  papers_digitised: ColumnType<boolean, boolean | undefined, boolean>;
  result_digitised: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ReferenceDocsTable {
  kind: ReferenceKind;
  key: string;
  unit_id: string | null;
  body: Json;
  body_hash: string;
  deleted: ColumnType<boolean, boolean | undefined, boolean>;
  seq: ColumnType<string | number | bigint, string | number | bigint, string | number | bigint>;
  updated_at: DefaultTimestamp;
}

/** Migration 0011: counter consultations (guided / refused at the counter), not dossiers. */
export interface CounterConsultationsTable {
  id: string;
  unit_id: string;
  desk_id: string;
  officer_id: string;
  outcome: 'guided' | 'refused';
  procedure_code: string;
  at: Timestamp;
  body: Json;
  body_hash: string;
  server_at: Timestamp;
}

/** Migration 0016: uploaded papers, one row per checked content (issue 22). */
export interface AttachmentBlobsTable {
  hash: string;
  size: number;
  media_type: string;
  stored_at: DefaultTimestamp;
}

export interface AttachmentDownloadsTable {
  id: Generated<number>;
  hash: string;
  dossier_code: string;
  desk_id: string;
  unit_id: string;
  at: DefaultTimestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface Schema {
  units: UnitsTable;
  officers: OfficersTable;
  desks: DesksTable;
  enrollment_codes: EnrollmentCodesTable;
  events: EventsTable;
  dossier_units: DossierUnitsTable;
  unit_feed: UnitFeedTable;
  dossiers: DossiersTable;
  reference_docs: ReferenceDocsTable;
  counter_consultations: CounterConsultationsTable;
  schema_migrations: SchemaMigrationsTable;
  fee_receipts: FeeReceiptsTable;
  attachment_blobs: AttachmentBlobsTable;
  attachment_downloads: AttachmentDownloadsTable;
}
