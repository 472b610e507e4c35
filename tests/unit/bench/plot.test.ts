import { describe, expect, it } from 'vitest';
import { lineChartSvg, niceTicks } from '../../bench/support/plot.ts';
import { deskCharts, syncCharts } from '../../bench/support/scaling-plots.ts';
import type { BenchResult } from '../../bench/support/results.ts';
import { row } from '../../bench/support/results.ts';

const summary = (p95: number) => ({ n: 10, p50: p95 / 2, p95, p99: p95 * 2, max: p95 * 2, mean: p95 / 2 });

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

  it('turns push rows per desk level into throughput (events/s) and latency curves', () => {
    const pushRow = (desks: number, msPer1000: number, floorMsPer1000: number, latencyP95: number) => [
      row({ id: `push-throughput-${desks}`, label: 't', value: summary(msPer1000), reference: { label: 'insert', ...summary(floorMsPer1000) } }),
      row({ id: `push-latency-${desks}`, label: 'l', value: summary(latencyP95), reference: { label: 'insert', ...summary(100) } }),
    ];
    const result: BenchResult = {
      bench: 'sync',
      smoke: false,
      startedAt: '2026-11-23T00:00:00Z',
      durationMs: 1,
      machine: {} as BenchResult['machine'],
      params: {},
      rows: [...pushRow(300, 250, 25, 8_000), ...pushRow(100, 200, 20, 3_000), row({ id: 'day-end-sync', label: 'd', value: summary(1) })],
      extra: {},
    };
    const [throughput, latency] = syncCharts(result);
    expect(throughput?.series.map((s) => s.points)).toEqual([
      // summary() puts p50 at half the p95: 200 ms per 1,000 events → p50 100 ms → 10,000 events/s.
      [[100, 10_000], [300, 8_000]],
      [[100, 100_000], [300, 80_000]],
    ]);
    expect(latency?.series.slice(0, 2)).toEqual([
      { label: 'p99 (the target)', points: [[100, 6_000], [300, 16_000]] },
      { label: 'p95', points: [[100, 3_000], [300, 8_000]] },
    ]);
    // A result written before p99 was recorded draws no p99 curve rather than a wrong one.
    const withoutP99 = result.rows.map((r) => ({ ...r, value: { ...r.value, p99: undefined } }));
    expect(syncCharts({ ...result, rows: withoutP99 })[1]?.series[0]?.points).toEqual([]);
    expect(syncCharts({ ...result, rows: pushRow(100, 200, 20, 3_000) })).toEqual([]);
  });
});
