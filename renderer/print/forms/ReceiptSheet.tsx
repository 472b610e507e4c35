import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import type { ReceiptModel } from '../../../src/print/forms/index.ts';
import { ApplicantLines, CodeBlock, CopyRow, HeaderBlock, Signatures } from './FormParts.tsx';
import type { PrintMark } from './FormParts.tsx';
import { PartyLinesBlock } from './PartyLines.tsx';

/** Mẫu 01: one sheet per copy ("Liên 1: Lưu", "Liên 2: Giao người nộp"). */
export function ReceiptDocument({ model, pageSize, mark }: { model: ReceiptModel; pageSize: PageSize; mark: PrintMark }) {
  return (
    <>
      {model.copyLabels.map((label) => (
        <ReceiptSheet key={label} model={model} label={label} pageSize={pageSize} mark={mark} />
      ))}
    </>
  );
}

function ReceiptSheet({ model, label, pageSize, mark }: { model: ReceiptModel; label: string; pageSize: PageSize; mark: PrintMark }) {
  return (
    <section className="sheet" data-testid="receipt-sheet">
      <HeaderBlock header={model.header} />
      <CopyRow label={label} mark={mark} />
      <h1 className="form-title">{model.title}</h1>
      <CodeBlock code={model.dossierCode} lookupUrl={model.lookupUrl} pageSize={pageSize} />
      <div className="lines">
        <p>Bộ phận tiếp nhận và trả kết quả {model.unitName} tiếp nhận hồ sơ của:</p>
        <ApplicantLines
          name={model.applicantName}
          address={model.applicantAddress}
          phone={model.applicantPhone}
          email={model.applicantEmail}
          {...(model.parties.organisation ? { label: 'Tổ chức:' } : {})}
        />
        <PartyLinesBlock parties={model.parties} />
        <p>
          Nội dung yêu cầu giải quyết: <strong>{model.procedureName}</strong> (mã thủ tục {model.procedureCode}){model.group && ', gồm các thủ tục thành phần:'}
        </p>
        {model.group && <GroupTable group={model.group} />}
        <p className="numbered">1. Thành phần hồ sơ nộp gồm:</p>
        <table className="papers">
          <thead>
            <tr>
              <th>TT</th>
              <th>Tên giấy tờ</th>
              <th>Bản chính</th>
              <th>Bản sao</th>
            </tr>
          </thead>
          <tbody>
            {model.papers.length === 0 && (
              <tr>
                <td className="idx">–</td>
                <td colSpan={3}>Không có giấy tờ nộp kèm</td>
              </tr>
            )}
            {model.papers.map((paper, index) => (
              <tr key={paper.name}>
                <td className="idx">{index + 1}</td>
                <td>{paper.name}</td>
                {paper.presentedOnly ? (
                  <td className="num presented" colSpan={2}>
                    Xuất trình
                  </td>
                ) : (
                  <>
                    <td className="num">{paper.originals}</td>
                    <td className="num">{paper.copies}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="numbered">2. Số lượng hồ sơ: {String(model.sets).padStart(2, '0')} (bộ)</p>
        <p className="numbered">3. Thời gian giải quyết hồ sơ theo quy định: {model.statutoryTime}</p>
        <p className="numbered">4. Thời gian nhận hồ sơ: {model.receivedAt}</p>
        <p className="numbered">
          5. Thời gian trả kết quả giải quyết hồ sơ: <strong data-testid="receipt-appointment">{model.appointmentAt}</strong>
        </p>
        <p className="numbered">6. Đăng ký nhận kết quả: {model.resultDelivery}</p>
        <p className="numbered">
          7. Phí, lệ phí: {model.fee.text}
          {model.fee.words && <> ({model.fee.words})</>}
        </p>
        {model.notes && <p>Ghi chú: {model.notes}</p>}
        <p data-testid="receipt-ledger-line">
          Vào Sổ theo dõi hồ sơ{model.ledgerBook && <>, quyển số: {model.ledgerBook}</>}, số thứ tự: {model.ledgerLine}
        </p>
      </div>
      <Signatures left={{ role: 'NGƯỜI NỘP HỒ SƠ', ...(model.applicantSigner ? { name: model.applicantSigner } : {}) }} right={{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: model.receivingOfficer }} />
    </section>
  );
}

/** A linked group's components, each a dossier of its own with its own appointment. */
function GroupTable({ group }: { group: NonNullable<ReceiptModel['group']> }) {
  return (
    <table className="papers group-components" data-testid="receipt-group">
      <thead>
        <tr>
          <th>TT</th>
          <th>Thủ tục thành phần</th>
          <th>Mã hồ sơ</th>
          <th>Cơ quan giải quyết</th>
          <th>Hẹn trả kết quả</th>
        </tr>
      </thead>
      <tbody>
        {group.components.map((c, index) => (
          <tr key={c.dossierCode} data-testid="receipt-group-line">
            <td className="idx">{index + 1}</td>
            <td>{c.procedureName}</td>
            <td className="code">{c.dossierCode}</td>
            <td>{c.competentUnit}</td>
            <td>{c.appointmentAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
