import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/**
 * The search index of dossiers: folded name keys and blind citizen-ID keys (see name-keys.ts and
 * blind-index.ts). RxDB schemas have no multi-entry indexes, so each dossier gets one tiny doc
 * per key, the key being in the primary key itself: `"<key>|<receivedDescKey>"` (version 1;
 * version 0 had `"<key>|<code>"`), so that one key's dossiers come newest first. A search is then
 * a range over the primary index, never a scan (`$regex` would read every dossier).
 */
export interface SearchKeyDoc {
  id: string;
  code: string;
}

const base = {
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 250 },
    code: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'code'],
  // No other index: the query planner would prefer it and scan it whole.
} as const satisfies Omit<RxJsonSchema<SearchKeyDoc>, 'version'>;

/** Kept to document the upgrade path and to test it; no longer opened by the app. */
export const searchKeySchemaV0: RxJsonSchema<SearchKeyDoc> = { ...base, version: 0, required: [...base.required] };

export const searchKeySchema: RxJsonSchema<SearchKeyDoc> = { ...base, version: 1, required: [...base.required] };

/**
 * Version 0 ids lack the received order, which the old doc cannot supply: they are dropped and
 * the store rebuilds the keys from the projections at open (`repairSearchKeys`).
 */
export const searchKeyMigrations: MigrationStrategies = {
  1: () => null,
};
