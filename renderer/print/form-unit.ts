import { z } from 'zod';
import type { FormUnit } from '../../src/print/forms/index.ts';
import { unitKindSchema } from '../../src/units/unit-kind.ts';
import type { Desk } from '../app/desk-context.tsx';

/** What a form's header needs from the desk's own unit in the province's unit list (reference kind `unit`). */
const unitHeaderSchema = z.looseObject({
  kind: unitKindSchema.optional(),
  governingBody: z.string().trim().normalize('NFC').min(1).max(200).optional(),
});

/**
 * The unit that issues this desk's forms: its name from the desk identity, its kind and governing
 * body from the unit list the desk pulls (what `unit add/update --kind` set), else the identity's
 * own kind (a stand-alone desk), else derived from the name by the form header.
 */
export async function loadFormUnit(desk: Pick<Desk, 'identity' | 'store'>): Promise<FormUnit> {
  const { identity } = desk;
  const base: FormUnit = { unitName: identity.unitName, provinceName: identity.provinceName ?? '', agencyId: identity.agencyId };
  let listed: z.output<typeof unitHeaderSchema> | null = null;
  try {
    listed = (await desk.store.reference.get('unit', identity.agencyId, unitHeaderSchema))?.value ?? null;
  } catch {
    // A damaged unit document must not stop printing: the name still gives the kind.
  }
  const kind = listed?.kind ?? identity.unitKind;
  const governingBody = listed?.governingBody;
  return { ...base, ...(kind ? { kind } : {}), ...(governingBody ? { governingBody } : {}) };
}
