import type { RxJsonSchema } from 'rxdb';

/** Every print: who, when, which form, how many copies; reprints are marked as copies. */
export interface PrintLogDoc {
  id: string;
  dossierCode: string;
  form: string;
  officerId: string;
  deskId: string;
  printedAt: string;
  copies: number;
  /** 1 for the first print of this form for this dossier, 2 for the first reprint… */
  printNumber: number;
  isCopy: boolean;
}

export const printLogSchema: RxJsonSchema<PrintLogDoc> = {
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
