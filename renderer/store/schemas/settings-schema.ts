import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/** Desk settings and small store state (login throttles, projection checkpoint). */
export interface SettingsDoc {
  id: string;
  value: Record<string, unknown>;
  /** A secret kept with the setting (the desk's sync credential); encrypted at rest. */
  secret?: string;
  updatedAt: string;
}

export const settingsSchema: RxJsonSchema<SettingsDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 120 },
    value: { type: 'object' },
    secret: { type: 'string' },
    updatedAt: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'value', 'updatedAt'],
  encrypted: ['secret'],
};

/** v1 only adds the optional encrypted `secret`; sync/client moves its credential there on load. */
export const settingsMigrations: MigrationStrategies = {
  1: (doc: SettingsDoc): SettingsDoc => doc,
};
