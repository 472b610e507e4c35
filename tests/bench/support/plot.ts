/** A line chart as a standalone SVG: enough for scaling curves, no plotting dependency. */
export interface Series {
  label: string;
  points: readonly (readonly [number, number])[];
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** A horizontal dashed line, e.g. a target. */
  threshold?: { value: number; label: string };
  /** Logarithmic x axis (sizes growing ×4, ×10…). */
  logX?: boolean;
}

const WIDTH = 900;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 260, bottom: 56, left: 72 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 1, 2, 5 × 10^k steps covering [0, max]. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const format = (n: number) => (Math.abs(n) >= 1000 ? n.toLocaleString('en') : String(Number(n.toPrecision(4))));

export function lineChartSvg(chart: LineChart): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xs = chart.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = chart.series.flatMap((s) => s.points.map(([, y]) => y));
  const yTicks = niceTicks(Math.max(...ys, chart.threshold?.value ?? 0, 0));
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const xScale = (x: number) => {
    if (xMax === xMin) return MARGIN.left + plotW / 2;
    const t = chart.logX ? (Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin)) : (x - xMin) / (xMax - xMin);
    return MARGIN.left + t * plotW;
  };
  const yScale = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
  const xTicks = [...new Set(xs)].sort((a, b) => a - b);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escape(chart.title)}</text>`,
  ];
  for (const t of yTicks) {
    const y = yScale(t);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y + 4}" text-anchor="end">${format(t)}</text>`);
  }
  for (const t of xTicks) {
    const x = xScale(t);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 5}" stroke="#333"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + plotH + 20}" text-anchor="middle">${format(t)}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escape(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`);
  if (chart.threshold) {
    const y = yScale(chart.threshold.value);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y}" y2="${y}" stroke="#999" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${MARGIN.left + plotW - 4}" y="${y - 6}" text-anchor="end" fill="#666">${escape(chart.threshold.label)}</text>`);
  }
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length] as string;
    const points = [...series.points].sort((a, b) => a[0] - b[0]);
    const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${xScale(x).toFixed(1)} ${yScale(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of points) parts.push(`<circle cx="${xScale(x).toFixed(1)}" cy="${yScale(y).toFixed(1)}" r="3.5" fill="${colour}"/>`);
    const legendY = MARGIN.top + 8 + index * 20;
    parts.push(`<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 36}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 42}" y="${legendY + 4}">${escape(series.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
