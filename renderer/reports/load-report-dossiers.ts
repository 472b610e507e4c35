import type { DossierState } from '../../src/dossier/dossier-state.ts';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { DossierStatus } from '../../src/dossier/status.ts';
import type { ReportPeriod } from '../../src/reports/report-period.ts';
import { addDays, instantAt } from '../../src/time/vn-time.ts';
import type { DeskStore, DossierPage, DossierQuery } from '../store/index.ts';

type DossierRepository = DeskStore['dossiers'];
type ReportSource = Pick<DeskStore, 'dossiers' | 'reportDays'>;

/**
 * How far before the period a dossier finished within it may have been received. Open dossiers
 * are found through the status index whatever their age; finished ones have no index on the
 * finishing date, so those received earlier than this are not read (statutory times are weeks,
 * not years, so such a dossier would be over a year late).
 */
export const FINISHED_LOOKBACK_DAYS = 400;

const OPEN_STATUSES = [
  DossierStatus.New,
  DossierStatus.Received,
  DossierStatus.InProcessing,
  DossierStatus.SupplementRequested,
  DossierStatus.FinancialObligationPending,
] as const;

const PAGE_SIZE = 500;

export interface LoadProgress {
  loaded: number;
}

/**
 * The dossiers a report of `period` may count: received within the lookback window up to the end
 * of the period, plus older ones still open. Read from the report days (one doc per day of
 * receipt) once the store has built them, else from the projections in pages of the store's
 * index so the desk never asks for its whole history at once. With `unitId`, only the dossiers
 * that unit received or is competent for (a linked component sent here): the report picks which
 * of them each figure counts (`computeOfficialReport`'s `unitId`).
 */
export async function loadReportDossiers(
  source: ReportSource,
  period: ReportPeriod,
  options: { unitId?: string; onProgress?: (progress: LoadProgress) => void; signal?: AbortSignal } = {},
): Promise<DossierState[]> {
  const { unitId, onProgress, signal } = options;
  const firstDay = addDays(period.from, -FINISHED_LOOKBACK_DAYS);
  const startIso = new Date(instantAt(firstDay, 0)).toISOString();
  const endIso = new Date(instantAt(addDays(period.to, 1), 0)).toISOString();
  const found = new Map<string, DossierState>();
  const keep = (state: DossierState) => {
    if (unitId !== undefined && state.receivingUnitId !== unitId && state.reportUnitId !== unitId) return;
    found.set(state.code, state);
    if (found.size % PAGE_SIZE === 0) onProgress?.({ loaded: found.size });
  };
  const collect = async (query: DossierQuery) => {
    for await (const state of pages(source.dossiers, query, signal)) keep(state);
  };
  if (await source.reportDays.isComplete()) {
    for (const state of await source.reportDays.read(firstDay, period.to)) keep(state);
    signal?.throwIfAborted();
    // Newest first: the index [status, receivedDescKey] then reads only the old open ones.
    await collect({ receivedTo: startIso, status: OPEN_STATUSES, sort: 'received-desc' });
  } else {
    await collect({ receivedFrom: startIso, receivedTo: endIso });
    await collect({ receivedTo: startIso, status: OPEN_STATUSES });
  }
  onProgress?.({ loaded: found.size });
  return [...found.values()];
}

/** The open dossiers now, for the deadline chart. */
export async function loadOpenDossiers(repository: DossierRepository, signal?: AbortSignal): Promise<ProjectedDossier[]> {
  const open: ProjectedDossier[] = [];
  for await (const state of pages(repository, { status: OPEN_STATUSES }, signal)) open.push(state);
  return open;
}

async function* pages(repository: DossierRepository, query: DossierQuery, signal?: AbortSignal): AsyncGenerator<ProjectedDossier> {
  let cursor: string | null = null;
  do {
    signal?.throwIfAborted();
    const page: DossierPage = await repository.query({ sort: 'received-asc', ...query, limit: PAGE_SIZE, cursor });
    for (const item of page.items) yield slim(item);
    cursor = page.nextCursor;
  } while (cursor !== null);
}

function slim(state: ProjectedDossier): ProjectedDossier {
  return { ...state, eventIds: [], anomalies: [] };
}
