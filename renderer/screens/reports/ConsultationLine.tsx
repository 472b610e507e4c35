import { useEffect, useState } from 'react';
import { countConsultations, CONSULTATION_LINE_LABEL } from '../../../src/reports/counter-consultations.ts';
import type { ConsultationLine as Line } from '../../../src/reports/counter-consultations.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import { formatCount } from '../../components/format.ts';
import type { DeskStore } from '../../store/index.ts';

/**
 * The official report's own line for citizens guided or refused at the counter (no dossier
 * received): counted from the desk's consultations, never among the dossiers above.
 */
export function ConsultationLine({ store, period, version }: { store: DeskStore; period: ReportPeriod; version: number }) {
  const [line, setLine] = useState<Line | null>(null);
  useEffect(() => {
    let live = true;
    void store.consultations.list().then((stored) => {
      if (live) setLine(countConsultations(stored.map((s) => s.consultation), period));
    });
    return () => {
      live = false;
    };
  }, [store, period, version]);
  if (!line) return null;
  return (
    <p className="consultation-line" data-testid="report-consultations">
      <strong>{CONSULTATION_LINE_LABEL}:</strong> <span data-testid="report-consultations-total">{formatCount(line.total)}</span> lượt (hướng dẫn bổ sung{' '}
      <span data-testid="report-consultations-guided">{formatCount(line.guided)}</span>, từ chối tiếp nhận{' '}
      <span data-testid="report-consultations-refused">{formatCount(line.refused)}</span>). Không tính vào số hồ sơ tiếp nhận.
    </p>
  );
}
