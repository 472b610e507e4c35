import { useEffect, useState } from 'react';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { DeskStore } from '../../store/index.ts';
import { toListQuery } from './alert-queries.ts';
import type { AlertKind, AlertQuery } from './alert-queries.ts';

export const LIST_LIMIT = 200;
const KINDS: AlertKind[] = ['overdue', 'due-soon', 'today'];

export interface AlertData {
  totals: Record<AlertKind, number>;
  lists: Record<AlertKind, ProjectedDossier[]>;
  /** Per holder officer id ('' = held by the unit, nobody named). */
  perOfficer: { officerId: string; counts: Record<AlertKind, number> }[];
}

/** Dossiers of the alert held by `unitId` (or by no recorded unit), optionally by one officer. */
export async function countOf(store: Pick<DeskStore, 'dossiers'>, query: AlertQuery, unitId: string, officer?: string): Promise<number> {
  const counts = await store.dossiers.counts({ statuses: query.statuses, deadline: query.deadline, holderUnit: unitId, ...(officer !== undefined ? { officer } : {}) });
  return query.statuses.reduce((sum, status) => sum + counts[status], 0);
}

/**
 * Index-only counts and the first page of each list of the desk's unit `unitId` (dossiers held
 * elsewhere alert at their holder's desk); re-run on every store change and clock tick.
 */
export function useAlerts(store: DeskStore, unitId: string, queries: Record<AlertKind, AlertQuery>, officerIds: readonly string[], officer: string | null, version: number) {
  const [data, setData] = useState<AlertData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([unitId, queries, officerIds, officer]);
  useEffect(() => {
    let live = true;
    (async () => {
      const [unit, q, ids, chosen] = JSON.parse(key) as [string, Record<AlertKind, AlertQuery>, string[], string | null];
      const totals = {} as Record<AlertKind, number>;
      const lists = {} as Record<AlertKind, ProjectedDossier[]>;
      await Promise.all(
        KINDS.map(async (kind) => {
          totals[kind] = await countOf(store, q[kind], unit, chosen ?? undefined);
          lists[kind] = (await store.dossiers.query(toListQuery(q[kind], unit, chosen, LIST_LIMIT))).items;
        }),
      );
      const perOfficer = await Promise.all(
        [...ids, ''].map(async (officerId) => {
          const counts = {} as Record<AlertKind, number>;
          for (const kind of KINDS) counts[kind] = await countOf(store, q[kind], unit, officerId);
          return { officerId, counts };
        }),
      );
      if (live) {
        setData({ totals, lists, perOfficer: perOfficer.filter((row) => KINDS.some((kind) => row.counts[kind] > 0)) });
        setError(null);
      }
    })().catch((reason: unknown) => {
      if (live) setError(`Không tải được cảnh báo: ${reason instanceof Error ? reason.message : String(reason)}`);
    });
    return () => {
      live = false;
    };
  }, [store, key, version]);
  return { data, error };
}
