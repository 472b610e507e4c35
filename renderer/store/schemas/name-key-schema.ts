import type { RxJsonSchema } from 'rxdb';

/**
 * The name search index. RxDB schemas have no multi-entry indexes, so each dossier gets one tiny
 * doc per key, the key being in the primary key itself: `"<key>|<code>"`. A name prefix search
 * is then a range over the primary index, never a scan (`$regex` would read every dossier).
 */
export interface NameKeyDoc {
  id: string;
  code: string;
}

export const nameKeySchema: RxJsonSchema<NameKeyDoc> = {
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
