import { useMemo } from 'react';
import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import type { CounterNoticeModel } from '../../../src/print/forms/counter-notices.ts';
import { code128Svg } from '../barcode.ts';
import { ApplicantLines, CopyRow, HeaderBlock, Signatures } from './FormParts.tsx';
import type { PrintMark } from './FormParts.tsx';

/**
 * Mẫu 02 / Mẫu 03 given at the counter without a dossier (src/print/forms/counter-notices.ts): the
 * layout of the dossier notices, with the consultation's reference as Code 128 instead of a code.
 */
export function CounterNoticeSheet({ model, pageSize, mark }: { model: CounterNoticeModel; pageSize: PageSize; mark: PrintMark }) {
  const small = pageSize !== 'A4';
  const barcode = useMemo(() => code128Svg(model.reference, 2, small ? 36 : 46), [model.reference, small]);
  return (
    <section className="sheet" data-testid={`${model.form}-sheet`}>
      <HeaderBlock header={model.header} />
      <CopyRow mark={mark} />
      <h1 className="form-title">{model.title}</h1>
      <div className="code-block">
        <div className="barcode-box">
          <div className="barcode" data-testid="barcode" dangerouslySetInnerHTML={{ __html: barcode }} />
          <div className="code-label">
            Số phiếu: <span className="code-text">{model.reference}</span>
          </div>
        </div>
      </div>
      <div className="lines">
        <p>Kính gửi:</p>
        <ApplicantLines name={model.applicantName} address={model.applicantAddress} phone={model.applicantPhone} email={model.applicantEmail} />
        <p>
          Hồ sơ đề nghị giải quyết thủ tục: <strong>{model.procedureName}</strong>, nộp tại Bộ phận tiếp nhận và trả kết quả lúc {model.at}.
        </p>
        {model.form === 'counter-supplement-request' ? (
          <>
            <p>Hồ sơ chưa đầy đủ, chưa được tiếp nhận. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
            <ol data-testid="counter-items">
              {model.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
            <p>Lý do: {model.reason}</p>
            <p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ: {model.contact} để được hướng dẫn.</p>
          </>
        ) : (
          <>
            <p>Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ của Ông/Bà với lý do cụ thể như sau:</p>
            <p>
              <strong>{model.reason}</strong>
            </p>
            {model.items.length > 0 && (
              <>
                <p>Giấy tờ còn thiếu hoặc chưa hợp lệ:</p>
                <ol data-testid="counter-items">
                  {model.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ol>
              </>
            )}
            <p>Xin thông báo để Ông/Bà được biết và thực hiện.</p>
          </>
        )}
      </div>
      <Signatures right={{ role: model.signerRole, name: model.signerName }} />
    </section>
  );
}
