import type { PeriodChoice, PeriodKind } from '../../reports/report-periods.ts';

const kinds: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'year', label: 'Năm' },
  { value: 'custom', label: 'Tùy chọn' },
];

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const quarters = [1, 2, 3, 4];
const QUARTER_NAMES = ['I', 'II', 'III', 'IV'];

export function PeriodPicker({ choice, onChange, years }: { choice: PeriodChoice; onChange: (next: PeriodChoice) => void; years: readonly number[] }) {
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...choice, ...patch });
  return (
    <div className="period-picker" role="group" aria-label="Kỳ báo cáo">
      <label className="control">
        <span>Kỳ báo cáo</span>
        <select
          className="field-input"
          aria-label="Kỳ báo cáo"
          value={choice.kind}
          onChange={(e) => {
            const kind = e.target.value as PeriodKind;
            const index = kind === 'quarter' && choice.kind === 'month' ? Math.ceil(choice.index / 3) : kind === 'month' && choice.kind === 'quarter' ? (choice.index - 1) * 3 + 1 : choice.index;
            set({ kind, index });
          }}
        >
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {choice.kind === 'month' && (
        <label className="control">
          <span>Tháng</span>
          <select className="field-input" aria-label="Tháng" value={choice.index} onChange={(e) => set({ index: Number(e.target.value) })}>
            {months.map((m) => (
              <option key={m} value={m}>{`Tháng ${m}`}</option>
            ))}
          </select>
        </label>
      )}
      {choice.kind === 'quarter' && (
        <label className="control">
          <span>Quý</span>
          <select className="field-input" aria-label="Quý" value={Math.min(4, choice.index)} onChange={(e) => set({ index: Number(e.target.value) })}>
            {quarters.map((q) => (
              <option key={q} value={q}>{`Quý ${QUARTER_NAMES[q - 1]}`}</option>
            ))}
          </select>
        </label>
      )}
      {choice.kind !== 'custom' && (
        <label className="control">
          <span>Năm</span>
          <select className="field-input" aria-label="Năm" value={choice.year} onChange={(e) => set({ year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      {choice.kind === 'custom' && (
        <>
          <label className="control">
            <span>Từ ngày</span>
            <input className="field-input" type="date" lang="vi" aria-label="Từ ngày" value={choice.from} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="control">
            <span>Đến ngày</span>
            <input className="field-input" type="date" lang="vi" aria-label="Đến ngày" value={choice.to} onChange={(e) => set({ to: e.target.value })} />
          </label>
        </>
      )}
    </div>
  );
}
