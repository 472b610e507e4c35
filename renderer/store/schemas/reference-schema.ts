import type { RxJsonSchema } from 'rxdb';

/**
 * Reference data, one collection for every kind (desk identity, officers, procedures,
 * calendars…): few collections keep us far under RxDB's limit of 13 open ones.
 */
export interface ReferenceDoc {
  /** `<kind>:<key>` */
  id: string;
  kind: string;
  key: string;
  /** A second lookup key (officers: the username); '' when unused. */
  lookup: string;
  data: Record<string, unknown>;
  source: 'local' | 'provincial';
  updatedAt: string;
}

export const referenceSchema: RxJsonSchema<ReferenceDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    kind: { type: 'string', maxLength: 32 },
    key: { type: 'string', maxLength: 160 },
    lookup: { type: 'string', maxLength: 160 },
    data: { type: 'object' },
    source: { type: 'string', enum: ['local', 'provincial'] },
    updatedAt: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'kind', 'key', 'lookup', 'data', 'source', 'updatedAt'],
  indexes: [['kind', 'lookup']],
};
