import type { DossierState } from '../../src/dossier/dossier-state.ts';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { DossierStatus } from '../../src/dossier/status.ts';
import type { ReportPeriod } from '../../src/reports/report-period.ts';
import { addDays, instantAt } from '../../src/time/vn-time.ts';
import type { DeskStore, DossierPage, DossierQuery } from '../store/index.ts';

type DossierRepository = DeskStore['dossiers'];

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
 * of the period, plus older ones still open. Read in pages of the store's index so the desk never
 * asks for its whole history at once; event ids and anomalies are dropped to keep a year's
 * report small in memory. With `unitId`, only the dossiers that unit received: a dossier
 * transferred here from another unit is counted by the unit that received it, never twice.
 */
export async function loadReportDossiers(
  repository: DossierRepository,
  period: ReportPeriod,
  options: { unitId?: string; onProgress?: (progress: LoadProgress) => void; signal?: AbortSignal } = {},
): Promise<DossierState[]> {
  const { unitId, onProgress, signal } = options;
  const startIso = new Date(instantAt(addDays(period.from, -FINISHED_LOOKBACK_DAYS), 0)).toISOString();
  const endIso = new Date(instantAt(addDays(period.to, 1), 0)).toISOString();
  const found = new Map<string, DossierState>();
  const collect = async (query: DossierQuery) => {
    for await (const state of pages(repository, query, signal)) {
      if (unitId !== undefined && state.receivingUnitId !== unitId) continue;
      found.set(state.code, state);
      if (found.size % PAGE_SIZE === 0) onProgress?.({ loaded: found.size });
    }
  };
  await collect({ receivedFrom: startIso, receivedTo: endIso });
  await collect({ receivedTo: startIso, status: OPEN_STATUSES });
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
    const page: DossierPage = await repository.query({ ...query, sort: 'received-asc', limit: PAGE_SIZE, cursor });
    for (const item of page.items) yield slim(item);
    cursor = page.nextCursor;
  } while (cursor !== null);
}

function slim(state: ProjectedDossier): ProjectedDossier {
  return { ...state, eventIds: [], anomalies: [] };
}
