import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import type { EventSigner } from '../../src/auth/officer-session.ts';
import { parseConsultation } from '../../src/counter/consultation.ts';
import type { CounterConsultation } from '../../src/counter/consultation.ts';
import { DomainError } from '../../src/errors.ts';
import { instantFromMs } from './instant.ts';
import { createSerialQueue } from './serial-queue.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

/**
 * Counter consultations on the desk (src/counter/consultation.ts): one doc each in the `settings`
 * collection under `counter-consultation:<id>`, like the report days, because a seventh collection
 * would put two stores in one realm over RxDB open core's 13 (collection-limit.test.ts). The
 * applicant's personal fields go in the doc's encrypted `secret`; the rest stays readable. UUIDv7
 * ids make the key order the order of recording.
 */
export const CONSULTATION_KEY_PREFIX = 'counter-consultation:';
/** The first key after every consultation key (':' + 1). */
const KEY_PREFIX_END = 'counter-consultation;';

const PERSONAL_APPLICANT_FIELDS = ['citizenId', 'birthDate', 'phone', 'email', 'address'] as const;

/** What the server said of a consultation it refused (kept on the desk, not sent again until changed). */
const rejectionSchema = z.object({ code: z.string(), message: z.string(), at: z.string() });
export type ConsultationRejection = z.infer<typeof rejectionSchema>;

const storedValueSchema = z.object({
  record: z.record(z.string(), z.unknown()),
  /** When the server acknowledged it (desk clock, ISO), or null while it waits. */
  sentAt: z.string().nullable(),
  rejection: rejectionSchema.nullable(),
  /** Every print of its form (who, when): the second and later are copies ("Bản sao"). */
  prints: z.array(z.object({ at: z.string(), officerId: z.string() })).default([]),
});

export interface StoredConsultation {
  consultation: CounterConsultation;
  sentAt: string | null;
  rejection: ConsultationRejection | null;
  /** How many times its form was printed. */
  printCount: number;
}

export interface ConsultationRepository {
  /** The officer session that signs consultations recorded from now on (null: unsigned, logged out). */
  signWith(signer: EventSigner | Promise<EventSigner> | null): void;
  /** Validates, signs and stores a new consultation; the same record again stores nothing. */
  record(consultation: CounterConsultation): Promise<CounterConsultation>;
  byId(id: string): Promise<StoredConsultation | null>;
  /** Every consultation on the desk, newest first. */
  list(): Promise<StoredConsultation[]>;
  /** Consultations the server has neither acknowledged nor refused, oldest first. */
  unsent(): Promise<CounterConsultation[]>;
  markSent(ids: readonly string[]): Promise<void>;
  markRejected(id: string, rejection: { code: string; message: string }): Promise<void>;
  /** Logs a print of its form by `officerId`; returns whether that print was a copy. */
  recordPrint(id: string, officerId: string): Promise<{ isCopy: boolean; printNumber: number }>;
}

export function createConsultationRepository(collection: RxCollection<SettingsDoc>, now: () => number): ConsultationRepository {
  // Writes of consultations one at a time (a record and a sync marking it sent never interleave).
  const serial = createSerialQueue();
  let signer: EventSigner | Promise<EventSigner> | null = null;

  const readDoc = (doc: SettingsDoc): StoredConsultation | null => {
    const value = storedValueSchema.safeParse(doc.value);
    if (!value.success) return null;
    const personal = parsePersonal(doc.secret);
    const record = structuredClone(value.data.record);
    const applicant = (record.applicant ?? {}) as Record<string, unknown>;
    record.applicant = { ...applicant, ...personal };
    const parsed = parseConsultation(record);
    if (!parsed.ok) return null;
    return { consultation: parsed.value, sentAt: value.data.sentAt, rejection: value.data.rejection, printCount: value.data.prints.length };
  };

  const readRange = async (): Promise<SettingsDoc[]> => {
    const docs = await collection.find({ selector: { id: { $gte: CONSULTATION_KEY_PREFIX, $lt: KEY_PREFIX_END } }, sort: [{ id: 'asc' }] }).exec();
    return docs.map((doc) => doc.toMutableJSON());
  };

  const update = (ids: readonly string[], change: (value: z.infer<typeof storedValueSchema>) => void) =>
    serial(async () => {
      for (const id of ids) {
        const doc = await collection.findOne(CONSULTATION_KEY_PREFIX + id).exec();
        if (!doc) continue;
        const json = doc.toMutableJSON();
        const value = storedValueSchema.safeParse(json.value);
        if (!value.success) continue;
        change(value.data);
        await doc.incrementalPatch({ value: value.data, updatedAt: instantFromMs(now()) });
      }
    });

  return {
    signWith(next) {
      if (next instanceof Promise) next.catch(() => undefined);
      signer = next;
    },
    record(input) {
      const parsed = parseConsultation(input);
      if (!parsed.ok) return Promise.reject(parsed.error);
      const signing = signer;
      return serial(async () => {
        const session = await signing;
        const consultation = session ? session.signRecord(parsed.value) : parsed.value;
        const existing = await collection.findOne(CONSULTATION_KEY_PREFIX + consultation.id).exec();
        if (existing) {
          const stored = readDoc(existing.toMutableJSON());
          if (stored && JSON.stringify({ ...stored.consultation, session: undefined }) === JSON.stringify({ ...consultation, session: undefined })) {
            return stored.consultation;
          }
          throw new DomainError('consultation.id_reused', `Bản ghi ${consultation.id} đã có với nội dung khác: không ghi đè.`, ['id']);
        }
        const { clear, personal } = splitApplicant(consultation);
        await collection.insert({
          id: CONSULTATION_KEY_PREFIX + consultation.id,
          value: { record: clear, sentAt: null, rejection: null, prints: [] },
          secret: JSON.stringify(personal),
          updatedAt: instantFromMs(now()),
        });
        return consultation;
      });
    },
    async byId(id) {
      const doc = await collection.findOne(CONSULTATION_KEY_PREFIX + id).exec();
      return doc ? readDoc(doc.toMutableJSON()) : null;
    },
    async list() {
      const docs = await readRange();
      return docs
        .map(readDoc)
        .filter((stored): stored is StoredConsultation => stored !== null)
        .reverse();
    },
    async unsent() {
      const docs = await readRange();
      return docs
        .map(readDoc)
        .filter((stored): stored is StoredConsultation => stored !== null && stored.sentAt === null && stored.rejection === null)
        .map((stored) => stored.consultation);
    },
    markSent(ids) {
      const at = instantFromMs(now());
      return update(ids, (value) => {
        value.sentAt = at;
        value.rejection = null;
      });
    },
    async recordPrint(id, officerId) {
      let printNumber = 0;
      await update([id], (value) => {
        value.prints.push({ at: instantFromMs(now()), officerId });
        printNumber = value.prints.length;
      });
      if (printNumber === 0) throw new DomainError('consultation.not_found', `Không có phiếu hướng dẫn tại quầy ${id} trên quầy.`, ['id']);
      return { isCopy: printNumber > 1, printNumber };
    },
    markRejected(id, rejection) {
      const at = instantFromMs(now());
      return update([id], (value) => {
        value.rejection = { code: rejection.code, message: rejection.message, at };
      });
    },
  };
}

function splitApplicant(consultation: CounterConsultation): { clear: Record<string, unknown>; personal: Record<string, string> } {
  const clear = structuredClone(consultation) as unknown as Record<string, unknown>;
  const applicant = clear.applicant as Record<string, unknown>;
  const personal: Record<string, string> = {};
  for (const field of PERSONAL_APPLICANT_FIELDS) {
    const value = applicant[field];
    if (typeof value === 'string') {
      personal[field] = value;
      delete applicant[field];
    }
  }
  return { clear, personal };
}

function parsePersonal(secret: string | undefined): Record<string, string> {
  if (secret === undefined) return {};
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(secret));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
