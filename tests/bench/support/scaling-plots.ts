import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineChartSvg } from './plot.ts';
import type { LineChart, Series } from './plot.ts';
import type { BenchResult } from './results.ts';

/** What a bench may put in `extra.curves`: charts drawn next to the results as `<bench>-<name>.svg`. */
export interface NamedChart extends LineChart {
  name: string;
}

/** `desk-size-<N>.json`: a full desk run kept per dataset size for the scaling curves. */
export const deskSizeFile = (size: number) => `desk-size-${size}.json`;

const DESK_CURVE_ROWS = ['receive', 'scan-detail', 'name-search', 'alert-counts', 'list-first-page'];

function read(file: string): BenchResult | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  } catch {
    return null;
  }
}

/** Desk p95 per operation against the number of dossiers, from every kept size. */
export function deskCharts(results: readonly BenchResult[]): NamedChart[] {
  const sized = results
    .map((r) => ({ size: Number(r.params.size), rows: new Map(r.rows.map((row) => [row.id, row])) }))
    .filter((r) => Number.isFinite(r.size))
    .sort((a, b) => a.size - b.size);
  if (sized.length < 2) return [];
  const seriesOf = (ids: readonly string[]): Series[] =>
    ids
      .map((id) => ({
        label: sized.find((s) => s.rows.has(id))?.rows.get(id)?.label ?? id,
        points: sized.flatMap((s) => {
          const row = s.rows.get(id);
          return row ? [[s.size, row.value.p95] as const] : [];
        }),
      }))
      .filter((s) => s.points.length > 0);
  return [
    { name: 'operations', title: 'Desk operations: p95 by dataset size', xLabel: 'dossiers on the desk', yLabel: 'p95 (ms)', logX: true, series: seriesOf(DESK_CURVE_ROWS), threshold: { value: 50, label: 'target 50 ms' } },
    { name: 'start-and-report', title: 'Desk cold start and year report: p95 by dataset size', xLabel: 'dossiers on the desk', yLabel: 'p95 (ms)', logX: true, series: seriesOf(['cold-start', 'year-report']), threshold: { value: 1500, label: 'cold start target 1.5 s' } },
  ];
}

interface ReportScalingPoint {
  size: number;
  reportP50: number;
  reportP95: number;
  referenceP50: number;
}

/** Server report time at 1×, 4×, 10× data (bench:reports `extra.scaling`). */
export function reportCharts(result: BenchResult | null): NamedChart[] {
  const points = (result?.extra.scaling ?? []) as ReportScalingPoint[];
  if (points.length < 2) return [];
  return [
    {
      name: 'server',
      title: 'Server year report on PostgreSQL by data size',
      xLabel: 'dossiers on the server',
      yLabel: 'ms',
      logX: true,
      series: [
        { label: 'report p95', points: points.map((p) => [p.size, p.reportP95] as const) },
        { label: 'report p50', points: points.map((p) => [p.size, p.reportP50] as const) },
        { label: 'indexed SELECT p50 (floor)', points: points.map((p) => [p.size, p.referenceP50] as const) },
      ],
      threshold: { value: 3000, label: 'target 3 s at 2,000,000' },
    },
  ];
}

/**
 * Push throughput at saturation and latency at the target load against the number of desks
 * pushing at once (bench:sync rows `push-throughput-<desks>`, closed loop, and `push-latency-<desks>`,
 * open loop at the offered load, each push timed from its scheduled send).
 */
export function syncCharts(result: BenchResult | null): NamedChart[] {
  const levels = (result?.rows ?? [])
    .map((row) => /^push-throughput-(\d+)$/.exec(row.id)?.[1])
    .filter((desks): desks is string => desks !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (!result || levels.length < 2) return [];
  const row = (id: string) => result.rows.find((r) => r.id === id);
  // Throughput rows hold ms per 1,000 events (BenchRow is ms-only): turned back into events/s.
  const perSecond = (ms: number | undefined) => (ms === undefined || ms <= 0 ? null : 1_000_000 / ms);
  const points = (pick: (desks: number) => number | null | undefined) =>
    levels.flatMap((desks) => {
      const value = pick(desks);
      return value === null || value === undefined ? [] : [[desks, value] as const];
    });
  return [
    {
      name: 'push-throughput',
      title: 'Server push throughput at saturation (closed loop) by desks pushing at once (PostgreSQL)',
      xLabel: 'desks pushing at once',
      yLabel: 'events per second',
      logX: true,
      series: [
        { label: 'server (validated, projected)', points: points((d) => perSecond(row(`push-throughput-${d}`)?.value.p50)) },
        { label: 'raw COPY (floor)', points: points((d) => perSecond(row(`push-throughput-${d}`)?.reference?.p50)) },
      ],
      threshold: { value: 3000, label: 'target 3,000 events/s' },
    },
    {
      name: 'push-latency',
      title: `Push latency at ${offeredLoad(result)} offered (open loop, from the scheduled send), PostgreSQL`,
      xLabel: 'desks sharing the load',
      yLabel: 'ms',
      logX: true,
      series: [
        { label: 'p99 (the target)', points: points((d) => row(`push-latency-${d}`)?.value.p99) },
        { label: 'p95', points: points((d) => row(`push-latency-${d}`)?.value.p95) },
        { label: 'p50', points: points((d) => row(`push-latency-${d}`)?.value.p50) },
        { label: 'raw COPY p95, same schedule', points: points((d) => row(`push-latency-${d}`)?.reference?.p95) },
        { label: 'max', points: points((d) => row(`push-latency-${d}`)?.value.max) },
      ],
      threshold: { value: 1000, label: 'target p99 1 s' },
    },
  ];
}

/** The open loop's offered load, as the sync bench records it in its params. */
function offeredLoad(result: BenchResult): string {
  const rate = (result.params.openLoop as { eventsPerSecond?: unknown } | undefined)?.eventsPerSecond;
  return typeof rate === 'number' ? `${rate.toLocaleString('en')} events/s` : 'the target load';
}

/** Writes every chart the results hold; returns the file names. */
export function writeScalingPlots(resultsDir: string): string[] {
  const files = readdirSync(resultsDir);
  const charts: { file: string; chart: LineChart }[] = [];
  const deskRuns = files.filter((f) => /^desk-size-\d+\.json$/.test(f)).map((f) => read(join(resultsDir, f))).filter((r): r is BenchResult => r !== null && !r.smoke);
  for (const chart of deskCharts(deskRuns)) charts.push({ file: `desk-scaling-${chart.name}.svg`, chart });
  for (const chart of reportCharts(read(join(resultsDir, 'reports-latest.json')))) charts.push({ file: `reports-scaling-${chart.name}.svg`, chart });
  for (const chart of syncCharts(read(join(resultsDir, 'sync-latest.json')))) charts.push({ file: `sync-scaling-${chart.name}.svg`, chart });
  for (const file of files.filter((f) => /^[\w-]+-latest\.json$/.test(f))) {
    const result = read(join(resultsDir, file));
    const curves = (result?.extra.curves ?? []) as NamedChart[];
    for (const chart of curves) charts.push({ file: `${result?.bench ?? 'bench'}-scaling-${chart.name}.svg`, chart });
  }
  for (const { file, chart } of charts) writeFileSync(join(resultsDir, file), lineChartSvg(chart));
  return charts.map((c) => c.file);
}
