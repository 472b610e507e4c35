import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { DomainError } from '../../src/errors.ts';

/**
 * A dossier as the reports read it: its state without the route (event ids) and anomalies,
 * stored as a fixed-order array so that a day of dossiers is one small JSON string.
 * Bump `REPORT_ROW_FORMAT` whenever `ROW_FIELDS` or the grouping of rows into docs changes: the
 * store rebuilds the report days. 1: rows by day; 2: by hour; 3: by quarter day; 4: the report unit of linked components;
 * 5: whether its papers and its result are digitised.
 */
export const REPORT_ROW_FORMAT = 5;

const ROW_FIELDS = [
  'procedureCode', 'procedureName', 'field', 'applicantName', 'channel', 'receivingUnitId', 'receivedByOfficerId',
  'holderUnitId', 'holderOfficerId', 'status', 'receivedAt', 'originalDueAt', 'dueAt', 'finishedAt', 'returnedAt',
  'pausedWorkingMinutes', 'supplementRequestCount', 'extensionCount', 'linkedGroupId', 'reportUnitId',
  'papersDigitised', 'resultDigitised',
] as const satisfies readonly (keyof DossierState)[];

type RowField = (typeof ROW_FIELDS)[number];
/** Every field of DossierState is either in a row or deliberately left out; adding one fails here. */
type Unplaced = Exclude<keyof DossierState, RowField | 'code' | 'eventIds' | 'anomalies'>;
const allFieldsPlaced: [Unplaced] extends [never] ? true : Unplaced = true;
void allFieldsPlaced;

export type ReportRow = unknown[];
/** One day's rows by dossier code. */
export type ReportRows = Record<string, ReportRow>;

export function toReportRow(state: DossierState): ReportRow {
  return ROW_FIELDS.map((field) => state[field]);
}

/** Reports never change a dossier's route: one shared empty list instead of two arrays per row. */
const NO_ITEMS: never[] = Object.freeze([]) as unknown as never[];

export function fromReportRow(code: string, row: unknown): DossierState {
  if (!Array.isArray(row) || row.length !== ROW_FIELDS.length) {
    throw new DomainError('store.report_row_corrupt', `Dữ liệu báo cáo của hồ sơ ${code} bị hỏng; hãy mở lại ứng dụng để dựng lại.`);
  }
  // A literal in ROW_FIELDS order (one object shape for every row; the round-trip test checks the order).
  const [
    procedureCode, procedureName, field, applicantName, channel, receivingUnitId, receivedByOfficerId, holderUnitId,
    holderOfficerId, status, receivedAt, originalDueAt, dueAt, finishedAt, returnedAt, pausedWorkingMinutes,
    supplementRequestCount, extensionCount, linkedGroupId, reportUnitId, papersDigitised, resultDigitised,
  ] = row as DossierState[RowField][];
  return {
    code, procedureCode, procedureName, field, applicantName, channel, receivingUnitId, receivedByOfficerId, holderUnitId,
    holderOfficerId, status, receivedAt, originalDueAt, dueAt, finishedAt, returnedAt, pausedWorkingMinutes,
    supplementRequestCount, extensionCount, linkedGroupId, reportUnitId, papersDigitised, resultDigitised, eventIds: NO_ITEMS, anomalies: NO_ITEMS,
  } as DossierState;
}

export function parseReportRows(json: string): ReportRows {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DomainError('store.report_day_corrupt', 'Dữ liệu báo cáo theo ngày bị hỏng; hãy mở lại ứng dụng để dựng lại.');
  }
  return parsed as ReportRows;
}
