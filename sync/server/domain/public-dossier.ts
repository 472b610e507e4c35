import type { Kysely } from 'kysely';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { groupDueAt } from '../../../src/dossier/linked-group.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
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
  /** A linked group's component: the group and the progress of each of its components. */
  group?: PublicGroup;
}

export interface PublicGroupComponent {
  code: string;
  procedureName: string;
  /** Null while the component has not reached the server yet. */
  statusLabel: string | null;
  currentUnit: string | null;
  appointmentAt: string;
}

export interface PublicGroup {
  code: string;
  procedureName: string;
  /** The group's appointment: its latest component's. */
  appointmentAt: string | null;
  components: PublicGroupComponent[];
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
  const state = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as ProjectedDossier;
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
    ...(state.group ? { group: await publicGroup(db, state) } : {}),
  };
}

/** Each component's progress, as the server knows it (a component not synced yet says so). */
async function publicGroup(db: Kysely<Schema>, state: ProjectedDossier): Promise<PublicGroup> {
  const members = state.group?.members ?? [];
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.holder_unit_id')
    .select(['d.code', 'd.status', 'd.state', 'u.name as unitName'])
    .where('d.code', 'in', members.map((m) => m.dossierCode))
    .execute();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const components = members.map((member) => {
    const row = byCode.get(member.dossierCode);
    const memberState = row ? ((typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as DossierState) : null;
    return {
      code: member.dossierCode,
      procedureName: member.procedureName,
      statusLabel: row ? statusLabels[Number(row.status) as DossierState['status']] : null,
      currentUnit: row ? row.unitName : null,
      appointmentAt: memberState?.dueAt || member.dueAt,
    };
  });
  return { code: state.linkedGroupId ?? state.code, procedureName: state.group?.procedureName ?? '', appointmentAt: groupDueAt(components.map((c) => ({ dueAt: c.appointmentAt }))), components };
}
