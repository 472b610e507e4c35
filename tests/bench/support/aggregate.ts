import type { MachineFacts } from './machine.ts';
import { machineLine, markdownTable } from './results.ts';
import type { BenchResult, BenchRow } from './results.ts';

/** `bench:<name>` scripts in package.json order; `bench` itself is the runner. */
export function benchScripts(scripts: Record<string, string>): string[] {
  return Object.keys(scripts).filter((name) => /^bench:[\w-]+$/.test(name));
}

/** Where `bench:<name>` writes its result. */
export function resultFileOf(script: string): string {
  return `${script.slice('bench:'.length)}-latest.json`;
}

export interface ScriptRun {
  script: string;
  exitCode: number | null;
  durationMs: number;
  /** Null when the script wrote no (fresh) result file. */
  result: BenchResult | null;
}

export interface CombinedResult {
  startedAt: string;
  smoke: boolean;
  machine: MachineFacts;
  runs: ScriptRun[];
  rows: (BenchRow & { bench: string })[];
}

export function combine(startedAt: string, smoke: boolean, machine: MachineFacts, runs: ScriptRun[]): CombinedResult {
  const rows = runs.flatMap((run) => (run.result?.rows ?? []).map((r) => ({ ...r, bench: run.result?.bench ?? run.script })));
  return { startedAt, smoke, machine, runs, rows };
}

export function combinedMarkdown(combined: CombinedResult): string {
  const status = combined.runs.map((run) => {
    const state = run.exitCode !== 0 ? `**failed** (exit ${run.exitCode})` : run.result ? 'ok' : '**no result file**';
    return `- \`${run.script}\`: ${state}, ${(run.durationMs / 1000).toFixed(0)} s`;
  });
  const missed = combined.rows.filter((r) => r.pass === false).map((r) => `${r.bench}: ${r.label}`);
  return [
    `## Benchmarks${combined.smoke ? ' (smoke)' : ''}`,
    '',
    `${combined.startedAt}; ${machineLine(combined.machine)}.`,
    '',
    ...status,
    '',
    markdownTable(combined.rows),
    '',
    missed.length > 0 ? `Targets missed: ${missed.join('; ')}.` : 'Every target met.',
    '',
  ].join('\n');
}
