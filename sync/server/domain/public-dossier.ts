import type { Kysely } from 'kysely';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { statusLabels } from '../../../src/dossier/status.ts';
import type { Schema } from '../db/schema.ts';

/** What a citizen may learn from a dossier code (DESIGN §7: no personal data beyond a masked name). */
export interface PublicDossier {
  code: string;
  status: number;
  statusLabel: string;
  procedureCode: string;
  procedureName: string;
  currentUnit: { id: string; name: string };
  receivedAt: string;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  applicantName: string;
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": the family name, then initials. */
export function maskName(fullName: string): string {
  const [family, ...rest] = fullName.normalize('NFC').trim().split(/\s+/);
  if (!family) return '';
  return [family, ...rest.map((word) => `${[...word][0]?.toLocaleUpperCase('vi') ?? ''}.`)].join(' ');
}

/** The public view of a dossier, or null for an unknown or malformed code (the caller answers both alike). */
export async function findPublicDossier(db: Kysely<Schema>, typedCode: string): Promise<PublicDossier | null> {
  const parsed = parseDossierCode(typedCode);
  if (!parsed.ok) return null;
  const row = await db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.holder_unit_id')
    .select(['d.code', 'd.status', 'd.state', 'u.id as unitId', 'u.name as unitName'])
    .where('d.code', '=', parsed.value.code)
    .executeTakeFirst();
  if (!row) return null;
  const state = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as DossierState;
  const status = Number(row.status) as DossierState['status'];
  return {
    code: row.code,
    status,
    statusLabel: statusLabels[status],
    procedureCode: state.procedureCode,
    procedureName: state.procedureName,
    currentUnit: { id: row.unitId, name: row.unitName },
    receivedAt: state.receivedAt,
    appointmentAt: state.dueAt === '' ? null : state.dueAt,
    finishedAt: state.finishedAt,
    returnedAt: state.returnedAt,
    applicantName: maskName(state.applicantName),
  };
}
