import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { enrollDesk } from '../../../sync/client/enrollment.ts';
import type { EnrollOutcome } from '../../../sync/client/enrollment.ts';
import { transportOf } from '../../../sync/client/server-address.ts';
import { loadTransportSettings } from '../../../sync/client/transport-settings.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { formatCount } from '../../components/format.ts';
import { useDeskSync } from '../../sync-status/use-desk-sync.ts';
import { useConfirmIdentityChange } from './ConfirmIdentityChange.tsx';
import '../../components/forms.css';

/**
 * "Kết nối máy chủ tỉnh": exchanges the administrator's one-time code for the desk's credential.
 * The server's desk identity and officers replace the ones typed in at first-run setup; a code for
 * another unit or counter replaces a province-issued identity only once the officer confirms it.
 * Dossiers received so far stay and are sent with the next sync.
 */
export function EnrollScreen() {
  const desk = useDesk();
  const { enrollment, runtime, status, error: syncError } = useDeskSync();
  const [serverUrl, setServerUrl] = useState(enrollment?.serverUrl ?? desk.settings.serverUrl);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<EnrollOutcome | null>(null);
  // The province's code is the authority to enrol: on a desk whose unit has no administrator of
  // its own (the usual enrolled commune), any officer may enter a new code the province issued.
  const mayEnroll = desk.officer.role === 'admin' || !desk.officers.some((officer) => officer.role === 'admin' && officer.active);
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  useEffect(() => {
    void loadTransportSettings(desk.store).then((settings) => setAllowPlainHttp(settings.allowPlainHttp));
  }, [desk.store]);
  const plainHttpInUse = enrollment !== null && transportOf(enrollment.serverUrl) === 'plain-http';

  const identityChange = useConfirmIdentityChange();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await enrollDesk(desk.store, { serverUrl, code }, { clock: desk.now, confirmIdentityChange: identityChange.confirm });
      await desk.updateSettings({ ...desk.settings, serverUrl: result.enrollment.serverUrl });
      await runtime.restart();
      setOutcome(result);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    return (
      <section className="enroll" data-testid="enroll-done">
        <h1>Đã kết nối máy chủ tỉnh</h1>
        <Notice tone="success">
          Quầy số {outcome.identity.slot} của {outcome.identity.unitName} ({outcome.identity.agencyId}) đã được kích hoạt với {outcome.enrollment.serverUrl}.
          Đã nhận {formatCount(outcome.officers)} cán bộ và {formatCount(outcome.reference.applied)} mục danh mục.
        </Notice>
        {outcome.replacedLocal > 0 && (
          <p>Thông tin quầy và tài khoản tạo trên máy ({formatCount(outcome.replacedLocal)} mục) đã được thay bằng dữ liệu của tỉnh. Hồ sơ đã tiếp nhận vẫn giữ nguyên.</p>
        )}
        {outcome.identityChanged && (
          <Notice tone="warning">
            Mã cơ quan hoặc số quầy khác với thiết lập cũ: các hồ sơ tiếp nhận trước đây mang mã của quầy cũ và có thể bị máy chủ từ chối. Xem báo cáo đồng bộ cuối ngày.
          </Notice>
        )}
        {outcome.reference.skipped.length > 0 && (
          <Notice tone="warning">Chưa nhận được {formatCount(outcome.reference.skipped.length)} mục danh mục; sẽ nhận lại ở lần đồng bộ sau.</Notice>
        )}
        <p>Hãy đăng nhập lại bằng tài khoản do tỉnh cấp.</p>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={desk.logout} autoFocus>
            Đăng nhập lại
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="enroll">
      <h1>Kết nối máy chủ tỉnh</h1>
      {enrollment && (
        <Notice tone="info">
          Quầy đang kết nối với {enrollment.serverUrl} (mã quầy {enrollment.deskId}). Nhập mã mới chỉ khi quản trị viên cấp lại mã cho quầy.
        </Notice>
      )}
      {status.phase === 'revoked' && status.lastError && (
        <Notice tone="error" testId="enroll-revoked">
          {status.lastError.message}
        </Notice>
      )}
      {enrollment && syncError && (
        <Notice tone="error" testId="enroll-blocked">
          Quầy không đồng bộ được: {syncError}
        </Notice>
      )}
      {(allowPlainHttp || plainHttpInUse) && (
        <Notice tone="error" testId="plain-http-warning">
          <strong>Cảnh báo: đang cho phép kết nối http:// không mã hóa</strong> (Cài đặt › Kết nối máy chủ). Mã kích hoạt, khóa truy cập của quầy, mật khẩu cán bộ
          và hồ sơ của công dân có thể bị đọc hoặc sửa trên đường truyền. Chỉ dùng trong mạng nội bộ được bảo vệ, và tắt ngay khi máy chủ tỉnh có HTTPS.
        </Notice>
      )}
      {!mayEnroll && <Notice tone="warning">Chỉ quản trị viên của đơn vị mới kích hoạt được kết nối.</Notice>}
      <form className="form-grid" onSubmit={(event) => void submit(event)} style={{ maxWidth: 560 }}>
        <div className="form-row">
          <label htmlFor="enroll-server">Địa chỉ máy chủ</label>
          <input id="enroll-server" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://motcua.tinh.gov.vn" required disabled={!mayEnroll} />
        </div>
        <div className="form-row">
          <label htmlFor="enroll-code">Mã kích hoạt</label>
          <input
            id="enroll-code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            placeholder="K7QM-3XHT-9PRA-W2ND"
            autoComplete="off"
            spellCheck={false}
            required
            autoFocus
            disabled={!mayEnroll}
          />
          <span className="field-hint">Mã dùng một lần, hiệu lực 24 giờ, do quản trị viên tỉnh cấp.</span>
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !mayEnroll}>
            {busy ? 'Đang kết nối…' : 'Kích hoạt (Enter)'}
          </button>
        </div>
      </form>
      {identityChange.dialog}
    </section>
  );
}
