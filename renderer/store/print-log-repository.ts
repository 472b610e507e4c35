import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import { printFormSchema } from '../../src/dossier/events.ts';
import type { PrintForm } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import { instantFromMs, normalizeInstant } from './instant.ts';
import type { PrintLogDoc } from './schemas/print-log-schema.ts';

export const printRecordInputSchema = z.strictObject({
  /** Unique id of this print (e.g. the id of its PRINTED event). */
  id: z.string().min(1).max(40),
  dossierCode: z.string().min(1).max(40),
  form: printFormSchema,
  /** Which document of the form (a fee receipt's key); prints of different subjects are not copies of each other. */
  subject: z.string().min(1).max(40).optional(),
  officerId: z.string().min(1).max(64),
  deskId: z.string().min(1).max(64),
  copies: z.number().int().min(1).max(100),
});
export type PrintRecordInput = z.input<typeof printRecordInputSchema>;

export interface PrintLogEntry extends Omit<PrintLogDoc, 'form'> {
  form: PrintForm;
}

export interface PrintLogRepository {
  /** Logs a print at the store's clock; the second and later prints of a form (and subject) are copies. */
  record(input: PrintRecordInput): Promise<PrintLogEntry>;
  forDossier(code: string): Promise<PrintLogEntry[]>;
  /** Prints in `[from, to)`, oldest first (the daily print report). */
  between(from: string, to: string): Promise<PrintLogEntry[]>;
}

export function createPrintLogRepository(
  collection: RxCollection<PrintLogDoc>,
  now: () => number,
  serial: <T>(task: () => Promise<T>) => Promise<T>,
): PrintLogRepository {
  return {
    record(input) {
      const parsed = printRecordInputSchema.safeParse(input);
      if (!parsed.success) {
        return Promise.reject(new DomainError('print.bad_input', 'Thông tin lần in không hợp lệ.', parsed.error.issues[0]?.path.map(String)));
      }
      const valid = parsed.data;
      return serial(async () => {
        const subject = valid.subject ?? '';
        const earlier = await collection.count({ selector: { dossierCode: valid.dossierCode, form: valid.form, subject } }).exec();
        const entry: PrintLogDoc = { ...valid, subject, printedAt: instantFromMs(now()), printNumber: earlier + 1, isCopy: earlier > 0 };
        await collection.insert(entry);
        return entry as PrintLogEntry;
      });
    },
    async forDossier(code) {
      const docs = await collection.find({ selector: { dossierCode: code }, sort: [{ printedAt: 'asc' }] }).exec();
      return docs.map((doc) => doc.toMutableJSON() as PrintLogEntry);
    },
    async between(from, to) {
      const docs = await collection
        .find({ selector: { printedAt: { $gte: normalizeInstant(from), $lt: normalizeInstant(to) } }, sort: [{ printedAt: 'asc' }] })
        .exec();
      return docs.map((doc) => doc.toMutableJSON() as PrintLogEntry);
    },
  };
}
