import type { DeadlineChartKind } from '../../../reports/chart-data.ts';
import { deadlineChartKinds } from '../../../reports/chart-data.ts';
import { deadlineLabels } from '../../../components/deadline-view.ts';

const colors: Record<DeadlineChartKind, string> = {
  'not-due': '#2e7d32',
  'due-soon': '#c77700',
  overdue: '#b3261e',
  paused: '#6b7785',
};

const WIDTH = 560;
const ROW = 34;
const LABEL = 170;
const NUMBER = 100;

/**
 * Open dossiers by deadline state now, as labelled horizontal bars: the words and numbers carry
 * the meaning, the colours only help on screen.
 */
export function DeadlineChart({ counts, asOfLabel }: { counts: Record<DeadlineChartKind, number>; asOfLabel: string }) {
  const total = deadlineChartKinds.reduce((sum, kind) => sum + counts[kind], 0);
  const max = Math.max(1, ...deadlineChartKinds.map((kind) => counts[kind]));
  const height = ROW * deadlineChartKinds.length + 8;
  const summary = deadlineChartKinds.map((kind) => `${deadlineLabels[kind]} ${counts[kind]}`).join('; ');
  return (
    <figure className="chart" data-testid="deadline-chart">
      <figcaption className="chart-title">{`Hồ sơ đang mở theo hạn xử lý (${asOfLabel}) – tổng ${total.toLocaleString('vi-VN')}`}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} width="100%" preserveAspectRatio="xMidYMid meet">
        {deadlineChartKinds.map((kind, index) => {
          const y = 4 + index * ROW;
          const width = ((WIDTH - LABEL - NUMBER) * counts[kind]) / max;
          const share = total === 0 ? 0 : Math.round((1000 * counts[kind]) / total) / 10;
          return (
            <g key={kind}>
              <text x={0} y={y + ROW / 2 + 4} fontSize={14} fill="#1b2430">
                {deadlineLabels[kind]}
              </text>
              <rect x={LABEL} y={y + 6} width={Math.max(counts[kind] > 0 ? 2 : 0, width)} height={ROW - 12} fill={colors[kind]} />
              <text x={LABEL + width + 8} y={y + ROW / 2 + 4} fontSize={14} fill="#1b2430" fontWeight={600}>
                {`${counts[kind].toLocaleString('vi-VN')} (${share.toLocaleString('vi-VN')}%)`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
