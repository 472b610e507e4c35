import type { RxJsonSchema } from 'rxdb';
import type { PersonalValues } from '../personal-data.ts';

/**
 * The event log, replicated to the provincial server later. Events are only ever inserted.
 * Personal data is split off into `personal`, which the storage encrypts.
 */
export interface EventDoc {
  id: string;
  dossierCode: string;
  type: string;
  at: string;
  /** The event without its personal fields. */
  event: Record<string, unknown>;
  personal: PersonalValues;
}

export const eventSchema: RxJsonSchema<EventDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    dossierCode: { type: 'string', maxLength: 40 },
    type: { type: 'string', maxLength: 40 },
    at: { type: 'string', maxLength: 30 },
    event: { type: 'object' },
    personal: { type: 'object' },
  },
  required: ['id', 'dossierCode', 'type', 'at', 'event', 'personal'],
  indexes: [['dossierCode', 'id']],
  encrypted: ['personal'],
};
