import { z } from 'zod';
import { MAX_SLOT, MIN_SLOT } from '../dossier/dossier-code.ts';
import { agencyIdSchema } from '../dossier/events.ts';
import { unitKindSchema } from '../units/unit-kind.ts';

/**
 * Who this desk is: typed in at a stand-alone desk's first-run set-up, or issued by the provincial
 * server at enrollment. `agencyId` and `slot` make the desk's dossier codes collision-free offline.
 * The province is shown beside the unit's name only: the server does not send it, so an enrolled
 * desk may have none (never asked of the officer only to be thrown away).
 */
export const deskIdentitySchema = z.strictObject({
  /** Two-digit province code of the 2025 reform (e.g. "01" Hà Nội). */
  provinceCode: z.string().trim().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số').optional(),
  provinceName: z.string().trim().normalize('NFC').min(1, 'Nhập tên tỉnh, thành phố').max(100).optional(),
  unitName: z.string().trim().normalize('NFC').min(1, 'Nhập tên đơn vị').max(200),
  /** The kind of body the unit is (its forms' header); absent: taken from the unit list, else the name. */
  unitKind: unitKindSchema.optional(),
  /** QCVN 102:2016/BTTTT agency id, e.g. 000.00.12.H23. */
  agencyId: agencyIdSchema,
  slot: z
    .number()
    .int()
    .min(MIN_SLOT, `Số hiệu quầy từ ${MIN_SLOT} đến ${MAX_SLOT}`)
    .max(MAX_SLOT, `Số hiệu quầy từ ${MIN_SLOT} đến ${MAX_SLOT}`),
  deskId: z.string().trim().min(1).max(64),
});
export type DeskIdentity = z.infer<typeof deskIdentitySchema>;

/** A desk id derived from its agency and slot, stable across reinstalls of the same desk. */
export function localDeskId(agencyId: string, slot: number): string {
  return `${agencyId}#${slot}`;
}
