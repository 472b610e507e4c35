import { z } from 'zod';
import { FEE_RECEIPT_NUMBER_MAX, FEE_RECEIPT_SYMBOL } from '../../src/fees/receipt-series.ts';

/**
 * What the provincial server sends the desk (sync/server/routes). Every response is parsed here
 * before use; events themselves are parsed again with `parseEvent` one by one, so that one bad
 * event never hides the others.
 */

/** `{error: {code, message, eventId?, path?}}`: `message` is Vietnamese, shown as is. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    eventId: z.string().optional(),
    path: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const seqCheckpointSchema = z.object({ seq: z.number().int().min(0) });
export type SeqCheckpoint = z.infer<typeof seqCheckpointSchema>;

/**
 * Our own events come back as stamps when we ask for them (`own=stamps`): the desk already holds
 * the event and only lacks the server time, so the event is rebuilt from the local copy.
 */
export const ownEventStampSchema = z.object({ id: z.string(), serverAt: z.string(), stampOnly: z.literal(true) });
export type OwnEventStamp = z.infer<typeof ownEventStampSchema>;

/** One pulled page: the documents are checked one by one later. */
export const pullPageSchema = z.object({
  documents: z.array(z.record(z.string(), z.unknown())),
  checkpoint: seqCheckpointSchema,
});
export type PullPage = z.infer<typeof pullPageSchema>;

export const pushResponseSchema = z.object({
  /** Master states the server holds instead: never expected for append-only events. */
  conflicts: z.array(z.record(z.string(), z.unknown())),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  serverTime: z.string().optional(),
  /** Desk clock minus server clock (from our X-Desk-Time header), in ms. */
  clockSkewMs: z.number().nullable().optional(),
  clockSkewed: z.boolean().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const serverUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
});
export type ServerUnit = z.infer<typeof serverUnitSchema>;

/**
 * Officers come as src/auth `Officer` records: a desk verifier (src/auth/desk-verifier.ts) for offline
 * login where the officer may log in on this desk, else null.
 */
export const enrollResponseSchema = z.object({
  credential: z.string().min(20),
  desk: z.object({ deskId: z.string().min(1), agencyId: z.string().min(1), slot: z.number().int().min(1).max(9) }),
  unit: serverUnitSchema.optional(),
  officers: z.array(z.unknown()),
  /** The last fee receipt number per book of this counter (absent from an older server). */
  feeReceiptSeries: z.record(z.string().regex(FEE_RECEIPT_SYMBOL), z.number().int().min(1).max(FEE_RECEIPT_NUMBER_MAX)).optional(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** A stream message: RxDB's pull.stream$ item as JSON. */
export const streamItemSchema = z.union([z.literal('RESYNC'), pullPageSchema]);

export const referenceDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  unitId: z.string().nullable().optional(),
  body: z.unknown(),
  updatedAt: z.string().optional(),
  _deleted: z.boolean(),
});
export type ReferenceDocument = z.infer<typeof referenceDocumentSchema>;

export const referencePageSchema = z.object({
  documents: z.array(referenceDocumentSchema),
  checkpoint: seqCheckpointSchema,
});
export type ReferencePage = z.infer<typeof referencePageSchema>;
