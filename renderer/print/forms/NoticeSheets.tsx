import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import type {
  ApologyModel,
  ProcessControlModel,
  RefusalModel,
  StopNoticeModel,
  SupplementRequestModel,
} from '../../../src/print/forms/index.ts';
import { ApplicantLines, CodeBlock, CopyRow, HeaderBlock, Signatures } from './FormParts.tsx';
import type { PrintMark } from './FormParts.tsx';

type Notice = SupplementRequestModel | RefusalModel | ApologyModel | StopNoticeModel;

/** Mẫu 02, 03, 05 [04] and the stop notice share one layout; only the body differs. */
export function NoticeSheet({ model, pageSize, mark }: { model: Notice; pageSize: PageSize; mark: PrintMark }) {
  return (
    <section className="sheet" data-testid={`${model.form}-sheet`}>
      <HeaderBlock header={model.header} />
      <CopyRow mark={mark} />
      <h1 className="form-title">{model.title}</h1>
      <CodeBlock code={model.dossierCode} pageSize={pageSize} />
      <div className="lines">
        <p>Kính gửi:</p>
        <ApplicantLines name={model.applicantName} address={model.applicantAddress} phone={model.applicantPhone} email={model.applicantEmail} />
        <p>
          Hồ sơ đề nghị giải quyết thủ tục: <strong>{model.procedureName}</strong>, tiếp nhận lúc {model.receivedAt}.
        </p>
        <NoticeBody model={model} />
      </div>
      <Signatures right={{ role: model.signerRole, name: model.signerName }} />
    </section>
  );
}

function NoticeBody({ model }: { model: Notice }) {
  switch (model.form) {
    case 'supplement-request':
      return (
        <>
          <p>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
          <ol>
            {model.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
          <p>Lý do: {model.reason}</p>
          <p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ: {model.contact} để được hướng dẫn.</p>
        </>
      );
    case 'refusal':
      return (
        <>
          <p>Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ của Ông/Bà với lý do cụ thể như sau:</p>
          <p>
            <strong>{model.reason}</strong>
          </p>
          <p>Xin thông báo để Ông/Bà được biết và thực hiện.</p>
        </>
      );
    case 'apology-extension':
      return (
        <>
          <p>Thời gian hẹn trả kết quả giải quyết hồ sơ: {model.originalAppointment}.</p>
          <p>
            Tuy nhiên đến nay, {model.responsibleUnit} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn. Lý do: {model.reason}
          </p>
          <p>Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. Chúng tôi xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:</p>
          <p>
            <strong>{model.newAppointment}</strong>
          </p>
          <p>Mong nhận được sự thông cảm của Ông/Bà.</p>
        </>
      );
    case 'stop-notice':
      return (
        <>
          <p>Cơ quan, đơn vị thông báo dừng giải quyết hồ sơ nêu trên. Lý do:</p>
          <p>
            <strong>{model.reason}</strong>
          </p>
          <p>Xin thông báo để Ông/Bà được biết.</p>
        </>
      );
  }
}

/** A name with room to sign above it: a hand-over is signed on paper by giver and receiver. */
function SignOff({ name }: { name: string }) {
  return (
    <td className="sign-off">
      <span className="sign-space" aria-hidden="true" />
      {name}
    </td>
  );
}

export function ProcessControlSheet({ model, pageSize, mark }: { model: ProcessControlModel; pageSize: PageSize; mark: PrintMark }) {
  return (
    <section className="sheet" data-testid="process-control-sheet">
      <HeaderBlock header={model.header} />
      <CopyRow mark={mark} />
      <h1 className="form-title">{model.title}</h1>
      <CodeBlock code={model.dossierCode} pageSize={pageSize} />
      <div className="lines">
        <p>Người nộp: {model.applicantName}. Thủ tục: {model.procedureName}</p>
        <p>Nhận lúc: {model.receivedAt}</p>
        <p>Hẹn trả kết quả: {model.dueAt}</p>
        <p>Cơ quan đang giải quyết: {model.processingBody}</p>
      </div>
      <table className="control-table">
        <thead>
          <tr>
            <th>Bước</th>
            <th>Cơ quan, bộ phận</th>
            <th>Thời gian giao, nhận</th>
            <th>Người giao</th>
            <th>Người nhận</th>
            <th>Kết quả</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, index) => (
            <tr key={`${index}-${row.step}`}>
              <td>{row.step}</td>
              <td>
                {row.handOver ? (
                  <>
                    Giao: {row.handOver.from}
                    <br />
                    Nhận: <strong>{row.handOver.to}</strong>
                  </>
                ) : (
                  row.body
                )}
              </td>
              <td>{row.at}</td>
              <SignOff name={row.giver} />
              <SignOff name={row.receiver} />
              <td>{row.result}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="footnote">Người giao và người nhận ký vào bản giấy khi giao, nhận hồ sơ.</p>
    </section>
  );
}
