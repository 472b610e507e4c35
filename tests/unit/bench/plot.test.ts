import { describe, expect, it } from 'vitest';
import { lineChartSvg, niceTicks } from '../../bench/support/plot.ts';
import { deskCharts } from '../../bench/support/scaling-plots.ts';
import type { BenchResult } from '../../bench/support/results.ts';
import { row } from '../../bench/support/results.ts';

const summary = (p95: number) => ({ n: 10, p50: p95 / 2, p95, max: p95, mean: p95 / 2 });

describe('scaling plots', () => {
  it('picks 1-2-5 ticks that cover the data', () => {
    expect(niceTicks(47)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(1_800)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('draws one path and one legend entry per series, with escaped text', () => {
    const svg = lineChartSvg({
      title: 'A < B & C',
      xLabel: 'dossiers',
      yLabel: 'ms',
      logX: true,
      series: [
        { label: 'receive', points: [[10_000, 20], [50_000, 25], [200_000, 31]] },
        { label: 'search', points: [[10_000, 8], [200_000, 12]] },
      ],
      threshold: { value: 50, label: 'target' },
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).toContain('A &lt; B &amp; C');
    expect(svg).toContain('200,000');
    expect(svg).toContain('stroke-dasharray');
  });

  it('turns desk runs of several sizes into p95 curves per operation', () => {
    const run = (size: number, receiveP95: number): BenchResult => ({
      bench: 'desk',
      smoke: false,
      startedAt: '2026-11-22T00:00:00Z',
      durationMs: 1,
      machine: {} as BenchResult['machine'],
      params: { size },
      rows: [row({ id: 'receive', label: 'receive → saved', value: summary(receiveP95), targetP95: 50 })],
      extra: {},
    });
    const [operations] = deskCharts([run(200_000, 40), run(10_000, 20)]);
    expect(operations?.series).toEqual([{ label: 'receive → saved', points: [[10_000, 20], [200_000, 40]] }]);
    expect(deskCharts([run(10_000, 20)])).toEqual([]);
  });
});
