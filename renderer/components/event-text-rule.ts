import type { z } from 'zod';
import { forbiddenCharacterParams } from '../../src/dossier/events.ts';

/**
 * The text rule's message for what an officer typed into a field that becomes `field` of an event
 * (the event schema's own field, e.g. `payloadSchemas.REFUSED.shape.reason`), or null. The form
 * asks the schema itself, so it shows on the field the very message the event would be refused
 * with, and holds no copy of the rule.
 */
export function eventTextProblem(field: z.ZodType, typed: string): string | null {
  const parsed = field.safeParse(typed);
  if (parsed.success) return null;
  return parsed.error.issues.find((issue) => forbiddenCharacterParams(issue) !== null)?.message ?? null;
}

/** The same check as a refinement of a form's zod schema (react-hook-form's zod resolver). */
export function sameTextRuleAs(field: z.ZodType) {
  return (typed: string, ctx: z.RefinementCtx) => {
    const problem = eventTextProblem(field, typed);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  };
}
