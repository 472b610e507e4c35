import type { RxJsonSchema, MigrationStrategies } from 'rxdb';
import { foldForSearch } from '../../../src/people/search-key.ts';

/**
 * Local projections of dossiers, one doc per code, rebuilt from the event log at will.
 * Dexie only indexes required fields, so every index helper is required and never null:
 * - `dueKey` / `receivedKey`: the instant then the code, so ranges and keyset cursors are plain
 *   string comparisons (a dossier without a due date gets `~`, after every instant);
 * - `receivedDescKey`: the same order reversed ("newest first"). RxDB appends the primary key
 *   ascending to every sort, so a descending sort is never served by an index and would read
 *   the whole range; an ascending sort on a reversed key is.
 * - `holderOfficerId`: '' when the dossier is held by a unit rather than an officer;
 * - `nameKey` (since version 1): the folded full name, for name ordering and full-name prefixes.
 * Name search by any word goes through the `searchkeys` collection.
 */
export interface DossierDocV0 {
  code: string;
  status: number;
  dueKey: string;
  receivedKey: string;
  receivedDescKey: string;
  holderOfficerId: string;
  procedureCode: string;
  field: string;
  applicantName: string;
  /** The projected `DossierState` (plus projection extras), as JSON. */
  state: Record<string, unknown>;
  /** Applicant and collector contact data; encrypted at rest. */
  personal: Record<string, unknown>;
  lastEventId: string;
}

export interface DossierDocV1 extends DossierDocV0 {
  nameKey: string;
}

/**
 * Since version 2 the projection holds no personal data: contact data stay in the (encrypted)
 * events and are put together for the one dossier on screen. Lists, searches, alerts and reports
 * read thousands of projections, and RxDB's crypto-js layer decrypted the field on every read
 * even when only the state was wanted (about 0.25 ms a document).
 */
export type DossierDoc = Omit<DossierDocV1, 'personal'>;

const v0Properties = {
  code: { type: 'string', maxLength: 40 },
  status: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 1 },
  dueKey: { type: 'string', maxLength: 80 },
  receivedKey: { type: 'string', maxLength: 80 },
  receivedDescKey: { type: 'string', maxLength: 80 },
  holderOfficerId: { type: 'string', maxLength: 64 },
  procedureCode: { type: 'string', maxLength: 32 },
  field: { type: 'string', maxLength: 200 },
  applicantName: { type: 'string', maxLength: 200 },
  state: { type: 'object' },
  personal: { type: 'object' },
  lastEventId: { type: 'string', maxLength: 36 },
} as const;

const v0Required = [
  'code', 'status', 'dueKey', 'receivedKey', 'receivedDescKey', 'holderOfficerId', 'procedureCode', 'field',
  'applicantName', 'state', 'personal', 'lastEventId',
] as const;

const v0Indexes = [
  ['status', 'dueKey'],
  ['status', 'receivedDescKey'],
  ['receivedKey'],
  ['receivedDescKey'],
  ['holderOfficerId', 'status', 'dueKey'],
  ['holderOfficerId', 'receivedDescKey'],
  ['procedureCode', 'receivedDescKey'],
  ['field', 'receivedDescKey'],
];

/** Kept to document the upgrade path and to test it; no longer opened by the app. */
export const dossierSchemaV0: RxJsonSchema<DossierDocV0> = {
  version: 0,
  primaryKey: 'code',
  type: 'object',
  properties: v0Properties,
  required: [...v0Required],
  indexes: v0Indexes,
  encrypted: ['personal'],
};

const { personal: _personal, ...v2Properties } = v0Properties;

export const dossierSchema: RxJsonSchema<DossierDoc> = {
  version: 2,
  primaryKey: 'code',
  type: 'object',
  properties: { ...v2Properties, nameKey: { type: 'string', maxLength: 200 } },
  required: [...v0Required.filter((field) => field !== 'personal'), 'nameKey'],
  indexes: [...v0Indexes, ['nameKey']],
};

export const dossierMigrations: MigrationStrategies = {
  1: (doc: DossierDocV0): DossierDocV1 => ({ ...doc, nameKey: foldForSearch(doc.applicantName).slice(0, 200) }),
  2: ({ personal: _dropped, ...doc }: DossierDocV1): DossierDoc => doc,
};
