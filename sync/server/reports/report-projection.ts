import { sql, type RawBuilder } from 'kysely';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';

/**
 * What the official report reads of a dossier, as columns of the server projection (migrations
 * 0005, 0014, 0015, 0017), so that the report is counted in SQL instead of loading `state` into Node.
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
    report_unit_id: dossier.reportUnitId,
    papers_digitised: dossier.papersDigitised,
    result_digitised: dossier.resultDigitised,
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
