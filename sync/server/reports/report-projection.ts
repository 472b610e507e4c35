import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import type { Schema } from '../db/schema.ts';

/**
 * What the official report reads of a dossier, as columns of the server projection (migration
 * 0005), so that the report is counted in SQL instead of loading `state` into Node.
 */
export function reportColumns(dossier: DossierState) {
  return {
    channel: dossier.channel,
    field: dossier.field,
    procedure_name: dossier.procedureName,
    received_by_officer_id: dossier.receivedByOfficerId,
    supplement_request_count: dossier.supplementRequestCount,
    extension_count: dossier.extensionCount,
    linked_group_id: dossier.linkedGroupId,
  };
}

/**
 * True when the report can place the dossier in time (the generated column `report_placeable`,
 * migration 0005, with the rule of `timeDossiers` in src/reports/report-dossiers.ts): it has a due
 * date and its status agrees with its finishing time. `alias` qualifies the column ('' for none).
 */
export function reportUsable(alias = ''): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(alias === '' ? 'report_placeable' : `${alias}.report_placeable`)}`;
}

/**
 * Recomputes `report_counted` over linked groups (all of them when `groupIds` is undefined): a
 * linked dossier is counted unless a usable member of its group was received before it (ties: the
 * smaller code, compared like JavaScript strings), as `countableDossiers` (src/reports/linked-groups.ts)
 * picks the member that represents the group. Run after every change to a linked dossier; event
 * writers are serialised, so two members saved at once cannot both claim the group.
 */
export async function markLinkedRepresentatives(db: Kysely<Schema>, groupIds?: readonly string[]): Promise<void> {
  if (groupIds !== undefined && groupIds.length === 0) return;
  const which = groupIds === undefined ? sql`d.linked_group_id is not null` : sql`d.linked_group_id in (${sql.join(groupIds)})`;
  await sql`update dossiers d set report_counted = not exists (
      select 1 from dossiers o
      where o.linked_group_id = d.linked_group_id
        and ${reportUsable('o')}
        and (o.received_at < d.received_at or (o.received_at = d.received_at and o.code collate "C" < d.code collate "C"))
    )
    where ${which}`.execute(db);
}
