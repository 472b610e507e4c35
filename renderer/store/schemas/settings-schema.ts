import type { RxJsonSchema } from 'rxdb';

/** Desk settings and small store state (login throttles, projection checkpoint). */
export interface SettingsDoc {
  id: string;
  value: Record<string, unknown>;
  updatedAt: string;
}

export const settingsSchema: RxJsonSchema<SettingsDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 120 },
    value: { type: 'object' },
    updatedAt: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'value', 'updatedAt'],
};
