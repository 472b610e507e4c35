import { useEffect, useState } from 'react';
import { transportOf } from '../../../sync/client/server-address.ts';
import type { ServerTransport } from '../../../sync/client/server-address.ts';
import { loadTransportSettings, saveTransportSettings } from '../../../sync/client/transport-settings.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useDeskSync } from '../../sync-status/use-desk-sync.ts';

type Message = { tone: 'error' | 'success'; text: string } | null;

const transportLabels: Record<ServerTransport, string> = {
  https: 'HTTPS (mã hóa)',
  loopback: 'http:// trên chính máy này',
  'plain-http': 'http:// không mã hóa qua mạng',
};

/**
 * The provincial server's address and the one transport choice the desk leaves to its
 * administrator: whether plain HTTP to a server on the network may be used (off by default).
 */
export function ConnectionSection() {
  const desk = useDesk();
  const { enrollment, runtime } = useDeskSync();
  const isAdmin = desk.officer.role === 'admin';
  const [stored, setStored] = useState<boolean | null>(null);
  const [allow, setAllow] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadTransportSettings(desk.store).then((settings) => {
      setStored(settings.allowPlainHttp);
      setAllow(settings.allowPlainHttp);
    });
  }, [desk.store]);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await saveTransportSettings(desk.store, { allowPlainHttp: allow });
      setStored(allow);
      // Sync checks the address when it starts: start it again under the new rule.
      await runtime.restart();
      setMessage({ tone: 'success', text: allow ? 'Đã cho phép kết nối http:// không mã hóa.' : 'Đã tắt kết nối http:// không mã hóa: quầy chỉ kết nối qua HTTPS.' });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : 'Không lưu được cài đặt.' });
    } finally {
      setBusy(false);
    }
  };

  const transport = enrollment ? transportOf(enrollment.serverUrl) : null;
  return (
    <section className="panel settings-panel" aria-labelledby="connection-title">
      <h2 id="connection-title">Kết nối máy chủ</h2>
      <dl className="facts">
        <dt>Máy chủ tỉnh</dt>
        <dd className={enrollment ? 'mono' : undefined}>{enrollment?.serverUrl ?? 'Chưa kết nối'}</dd>
        <dt>Đường truyền</dt>
        <dd data-testid="connection-transport">{transport ? transportLabels[transport] : '—'}</dd>
      </dl>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="checkbox-row">
          <input type="checkbox" checked={allow} disabled={!isAdmin || stored === null} onChange={(event) => setAllow(event.target.checked)} />
          Cho phép kết nối http:// không mã hóa tới máy chủ trong mạng nội bộ
        </label>
        {allow ? (
          <Notice tone="error" testId="plain-http-setting-warning">
            <strong>Không an toàn.</strong> Qua http:// không mã hóa, mã kích hoạt, khóa truy cập của quầy, mật khẩu cán bộ và hồ sơ của công dân có thể bị người
            khác trong mạng đọc hoặc sửa. Chỉ bật khi máy chủ tỉnh chưa có HTTPS và mạng nội bộ được bảo vệ; tắt ngay khi có HTTPS.
          </Notice>
        ) : (
          <p className="muted small">Mặc định quầy chỉ kết nối qua https:// (hoặc http:// tới chính máy này).</p>
        )}
        {message && <Notice tone={message.tone} testId="connection-message">{message.text}</Notice>}
        {isAdmin ? (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy || stored === null || allow === stored}>
              Lưu kết nối
            </button>
          </div>
        ) : (
          <p className="muted small">Chỉ quản trị viên của quầy được đổi cài đặt này.</p>
        )}
      </form>
    </section>
  );
}
