import { useMemo } from 'react';
import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import type { FeeReceiptModel } from '../../../src/print/forms/index.ts';
import { qrSvg } from '../barcode.ts';
import { CodeBlock, CopyRow, HeaderBlock, Signatures } from './FormParts.tsx';
import type { PrintMark } from './FormParts.tsx';

/** Biên lai thu phí, lệ phí: the dossier's barcode, the VietQR code when paid by it, the void mark when voided. */
export function FeeReceiptSheet({ model, pageSize, mark }: { model: FeeReceiptModel; pageSize: PageSize; mark: PrintMark }) {
  const qr = useMemo(() => (model.vietQr ? qrSvg(model.vietQr, pageSize === 'A4' ? 150 : 130) : ''), [model.vietQr, pageSize]);
  return (
    <section className="sheet fee-receipt" data-testid="fee-receipt-sheet">
      <HeaderBlock header={model.header} />
      <CopyRow mark={mark} />
      <p className="form-number" data-testid="form-number">
        {model.formNumber}
      </p>
      <h1 className="form-title">{model.title}</h1>
      <p className="receipt-number" data-testid="fee-receipt-number">
        Ký hiệu: <strong>{model.symbol}</strong> &nbsp; Số: <strong>{model.number}</strong>
      </p>
      {model.voided && (
        <div className="void-mark" data-testid="void-mark">
          ĐÃ HỦY
        </div>
      )}
      <CodeBlock code={model.dossierCode} pageSize={pageSize} />
      <div className="lines">
        <p>
          Họ và tên người nộp tiền: <strong>{model.payerName}</strong>
        </p>
        {model.payerAddress && <p>Địa chỉ: {model.payerAddress}</p>}
        <p>
          Nội dung thu: {model.description} (hồ sơ {model.dossierCode}: {model.procedureName})
        </p>
        <p>
          Số tiền: <strong data-testid="fee-receipt-amount">{model.amountText}</strong>
        </p>
        <p>(Viết bằng chữ: {model.amountWords})</p>
        <p>
          Hình thức thanh toán: <strong data-testid="fee-receipt-method">{model.method}</strong>
        </p>
        <p>Thời điểm thu: {model.issuedAt}</p>
        {qr && (
          <div className="vietqr-box">
            <div className="qr" data-testid="vietqr" dangerouslySetInnerHTML={{ __html: qr }} />
            <span>Quét mã VietQR bằng ứng dụng ngân hàng để chuyển khoản đúng số tiền và nội dung.</span>
          </div>
        )}
        {model.voided && (
          <p className="void-reason" data-testid="void-reason">
            Biên lai đã hủy lúc {model.voided.at} bởi {model.voided.by}. Lý do: {model.voided.reason}
          </p>
        )}
      </div>
      <Signatures left={{ role: 'NGƯỜI NỘP TIỀN' }} right={{ role: 'NGƯỜI THU TIỀN', name: model.officerName }} />
    </section>
  );
}
