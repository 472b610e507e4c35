// `npm run bench [-- --smoke]`: runs every `bench:*` script of package.json in order, then writes
// tests/bench/results/latest.json and latest.md (each figure beside its reference, with ratios).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../e2e/support/chromium.ts';
import { benchScripts, combine, combinedMarkdown, resultFileOf } from './support/aggregate.ts';
import type { ScriptRun } from './support/aggregate.ts';
import { machineFacts } from './support/machine.ts';
import { writeScalingPlots } from './support/scaling-plots.ts';
import type { BenchResult } from './support/results.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'tests/bench/results');
const collectOnly = process.argv.includes('--collect');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--collect');
const smoke = passThrough.includes('--smoke');

function chromiumVersion(): string | undefined {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function freshResult(script: string, since: number): BenchResult | null {
  const file = join(results, resultFileOf(script));
  try {
    if (statSync(file).mtimeMs < since) return null;
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  } catch {
    return null;
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
const scripts = benchScripts(pkg.scripts ?? {});
const startedAt = new Date().toISOString();
const machine = machineFacts(chromiumVersion());
console.log(`[bench] ${collectOnly ? 'collecting' : 'running'} ${scripts.join(', ') || 'nothing (no bench:* scripts)'}${smoke ? ' (smoke)' : ''}`);

const runs: ScriptRun[] = [];
for (const script of scripts) {
  if (collectOnly) {
    const result = freshResult(script, 0);
    runs.push({ script, exitCode: result ? 0 : null, durationMs: result?.durationMs ?? 0, result });
    continue;
  }
  const started = Date.now();
  console.log(`\n▶ ${script}`);
  const run = spawnSync('npm', ['run', '--silent', script, ...(passThrough.length > 0 ? ['--', ...passThrough] : [])], { cwd: root, stdio: 'inherit' });
  runs.push({ script, exitCode: run.status, durationMs: Date.now() - started, result: freshResult(script, started) });
}
machine.loadAverageEnd = machineFacts().loadAverage;

// Collected results were measured earlier: report the machine as it was then.
const measuredOn = collectOnly ? (runs.find((run) => run.result)?.result?.machine ?? machine) : machine;
const measuredAt = collectOnly ? (runs.find((run) => run.result)?.result?.startedAt ?? startedAt) : startedAt;
const combined = combine(measuredAt, smoke || runs.some((run) => run.result?.smoke), measuredOn, runs);
const markdown = combinedMarkdown(combined);
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(combined, null, 2)}\n`);
writeFileSync(join(results, 'latest.md'), markdown);
console.log(`\n${markdown}`);
const plots = writeScalingPlots(results);
if (plots.length > 0) console.log(`[bench] scaling plots: ${plots.map((f) => `tests/bench/results/${f}`).join(', ')}`);
// Missed targets are reported, not fatal: on a shared machine they need a human look.
process.exit(runs.every((run) => run.exitCode === 0 && run.result !== null) ? 0 : 1);
