import type { RxJsonSchema } from 'rxdb';

/**
 * The search index of dossiers: folded name keys and blind citizen-ID keys (see name-keys.ts and
 * blind-index.ts). RxDB schemas have no multi-entry indexes, so each dossier gets one tiny doc
 * per key, the key being in the primary key itself: `"<key>|<code>"`. A search is then a range
 * over the primary index, never a scan (`$regex` would read every dossier).
 */
export interface SearchKeyDoc {
  id: string;
  code: string;
}

export const searchKeySchema: RxJsonSchema<SearchKeyDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 250 },
    code: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'code'],
  // No other index: the query planner would prefer it and scan it whole.
};
