import type { LedgerRow } from '../../../src/reports/dossier-ledger.ts';
import { formatLocalDate } from '../../../src/time/vn-time.ts';
import { formatInstant } from '../../components/format.ts';
import type { LedgerContact } from '../../reports/official-workbook.ts';

interface LedgerTableProps {
  rows: readonly LedgerRow[];
  contacts?: ReadonlyMap<string, LedgerContact>;
  onOpen?: (code: string) => void;
  /** On screen only the first lines are drawn; print and Excel get all of them. */
  limit?: number;
}

/**
 * Sổ theo dõi hồ sơ (Mẫu 06): one line per dossier received, return signatures left blank. The
 * book, line and number of sets come from `contacts` (the receipts' own, ledger-contacts.ts).
 */
export function LedgerTable({ rows, contacts, onOpen, limit }: LedgerTableProps) {
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <table className="ledger-table" data-testid="ledger-table">
      <thead>
        <tr>
          <th rowSpan={2}>Quyển số</th>
          <th rowSpan={2}>STT</th>
          <th rowSpan={2}>Mã hồ sơ</th>
          <th rowSpan={2}>Tên thủ tục hành chính</th>
          <th rowSpan={2}>Số lượng hồ sơ (bộ)</th>
          <th rowSpan={2}>Tên cá nhân, tổ chức</th>
          <th rowSpan={2}>Địa chỉ, số điện thoại</th>
          <th rowSpan={2}>Ngày, tháng, năm nhận hồ sơ</th>
          <th rowSpan={2}>Ngày hẹn trả kết quả</th>
          <th rowSpan={2}>Ngày trả kết quả</th>
          <th colSpan={2}>Trả kết quả (ký, ghi rõ họ tên)</th>
          <th rowSpan={2}>Ghi chú</th>
        </tr>
        <tr>
          <th>Người giao</th>
          <th>Người nhận</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => {
          const contact = contacts?.get(row.code);
          return (
            <tr key={row.code}>
              <td className="num" data-testid="ledger-book">{contact?.book ?? ''}</td>
              <td className="num" data-testid="ledger-line">{contact?.line ?? ''}</td>
              <td className="code">
                {onOpen ? (
                  <button type="button" className="link-button" onClick={() => onOpen(row.code)}>
                    {row.code}
                  </button>
                ) : (
                  row.code
                )}
              </td>
              <td>{row.procedureName}</td>
              <td className="num" data-testid="ledger-sets">{contact?.sets ?? ''}</td>
              <td>{row.applicantName}</td>
              <td>{[contact?.address, contact?.phone].filter(Boolean).join(' – ')}</td>
              <td>{formatInstant(row.receivedAt)}</td>
              <td>{formatLocalDate(row.appointmentDate)}</td>
              <td>{row.resultReturnedDate ? formatLocalDate(row.resultReturnedDate) : ''}</td>
              <td />
              <td />
              <td>{row.notes.join('; ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
