import type { ChartPoint } from '../../../reports/chart-data.ts';

interface BarChartProps {
  title: string;
  points: readonly ChartPoint[];
  /** Shown after values in the accessible summary, e.g. "hồ sơ" or "%". */
  unit: string;
  /** Fixed top of the scale (100 for rates); the largest value otherwise. */
  max?: number;
  /** A dashed line, e.g. the on-time target. */
  reference?: { value: number; label: string };
  testId?: string;
}

const WIDTH = 560;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 34;
const INK = '#1b2430';
const BAR = '#1f5fae';
const GRID = '#d5dbe3';

/** Rounds the scale up to 1, 2 or 5 × 10ⁿ so gridlines fall on readable numbers. */
function niceMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

/**
 * A plain SVG bar chart: solid bars with their values, gridlines and labels in dark ink, so that it
 * reads the same on screen, on a monochrome printer and in a PDF; no chart library needed for this.
 */
export function BarChart({ title, points, unit, max, reference, testId }: BarChartProps) {
  const values = points.map((p) => p.value ?? 0);
  const top = max ?? niceMax(Math.max(0, ...values));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.ceil(points.length / 16);
  const showValues = points.length <= 31;
  const steps = top % 4 === 0 ? 4 : 5;
  const ticks = Array.from({ length: steps + 1 }, (_, i) => (top * i) / steps);
  const summary = points.map((p) => p.title).join('; ');

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${summary}`} width="100%" preserveAspectRatio="xMidYMid meet">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={INK}>
              {tick.toLocaleString('vi-VN')}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const x = LEFT + slot * index + (slot - barWidth) / 2;
          const value = point.value;
          return (
            <g key={`${point.label}-${index}`}>
              <title>{point.title}</title>
              {value !== null && value > 0 && <rect x={x} y={y(value)} width={barWidth} height={y(0) - y(value)} fill={BAR} />}
              {showValues && value !== null && (
                <text x={x + barWidth / 2} y={y(value) - 4} textAnchor="middle" fontSize={points.length > 16 ? 10 : 12} fill={INK}>
                  {value.toLocaleString('vi-VN')}
                </text>
              )}
              {value === null && (
                <text x={x + barWidth / 2} y={y(0) - 4} textAnchor="middle" fontSize={12} fill="#5b6675">
                  –
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={LEFT + slot * index + slot / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" fontSize={12} fill={INK}>
                  {point.label}
                </text>
              )}
            </g>
          );
        })}
        {reference && (
          <g>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(reference.value)} y2={y(reference.value)} stroke="#b3261e" strokeDasharray="6 4" strokeWidth={1.5} />
            <text x={WIDTH - RIGHT} y={y(reference.value) - 4} textAnchor="end" fontSize={12} fill="#b3261e">
              {reference.label}
            </text>
          </g>
        )}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} stroke={INK} strokeWidth={1} />
        <text x={LEFT} y={HEIGHT - 4} fontSize={12} fill="#5b6675">
          {`Đơn vị: ${unit}`}
        </text>
      </svg>
    </figure>
  );
}
