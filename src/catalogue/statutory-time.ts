import { z } from 'zod';

/**
 * How long the law gives a procedure, counted in working time:
 * - `working-days`: N days of 8 office hours (halves allowed, e.g. 0.5);
 * - `working-hours`: N office hours;
 * - `same-day`: due by the end of the day of receipt, or the next working day when received after `cutoff`.
 */
export const statutoryTimeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('working-days'),
    days: z.number().positive().multipleOf(0.5),
  }),
  z.object({
    kind: z.literal('working-hours'),
    hours: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('same-day'),
    cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:mm').default('15:00'),
  }),
]);

export type StatutoryTime = z.infer<typeof statutoryTimeSchema>;
