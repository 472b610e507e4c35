import { useCallback, useEffect, useMemo, useState } from 'react';
import { cashUp, feeTotals, officersWithReceipts, receiptsIn, type CashUp, type FeeTotals } from '../../src/fees/cash-up.ts';
import { applyFeeEvent, type FeeReceipt } from '../../src/fees/fee-receipts.ts';
import { formatDong } from '../../src/fees/format-dong.ts';
import { paymentMethodLabels, paymentMethods } from '../../src/fees/payment-method.ts';
import { receiptLabel, type Reservation } from '../../src/fees/receipt-series.ts';
import type { ReportPeriod } from '../../src/reports/report-period.ts';
import { formatDate, formatTime, localDateOf } from '../../src/time/vn-time.ts';
import { useDesk } from '../app/desk-context.tsx';
import { Notice } from '../components/Notice.tsx';
import type { DeskStore } from '../store/index.ts';
import { CashUpPrintDialog } from './CashUpPrintDialog.tsx';
import { openReservations, voidReservation } from './fee-receipt-issuer.ts';
import { useIssuerDeps } from './use-issuer-deps.ts';
import { VoidReasonDialog } from './VoidReasonDialog.tsx';
import './fees.css';

/** The unit's fee receipts on this desk, folded from the fee events with the rules the server uses. */
export function useDeskFeeReceipts(store: DeskStore, unitId: string, version: number): FeeReceipt[] | null {
  const [receipts, setReceipts] = useState<FeeReceipt[] | null>(null);
  useEffect(() => {
    let live = true;
    void store.events.all().then((events) => {
      const byKey = new Map<string, FeeReceipt>();
      for (const event of events) if (event.unitId === unitId) applyFeeEvent(byKey, event);
      if (live) setReceipts([...byKey.values()]);
    });
    return () => {
      live = false;
    };
  }, [store, unitId, version]);
  return receipts;
}

/** "Tiền mặt 8.000 đ · Chuyển khoản 0 đ · VietQR 25.000 đ · Tổng cộng 33.000 đ (2 biên lai; 1 đã hủy)". */
export function FeeTotalsLine({ totals, testId }: { totals: FeeTotals; testId: string }) {
  return (
    <p className="fee-totals" data-testid={testId}>
      <strong>Thu phí, lệ phí:</strong>{' '}
      {paymentMethods.map((m) => (
        <span key={m}>
          {paymentMethodLabels[m]} <span data-testid={`${testId}-${m}`}>{formatDong(totals.byMethod[m])}</span> ·{' '}
        </span>
      ))}
      Tổng cộng <strong data-testid={`${testId}-total`}>{formatDong(totals.total)}</strong> ({totals.count} biên lai; {totals.voidedCount} số đã hủy, không
      cộng tiền).
    </p>
  );
}

/** The official report's fee line: the period's fees by method, voided receipts left out. */
export function PeriodFeeLine({ period, version }: { period: ReportPeriod; version: number }) {
  const desk = useDesk();
  const receipts = useDeskFeeReceipts(desk.store, desk.identity.agencyId, version);
  const totals = useMemo(() => (receipts ? feeTotals(receiptsIn(receipts, period.from, period.to)) : null), [receipts, period]);
  return totals ? <FeeTotalsLine totals={totals} testId="report-fee-totals" /> : null;
}

/**
 * The reports screen's "Thu phí, lệ phí" tab: the period's totals by method, an officer's day-end
 * cash-up (bảng kê thu tiền) to print, and the numbers reserved but never saved (a crash between
 * reserving and saving), each voidable with a reason.
 */
export function FeeReportPanel({ period, version }: { period: ReportPeriod; version: number }) {
  const desk = useDesk();
  const [changes, setChanges] = useState(0);
  const receipts = useDeskFeeReceipts(desk.store, desk.identity.agencyId, version + changes);
  const [date, setDate] = useState(() => localDateOf(desk.now()));
  const [officerId, setOfficerId] = useState(desk.officer.id);
  const [printing, setPrinting] = useState<CashUp | null>(null);
  const officers = useMemo(() => [...new Set([desk.officer.id, ...(receipts ? officersWithReceipts(receipts, date) : [])])], [receipts, date, desk.officer.id]);
  const totals = useMemo(() => (receipts ? feeTotals(receiptsIn(receipts, period.from, period.to)) : null), [receipts, period]);
  const day = useMemo(() => (receipts && /^\d{4}-\d{2}-\d{2}$/.test(date) ? cashUp(receipts, officerId, date) : null), [receipts, officerId, date]);
  const onVoided = useCallback(() => setChanges((n) => n + 1), []);

  return (
    <div className="fee-report" data-testid="fee-report">
      {totals ? <FeeTotalsLine totals={totals} testId="fee-period-totals" /> : <p className="muted">Đang đọc biên lai…</p>}
      <section aria-labelledby="cash-up-title" className="cash-up-section">
        <h2 id="cash-up-title">Bảng kê thu tiền trong ngày</h2>
        <div className="reports-toolbar">
          <label className="control">
            <span>Ngày</span>
            <input className="field-input" type="date" lang="vi" aria-label="Ngày bảng kê" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="control">
            <span>Cán bộ thu</span>
            <select className="field-input" aria-label="Cán bộ thu" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
              {officers.map((id) => (
                <option key={id} value={id}>
                  {desk.officerName(id)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-primary" disabled={!day} onClick={() => day && setPrinting(day)}>
            Xem và in bảng kê
          </button>
        </div>
        {day && (
          <>
            {day.receipts.length === 0 ? (
              <p className="muted">Không có biên lai nào của cán bộ này trong ngày {formatDate(Date.parse(`${date}T12:00:00+07:00`))}.</p>
            ) : (
              <table className="fee-receipts" data-testid="cash-up-table">
                <thead>
                  <tr>
                    <th>Biên lai</th>
                    <th>Mã hồ sơ</th>
                    <th>Giờ</th>
                    <th>Hình thức</th>
                    <th>Số tiền</th>
                    <th>Trạng thái</th>
                  </tr>
                </thead>
                <tbody>
                  {day.receipts.map((r) => (
                    <tr key={`${r.symbol}/${r.number}`} className={r.voided ? 'voided' : undefined}>
                      <td>{receiptLabel(r)}</td>
                      <td>{r.dossierCode}</td>
                      <td>{formatTime(Date.parse(r.at))}</td>
                      <td>{r.method ? paymentMethodLabels[r.method] : 'Số giữ chỗ'}</td>
                      <td className="num">{r.method ? formatDong(r.amount) : '—'}</td>
                      <td>{r.voided ? `Đã hủy: ${r.voided.reason}` : 'Đã thu'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <FeeTotalsLine totals={day.totals} testId="cash-up-totals" />
          </>
        )}
      </section>
      <UnsavedReservations changes={version + changes} onVoided={onVoided} />
      {printing && <CashUpPrintDialog cashUp={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}

/** Numbers reserved before a print whose receipt was never saved: listed until voided with a reason. */
function UnsavedReservations({ changes, onVoided }: { changes: number; onVoided: () => void }) {
  const desk = useDesk();
  const [open, setOpen] = useState<readonly Reservation[] | null>(null);
  const [voiding, setVoiding] = useState<Reservation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void openReservations(desk.store).then((list) => live && setOpen(list));
    return () => {
      live = false;
    };
  }, [desk.store, changes]);
  return (
    <section aria-labelledby="reservations-title" className="reservations-section" data-testid="fee-reservations">
      <h2 id="reservations-title">Số biên lai đã giữ nhưng chưa lưu</h2>
      {done && <Notice tone="success" testId="reservation-done">{done}</Notice>}
      {open === null ? null : open.length === 0 ? (
        <p className="muted">Không có số biên lai nào bị bỏ dở.</p>
      ) : (
        <>
          <p className="muted">Các số này đã giữ trước khi in nhưng biên lai chưa được lưu (máy tắt hoặc lỗi khi in). Hủy số với lý do để sổ biên lai liên tục.</p>
          <table className="fee-receipts">
            <thead>
              <tr>
                <th>Số biên lai</th>
                <th>Mã hồ sơ</th>
                <th>Số tiền</th>
                <th>Giữ lúc</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {open.map((r) => (
                <tr key={`${r.symbol}/${r.number}`}>
                  <td>{receiptLabel(r)}</td>
                  <td>{r.dossierCode}</td>
                  <td className="num">{formatDong(r.amount)}</td>
                  <td>{`${formatTime(Date.parse(r.at))} ${formatDate(Date.parse(r.at))}`}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-danger" onClick={() => setVoiding(r)}>
                      Hủy số
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {voiding && (
        <VoidReservationDialog
          reservation={voiding}
          onCancel={() => setVoiding(null)}
          onVoided={() => {
            setDone(`Đã hủy số ${receiptLabel(voiding)}.`);
            setVoiding(null);
            onVoided();
          }}
        />
      )}
    </section>
  );
}

function VoidReservationDialog({ reservation, onCancel, onVoided }: { reservation: Reservation; onCancel: () => void; onVoided: () => void }) {
  const deps = useIssuerDeps();
  return (
    <VoidReasonDialog
      title={`Hủy số ${receiptLabel(reservation)}`}
      idPrefix="reservation"
      reasonLabel="Lý do hủy số"
      submitLabel="Hủy số"
      missingReason="Cần ghi rõ lý do hủy số biên lai."
      fallbackFailure="Không hủy được số biên lai."
      onVoid={async (reason) => {
        await voidReservation(reservation, reason.trim(), deps);
        onVoided();
      }}
      onCancel={onCancel}
    />
  );
}
