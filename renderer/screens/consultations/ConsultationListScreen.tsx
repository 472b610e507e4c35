import { useEffect, useMemo, useState } from 'react';
import { consultationReference, outcomeLabel } from '../../../src/counter/consultation.ts';
import type { CounterConsultation } from '../../../src/counter/consultation.ts';
import { matchesSearch, searchTokens } from '../../../src/people/search-key.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { formatInstant } from '../../components/format.ts';
import { ConsultationPrintDialog } from '../../print/ConsultationPrintDialog.tsx';
import type { StoredConsultation } from '../../store/index.ts';

/**
 * "Hướng dẫn tại quầy": citizens guided to supplement or refused at the counter (not dossiers), newest
 * first, found by name (accents ignored) or by the reference printed on their form; each reprints.
 */
export function ConsultationListScreen() {
  const desk = useDesk();
  const [stored, setStored] = useState<StoredConsultation[] | null>(null);
  const [query, setQuery] = useState('');
  const [printing, setPrinting] = useState<CounterConsultation | null>(null);

  useEffect(() => {
    let live = true;
    void desk.store.consultations.list().then((list) => {
      if (live) setStored(list);
    });
    return () => {
      live = false;
    };
  }, [desk.store, printing]);

  const shown = useMemo(() => {
    if (!stored || query.trim() === '') return stored ?? [];
    const reference = query.trim().toUpperCase();
    return stored.filter((s) => consultationReference(s.consultation.id).includes(reference) || matchesSearch(query, searchTokens(s.consultation.applicant.fullName)));
  }, [query, stored]);

  return (
    <section className="consultation-screen" data-testid="consultation-list">
      <header className="receive-header">
        <h1>Hướng dẫn, từ chối tại quầy</h1>
      </header>
      <p className="list-note">Công dân được hướng dẫn bổ sung hoặc bị từ chối tiếp nhận tại quầy: không phải hồ sơ, không tính vào số hồ sơ tiếp nhận.</p>
      <label className="form-row consultation-search">
        Tìm theo tên người nộp hoặc số phiếu (quét mã vạch trên phiếu)
        <input type="search" placeholder="Ví dụ: pham thi dung hoặc TQ-…" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus data-testid="consultation-search" />
      </label>
      {stored === null ? (
        <p role="status">Đang đọc…</p>
      ) : shown.length === 0 ? (
        <p className="list-note">Chưa có lượt hướng dẫn, từ chối tại quầy nào{query ? ' khớp với ô tìm' : ''}.</p>
      ) : (
        <div className="table-scroll">
          <table className="consultation-table">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Số phiếu</th>
                <th>Kết quả</th>
                <th>Người nộp</th>
                <th>Thủ tục</th>
                <th>Lý do</th>
                <th className="nowrap">Gửi tỉnh</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map(({ consultation: c, sentAt, rejection }) => (
                <tr key={c.id} data-testid="consultation-row">
                  <td>{formatInstant(c.at)}</td>
                  <td className="code-text">{consultationReference(c.id)}</td>
                  <td>{outcomeLabel(c.outcome)}</td>
                  <td>{c.applicant.fullName}</td>
                  <td>{c.procedureName}</td>
                  <td>{c.reason}</td>
                  <td>{rejection ? `Bị từ chối: ${rejection.message}` : sentAt ? 'Đã gửi' : 'Chờ gửi'}</td>
                  <td className="nowrap">
                    <button type="button" onClick={() => setPrinting(c)}>
                      In lại
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {printing && <ConsultationPrintDialog consultation={printing} onClose={() => setPrinting(null)} />}
    </section>
  );
}
