import type { MachineFacts } from './machine.ts';
import type { Summary } from './stats.ts';

/**
 * What every bench script writes to `tests/bench/results/<name>-latest.json` (for `bench:<name>`),
 * and what `npm run bench` gathers into `latest.json`: one row per figure, its reference beside it.
 */
export interface BenchRow {
  id: string;
  label: string;
  unit: 'ms';
  value: Summary;
  /** The same operation done the reference way (raw Dexie, plain SQL…), in the same run. */
  reference?: Summary & { label: string };
  /** value.p95 / reference.p95. */
  ratioP95?: number;
  /** The p95 must not exceed this. */
  targetP95?: number;
  /** null when the row has no target. */
  pass: boolean | null;
  note?: string;
}

export interface BenchResult {
  bench: string;
  smoke: boolean;
  startedAt: string;
  durationMs: number;
  machine: MachineFacts;
  params: Record<string, unknown>;
  rows: BenchRow[];
  /** Anything else worth keeping (seeding times, dataset shape, diagnostics). */
  extra: Record<string, unknown>;
}

export function row(input: Omit<BenchRow, 'unit' | 'ratioP95' | 'pass'>): BenchRow {
  const ratio = input.reference && input.reference.p95 > 0 ? input.value.p95 / input.reference.p95 : undefined;
  const pass = input.targetP95 === undefined ? null : input.value.p95 <= input.targetP95;
  return { ...input, unit: 'ms', ...(ratio !== undefined ? { ratioP95: ratio } : {}), pass };
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');

export function machineLine(m: MachineFacts): string {
  return (
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium ?? '?'}; ` +
    `load average ${m.loadAverage.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min) at start` +
    (m.loadAverageEnd ? `, ${m.loadAverageEnd.map((x) => x.toFixed(2)).join(' / ')} at end` : '')
  );
}

/** One Markdown table: every figure beside its reference and the ratio of the p95s. */
export function markdownTable(rows: readonly (BenchRow & { bench?: string })[]): string {
  const withBench = rows.some((r) => r.bench !== undefined);
  const head = [...(withBench ? ['bench'] : []), 'operation', 'n', 'p50', 'p95', 'max', 'reference', 'ref p50', 'ref p95', 'p95 ratio', 'target p95', 'result'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h) => (h === 'operation' || h === 'bench' || h === 'reference' ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) {
    const cells = [
      ...(withBench ? [r.bench ?? ''] : []),
      r.label,
      String(r.value.n),
      ms(r.value.p50),
      ms(r.value.p95),
      ms(r.value.max),
      r.reference?.label ?? '–',
      r.reference ? ms(r.reference.p50) : '–',
      r.reference ? ms(r.reference.p95) : '–',
      r.ratioP95 !== undefined ? `${r.ratioP95.toFixed(1)}×` : '–',
      r.targetP95 !== undefined ? `≤ ${r.targetP95}` : '–',
      r.pass === null ? '–' : r.pass ? 'pass' : '**FAIL**',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
