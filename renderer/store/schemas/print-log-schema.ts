import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/** Every print: who, when, which form, how many copies; reprints are marked as copies. */
export interface PrintLogDoc {
  id: string;
  dossierCode: string;
  form: string;
  /** Which document of the form ('' when the dossier has one: a fee receipt's key otherwise). */
  subject: string;
  officerId: string;
  deskId: string;
  printedAt: string;
  copies: number;
  /** 1 for the first print of this form (and subject) for this dossier, 2 for the first reprint… */
  printNumber: number;
  isCopy: boolean;
}

/** Version 0, before `subject`: what older desks hold (and what the migration test writes). */
export const printLogSchemaV0: RxJsonSchema<Omit<PrintLogDoc, 'subject'>> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    dossierCode: { type: 'string', maxLength: 40 },
    form: { type: 'string', maxLength: 32 },
    officerId: { type: 'string', maxLength: 64 },
    deskId: { type: 'string', maxLength: 64 },
    printedAt: { type: 'string', maxLength: 30 },
    copies: { type: 'integer', minimum: 1, maximum: 100 },
    printNumber: { type: 'integer', minimum: 1 },
    isCopy: { type: 'boolean' },
  },
  required: ['id', 'dossierCode', 'form', 'officerId', 'deskId', 'printedAt', 'copies', 'printNumber', 'isCopy'],
  indexes: [['dossierCode', 'form', 'printedAt'], ['printedAt']],
};

export const printLogSchema: RxJsonSchema<PrintLogDoc> = {
  ...printLogSchemaV0,
  version: 1,
  properties: { ...printLogSchemaV0.properties, subject: { type: 'string', maxLength: 40 } },
  required: ['id', 'dossierCode', 'form', 'subject', 'officerId', 'deskId', 'printedAt', 'copies', 'printNumber', 'isCopy'],
  indexes: [['dossierCode', 'form', 'subject', 'printedAt'], ['printedAt']],
};

/** v1 adds `subject`: earlier prints were of forms a dossier has once. */
export const printLogMigrations: MigrationStrategies = {
  1: (doc: Omit<PrintLogDoc, 'subject'>): PrintLogDoc => ({ ...doc, subject: '' }),
};
