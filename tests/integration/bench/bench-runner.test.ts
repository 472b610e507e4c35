import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchScripts, combine, combinedMarkdown, resultFileOf } from '../../bench/support/aggregate.ts';
import { machineFacts } from '../../bench/support/machine.ts';
import { row } from '../../bench/support/results.ts';
import type { BenchResult } from '../../bench/support/results.ts';
import { percentile, summarize } from '../../bench/support/stats.ts';

describe('npm run bench', () => {
  it('finds the bench:* scripts in package.json order, and bench:desk among them', () => {
    expect(benchScripts({ bench: 'x', 'bench:desk': 'a', test: 'b', 'bench:sync': 'c', 'bench:reports': 'd' })).toEqual([
      'bench:desk',
      'bench:sync',
      'bench:reports',
    ]);
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(benchScripts(pkg.scripts)).toContain('bench:desk');
    expect(resultFileOf('bench:desk')).toBe('desk-latest.json');
  });

  it('puts every figure beside its reference with the ratio, and flags missed targets', () => {
    const desk: BenchResult = {
      bench: 'desk',
      smoke: true,
      startedAt: '2026-11-20T02:00:00.000Z',
      durationMs: 1_000,
      machine: machineFacts('Chromium 1'),
      params: {},
      rows: [
        row({ id: 'scan', label: 'scan → detail', value: summarize([10, 20, 30]), reference: { label: 'raw Dexie', ...summarize([5, 5, 10]) }, targetP95: 25 }),
        row({ id: 'open', label: 'store open', value: summarize([100]) }),
      ],
      extra: {},
    };
    const combined = combine('2026-11-20T02:00:00.000Z', true, machineFacts(), [
      { script: 'bench:desk', exitCode: 0, durationMs: 1_000, result: desk },
      { script: 'bench:sync', exitCode: 1, durationMs: 500, result: null },
    ]);
    expect(combined.rows.map((r) => [r.bench, r.ratioP95, r.pass])).toEqual([
      ['desk', 3, false],
      ['desk', undefined, null],
    ]);
    const markdown = combinedMarkdown(combined);
    expect(markdown).toContain('| desk | scan → detail | 3 | 20.0 | 30.0 | 30.0 | raw Dexie | 5.0 | 10.0 | 3.0× | ≤ 25 | **FAIL** |');
    expect(markdown).toContain('`bench:sync`: **failed** (exit 1)');
    expect(markdown).toContain('Targets missed: desk: scan → detail.');
    expect(markdown).toMatch(/\d+ cores, [\d.]+ GiB RAM/);
  });

  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, p95: 3, max: 3 });
  });
});
