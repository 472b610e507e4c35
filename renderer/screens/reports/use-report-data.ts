import { useEffect, useMemo, useState } from 'react';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { dossierLedger } from '../../../src/reports/dossier-ledger.ts';
import type { DossierLedger } from '../../../src/reports/dossier-ledger.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport, ReportGroupBy } from '../../../src/reports/official-report.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import { reportSeries } from '../../reports/chart-data.ts';
import { trendPeriodOf } from '../../reports/report-periods.ts';
import type { ReportSeries } from '../../reports/chart-data.ts';
import { loadOpenDossiers, loadReportDossiers } from '../../reports/load-report-dossiers.ts';
import type { DeskStore } from '../../store/index.ts';

export type Loaded<T> = { state: 'loading'; loaded: number } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export interface ReportData {
  period: ReportPeriod;
  /** The unit reported on. */
  unitId: string;
  /** Dossiers it received or is competent for: see `loadReportDossiers`. */
  dossiers: readonly DossierState[];
  byCode: ReadonlyMap<string, DossierState>;
  /** Open dossiers are judged overdue at this instant: now, or the end of a past period. */
  asOf: string;
}

/** The report's `asOf`: the end of the period, or now while the period is still running. */
export function asOfFor(period: ReportPeriod, nowMs: number): string {
  return new Date(Math.min(nowMs, periodWindow(period).endMs)).toISOString();
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Không đọc được dữ liệu hồ sơ.';
}

/** Streams the dossiers of the period from the store, again whenever dossiers change. */
export function useReportDossiers(store: DeskStore, unitId: string, period: ReportPeriod | null, nowMs: number, version: number): Loaded<ReportData> {
  const from = period?.from;
  const to = period?.to;
  const key = `${unitId}|${from}|${to}|${version}`;
  // Results carry the key they were loaded for: a stale one reads as "loading" without a reset.
  const [result, setResult] = useState<{ key: string; value: Loaded<ReportData> } | null>(null);
  useEffect(() => {
    if (from === undefined || to === undefined) return;
    const controller = new AbortController();
    const current = { from, to };
    const onProgress = ({ loaded }: { loaded: number }) => {
      if (!controller.signal.aborted) setResult({ key, value: { state: 'loading', loaded } });
    };
    loadReportDossiers(store, current, { unitId, onProgress, signal: controller.signal })
      .then((dossiers) => {
        if (controller.signal.aborted) return;
        const value: ReportData = { period: current, unitId, dossiers, byCode: new Map(dossiers.map((d) => [d.code, d])), asOf: asOfFor(current, nowMs) };
        setResult({ key, value: { state: 'ready', value } });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, value: { state: 'error', message: errorMessage(error) } });
      });
    return () => controller.abort();
    // nowMs moves every minute; reloading for it would redo a year's read for nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
  return result && result.key === key ? result.value : { state: 'loading', loaded: 0 };
}

export interface ComputedReport {
  report: OfficialReport;
  ledger: DossierLedger;
  series: ReportSeries;
  /** Twelve months up to the period's end, for the on-time trend. */
  trend: { period: ReportPeriod; series: ReportSeries };
}

export function useComputedReport(data: ReportData | null, groupBy: ReportGroupBy): ComputedReport | null {
  // The ledger is the book of what the unit received; the figures and charts, what it is competent for.
  const ledger = useMemo(() => (data ? dossierLedger(data.dossiers.filter((d) => d.receivingUnitId === data.unitId), data.period) : null), [data]);
  const reported = useMemo(() => (data ? data.dossiers.filter((d) => d.reportUnitId === data.unitId) : null), [data]);
  const series = useMemo(() => (data && reported ? reportSeries(reported, data.period, data.asOf) : null), [data, reported]);
  const trend = useMemo(() => {
    if (!data || !reported) return null;
    const period = trendPeriodOf(data.period);
    return { period, series: reportSeries(reported, period, data.asOf) };
  }, [data, reported]);
  const report = useMemo(
    () => (data ? computeOfficialReport({ dossiers: data.dossiers, period: data.period, groupBy, asOf: data.asOf, unitId: data.unitId }) : null),
    [data, groupBy],
  );
  return report && ledger && series && trend ? { report, ledger, series, trend } : null;
}

export function useOpenDossiers(store: DeskStore, version: number): Loaded<ProjectedDossier[]> {
  const [result, setResult] = useState<Loaded<ProjectedDossier[]>>({ state: 'loading', loaded: 0 });
  useEffect(() => {
    const controller = new AbortController();
    loadOpenDossiers(store.dossiers, controller.signal)
      .then((value) => !controller.signal.aborted && setResult({ state: 'ready', value }))
      .catch((error: unknown) => !controller.signal.aborted && setResult({ state: 'error', message: errorMessage(error) }));
    return () => controller.abort();
  }, [store, version]);
  return result;
}
