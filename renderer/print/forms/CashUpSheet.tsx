import type { CashUpModel } from '../../../src/print/forms/index.ts';
import { HeaderBlock } from './FormParts.tsx';

/** Bảng kê thu tiền phí, lệ phí (A4): every receipt of the officer's day, voided ones struck and marked, totals, three signatures. */
export function CashUpSheet({ model }: { model: CashUpModel }) {
  return (
    <section className="sheet cash-up" data-testid="cash-up-sheet">
      <HeaderBlock header={model.header} />
      <h1 className="form-title">{model.title}</h1>
      <p className="cash-up-subtitle" data-testid="cash-up-who">
        Cán bộ thu: <strong>{model.officerName}</strong> – {model.dateText}
      </p>
      <table className="cash-up-table" data-testid="cash-up-lines">
        <thead>
          <tr>
            <th>STT</th>
            <th>Biên lai</th>
            <th>Mã hồ sơ</th>
            <th>Người nộp tiền</th>
            <th>Giờ</th>
            <th>Hình thức</th>
            <th>Số tiền</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {model.lines.map((line) => (
            <tr key={line.receiptLabel} className={line.voidNote ? 'voided' : undefined}>
              <td className="num">{line.index}</td>
              <td>{line.receiptLabel}</td>
              <td>{line.dossierCode}</td>
              <td>{line.payerName}</td>
              <td>{line.time}</td>
              <td>{line.method}</td>
              <td className="num amount">{line.amountText}</td>
              <td>{line.voidNote ?? ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {model.byMethod.map((m) => (
            <tr key={m.method}>
              <td colSpan={6}>Cộng {m.method}</td>
              <td className="num" data-testid={`cash-up-method-${m.method}`}>
                {m.amountText}
              </td>
              <td />
            </tr>
          ))}
          <tr className="total">
            <td colSpan={6}>
              Tổng cộng ({model.count} biên lai; {model.voidedCount} số đã hủy, không cộng tiền)
            </td>
            <td className="num" data-testid="cash-up-total">
              {model.totalText}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p data-testid="cash-up-words">Số tiền bằng chữ: {model.totalWords}</p>
      <div className="cash-up-signatures">
        {model.signatures.map((s) => (
          <div key={s.role}>
            <div className="role">{s.role}</div>
            <div className="hint">(Ký và ghi rõ họ tên)</div>
            <div className="name">{s.name ?? ''}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
