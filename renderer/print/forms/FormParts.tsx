import { Fragment, useMemo } from 'react';
import type { FormHeader, WordGroups } from '../../../src/print/forms/index.ts';
import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import { code128Svg, qrSvg } from '../barcode.ts';

/** Whether this print is a reprint: the second and later prints of a form carry "Bản sao". */
export interface PrintMark {
  isCopy: boolean;
}

/**
 * One header line: each word group is an inline block, so the line breaks between groups only
 * (a group wider than the whole column still wraps inside itself rather than overflowing).
 */
function GroupedLine({ groups }: { groups: WordGroups }) {
  return (
    <strong className="grouped-line">
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 && ' '}
          <span className="word-group">{group}</span>
        </Fragment>
      ))}
    </strong>
  );
}

export function HeaderBlock({ header }: { header: FormHeader }) {
  return (
    <>
      {header.formNumber !== null && (
        <p className="form-number" data-testid="form-number">
          {header.formNumber}
        </p>
      )}
      <div className="form-header">
        <div className="agency">
          {header.governing !== null && <GroupedLine groups={header.governing} />}
          <GroupedLine groups={header.agency} />
          <GroupedLine groups={header.office} />
          <span className="rule" />
        </div>
        <div className="motto">
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <strong>Độc lập - Tự do - Hạnh phúc</strong>
          <span className="rule" />
        </div>
      </div>
      <p className="place-date">{header.placeDate}</p>
    </>
  );
}

export function CopyRow({ label, mark }: { label?: string; mark: PrintMark }) {
  if (!label && !mark.isCopy) return null;
  return (
    <div className="copy-row">
      <span className="copy-label">{label}</span>
      {mark.isCopy && (
        <span className="reprint-mark" data-testid="reprint-mark">
          Bản sao
        </span>
      )}
    </div>
  );
}

/** The dossier code as Code 128 (whole-pixel modules) with the lookup QR beside it. */
export function CodeBlock({ code, lookupUrl, pageSize }: { code: string; lookupUrl?: string; pageSize: PageSize }) {
  const small = pageSize !== 'A4';
  const barcode = useMemo(() => code128Svg(code, small ? 1 : 2, small ? 36 : 46), [code, small]);
  const qr = useMemo(() => (lookupUrl ? qrSvg(lookupUrl, small ? 62 : 84) : ''), [lookupUrl, small]);
  return (
    <div className="code-block">
      <div className="barcode-box">
        <div className="barcode" data-testid="barcode" dangerouslySetInnerHTML={{ __html: barcode }} />
        <div className="code-label">
          Mã hồ sơ: <span className="code-text">{code}</span>
        </div>
      </div>
      {qr && (
        <div className="qr-box">
          <div className="qr" data-testid="lookup-qr" dangerouslySetInnerHTML={{ __html: qr }} />
          Quét để tra cứu
        </div>
      )}
    </div>
  );
}

export function Signatures({ left, right }: { left?: { role: string; name?: string }; right: { role: string; name?: string } }) {
  return (
    <div className="signatures">
      <div>
        {left && (
          <>
            <div className="role">{left.role}</div>
            <div className="hint">(Ký và ghi rõ họ tên)</div>
            <div className="name">{left.name}</div>
          </>
        )}
      </div>
      <div>
        <div className="role">{right.role}</div>
        <div className="hint">(Ký và ghi rõ họ tên)</div>
        <div className="name">{right.name}</div>
      </div>
    </div>
  );
}

export function ApplicantLines({
  name,
  address,
  phone,
  email,
  label = 'Ông/Bà:',
}: {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** "Tổ chức:" for an organisation applicant. */
  label?: string;
}) {
  return (
    <>
      <p>
        <span className="label">{label}</span> <strong>{name}</strong>
      </p>
      {address && <p>Địa chỉ: {address}</p>}
      {(phone || email) && (
        <p>
          {phone && <>Số điện thoại: {phone}</>}
          {phone && email && '; '}
          {email && <>Email: {email}</>}
        </p>
      )}
    </>
  );
}
