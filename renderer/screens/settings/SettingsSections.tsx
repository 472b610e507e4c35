import { useEffect, useState } from 'react';
import type { ReferenceSourceKind } from '../../../src/auth/reference-source.ts';
import type { AppInfo, PrinterInfo } from '../../../src/bridge/desk-bridge.ts';
import { toBridgeError } from '../../../src/bridge/bridge-error.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { formatWorkingMinutes } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { storageLine } from '../../components/storage-notice.ts';
import { requestPersistentStorage } from '../../store/index.ts';
import type { PersistResult } from '../../store/index.ts';
import { exportEventLog } from './event-log-export.ts';
import { parseSessions, parseThresholdHours, sessionsToText } from './office-hours-form.ts';
import type { SessionText } from './office-hours-form.ts';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor, printerSettingsSchema } from '../../print/printer-settings.ts';
import type { PrinterSettings } from '../../print/printer-settings.ts';

type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

const sourceLabels: Record<ReferenceSourceKind, string> = {
  local: 'Khai báo tại máy này khi cài đặt lần đầu',
  provincial: 'Cấp từ máy chủ tỉnh khi đăng ký quầy',
};

export function IdentitySection() {
  const desk = useDesk();
  const [source, setSource] = useState<ReferenceSourceKind | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persist, setPersist] = useState<PersistResult | null>(null);
  useEffect(() => {
    void desk.store.identity.get().then((entry) => setSource(entry?.source ?? null));
    void desk.bridge.getAppInfo().then(setInfo);
    void requestPersistentStorage().then(setPersist);
  }, [desk]);
  const id = desk.identity;
  return (
    <section className="panel settings-panel" aria-labelledby="identity-title">
      <h2 id="identity-title">Thông tin quầy</h2>
      <dl className="facts">
        {id.provinceName && (
          <>
            <dt>Tỉnh, thành phố</dt>
            <dd>
              {id.provinceName} ({id.provinceCode})
            </dd>
          </>
        )}
        <dt>Đơn vị</dt>
        <dd>{id.unitName}</dd>
        <dt>Mã định danh</dt>
        <dd className="mono">{id.agencyId}</dd>
        <dt>Số hiệu quầy</dt>
        <dd>{id.slot}</dd>
        <dt>Mã quầy</dt>
        <dd className="mono">{id.deskId}</dd>
        <dt>Nguồn thông tin</dt>
        <dd data-testid="identity-source">{source ? sourceLabels[source] : '…'}</dd>
        <dt>Phần mềm</dt>
        <dd>{info ? `${info.name} ${info.version} · ${info.host === 'web' ? 'chạy trên trình duyệt' : 'ứng dụng máy tính'}` : '…'}</dd>
        <dt>Lưu trữ</dt>
        <dd data-testid="settings-storage">{info && persist ? storageLine(info.host, persist) : '…'}</dd>
      </dl>
      <p className="muted small">Thông tin quầy chỉ đổi được khi đăng ký lại quầy với máy chủ tỉnh.</p>
    </section>
  );
}

export function WorkingTimeSection({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const [rows, setRows] = useState<SessionText[]>(() => sessionsToText(desk.settings.officeHours));
  const [threshold, setThreshold] = useState(() => String(desk.settings.dueSoonWorkingMinutes / 60));
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setMessage(null);
    const hours = parseSessions(rows);
    if (!hours.ok) return setMessage({ tone: 'error', text: hours.error.message });
    const minutes = parseThresholdHours(threshold);
    if (!minutes.ok) return setMessage({ tone: 'error', text: minutes.error.message });
    setBusy(true);
    try {
      await desk.updateSettings({ ...desk.settings, officeHours: hours.value.map(({ start, end }) => ({ start, end })), dueSoonWorkingMinutes: minutes.value });
      setMessage({ tone: 'success', text: 'Đã lưu. Hạn xử lý và cảnh báo tính theo giờ làm việc mới.' });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : 'Không lưu được cài đặt.' });
    } finally {
      setBusy(false);
    }
  };

  const setRow = (index: number, key: keyof SessionText, value: string) => setRows(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  return (
    <section className="panel settings-panel" aria-labelledby="hours-title">
      <h2 id="hours-title">Giờ làm việc và cảnh báo hạn</h2>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="sessions" disabled={!canEdit}>
          <legend className="form-label">Các buổi làm việc (HH:mm, 24 giờ)</legend>
          {rows.map((row, index) => (
            <div key={index} className="session-row">
              <span className="session-name">Buổi {index + 1}</span>
              <input className="field-input time-input" aria-label={`Buổi ${index + 1} bắt đầu`} value={row.start} onChange={(e) => setRow(index, 'start', e.target.value)} />
              <span>–</span>
              <input className="field-input time-input" aria-label={`Buổi ${index + 1} kết thúc`} value={row.end} onChange={(e) => setRow(index, 'end', e.target.value)} />
              {rows.length > 1 && (
                <button type="button" className="btn btn-small" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  Bỏ
                </button>
              )}
            </div>
          ))}
          {rows.length < 4 && (
            <button type="button" className="btn btn-small" onClick={() => setRows([...rows, { start: '', end: '' }])}>
              Thêm buổi
            </button>
          )}
        </fieldset>
        <div className="form-row">
          <label htmlFor="threshold">Báo "sắp đến hạn" khi còn (giờ làm việc)</label>
          <input id="threshold" className="field-input narrow" inputMode="decimal" value={threshold} disabled={!canEdit} onChange={(e) => setThreshold(e.target.value)} />
          <span className="field-hint">
            Hiện tại: {formatWorkingMinutes(desk.settings.dueSoonWorkingMinutes, desk.calendar.minutesPerWorkingDay)} làm việc (8 giờ = một ngày làm việc).
          </span>
        </div>
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Lưu giờ làm việc
            </button>
          </div>
        ) : (
          <p className="muted small">Chỉ quản trị viên hoặc lãnh đạo được đổi giờ làm việc.</p>
        )}
      </form>
    </section>
  );
}

export function PrintersSection() {
  const desk = useDesk();
  const [printers, setPrinters] = useState<PrinterInfo[] | null>(null);
  const [prefs, setPrefs] = useState<PrinterSettings>(DEFAULT_PRINTER_SETTINGS);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    void desk.bridge
      .listPrinters()
      .then(setPrinters)
      .catch((reason: unknown) => {
        setPrinters([]);
        setMessage({ tone: 'error', text: toBridgeError(reason).message });
      });
    void desk.store.settings.get(PRINTER_SETTINGS_KEY, printerSettingsSchema, DEFAULT_PRINTER_SETTINGS).then(setPrefs);
  }, [desk]);

  const save = async () => {
    const parsed = printerSettingsSchema.safeParse({ ...prefs, thermalTarget: prefs.thermalTarget.trim() });
    if (!parsed.success) return setMessage({ tone: 'error', text: parsed.error.issues[0]?.message ?? 'Cài đặt máy in không hợp lệ.' });
    await desk.store.settings.set(PRINTER_SETTINGS_KEY, parsed.data);
    setPrefs(parsed.data);
    setMessage({ tone: 'success', text: 'Đã lưu cài đặt máy in.' });
  };

  const testPage = async (size: 'A4' | 'A5') => {
    setMessage(null);
    const printerName = printerNameFor(prefs, size);
    try {
      const result = await desk.bridge.printDocument({
        html: `<!doctype html><html lang="vi"><meta charset="utf-8"><body style="font-family:sans-serif"><h1>Trang in thử ${size}</h1><p>${desk.identity.unitName} – Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ ệ ữ đ.</p></body></html>`,
        ...(printerName ? { printerName } : {}),
        silent: false,
        copies: 1,
        pageSize: size,
      });
      setMessage(result.printed ? { tone: 'success', text: `Đã gửi trang in thử ${size}.` } : { tone: 'info', text: 'Đã huỷ in thử.' });
    } catch (reason) {
      setMessage({ tone: 'error', text: toBridgeError(reason).message });
    }
  };

  const testThermal = async () => {
    setMessage(null);
    const target = prefs.thermalTarget.trim();
    try {
      const status = await desk.bridge.getThermalPrinterStatus({ target, timeoutMs: 3_000 });
      const paper = { ok: 'đủ giấy', 'near-end': 'sắp hết giấy', out: 'hết giấy', unknown: 'không rõ giấy' }[status.paper];
      setMessage({ tone: status.online ? 'success' : 'error', text: `Máy in nhiệt ${status.online ? 'sẵn sàng' : 'không sẵn sàng'}, ${paper}${status.coverOpen ? ', nắp đang mở' : ''}.` });
    } catch (reason) {
      setMessage({ tone: 'error', text: toBridgeError(reason).message });
    }
  };

  const choice = (key: 'a4Printer' | 'a5Printer', label: string) => (
    <div className="form-row">
      <label htmlFor={key}>{label}</label>
      <select id={key} value={prefs[key]} onChange={(e) => setPrefs({ ...prefs, [key]: e.target.value })}>
        <option value="">Máy in mặc định của hệ thống</option>
        {printers?.map((p) => (
          <option key={p.name} value={p.name}>
            {p.displayName || p.name}
            {p.isDefault ? ' (mặc định)' : ''}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="panel settings-panel" aria-labelledby="printers-title">
      <h2 id="printers-title">Máy in</h2>
      {printers && printers.length === 0 && (
        <p className="muted small">Không đọc được danh sách máy in (trình duyệt không liệt kê máy in); khi in sẽ chọn máy trong hộp thoại in.</p>
      )}
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-inline">
          {choice('a4Printer', 'Máy in khổ A4')}
          {choice('a5Printer', 'Máy in khổ A5')}
        </div>
        <div className="form-row">
          <label htmlFor="thermal">Máy in nhiệt 80 mm</label>
          <input id="thermal" className="field-input" placeholder="tcp://192.168.1.50:9100" value={prefs.thermalTarget} onChange={(e) => setPrefs({ ...prefs, thermalTarget: e.target.value })} />
          <span className="field-hint">Máy in mạng: tcp://địa-chỉ:cổng (thường là cổng 9100); máy in cài trong hệ điều hành: printer:TÊN-MÁY-IN; để trống nếu không dùng.</span>
        </div>
        {message && <Notice tone={message.tone} testId="printer-message">{message.text}</Notice>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => void testPage('A4')}>
            In thử A4
          </button>
          <button type="button" className="btn" onClick={() => void testThermal()} disabled={prefs.thermalTarget.trim() === ''}>
            Kiểm tra máy in nhiệt
          </button>
          <button type="submit" className="btn btn-primary">
            Lưu máy in
          </button>
        </div>
      </form>
    </section>
  );
}

export function ExportSection() {
  const desk = useDesk();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setMessage({ tone: 'info', text: 'Đang đọc nhật ký sự kiện…' });
    try {
      const nowMs = desk.now();
      const data = await exportEventLog(desk.store, { agencyId: desk.identity.agencyId, deskId: desk.identity.deskId, nowMs });
      const stamp = new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
      const result = await desk.bridge.exportBackup({ data, suggestedFileName: `motcua-nhat-ky-${desk.identity.agencyId}-${stamp}.json` });
      setMessage(result.saved ? { tone: 'success', text: `Đã xuất dữ liệu ra tệp ${result.fileName ?? ''} (${(data.byteLength / 1024).toFixed(0)} KB).` } : { tone: 'info', text: 'Đã huỷ xuất dữ liệu.' });
    } catch (reason) {
      setMessage({ tone: 'error', text: toBridgeError(reason).code === 'internal' && reason instanceof Error ? `Không xuất được dữ liệu: ${reason.message}` : toBridgeError(reason).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel settings-panel" aria-labelledby="export-title">
      <h2 id="export-title">Xuất dữ liệu</h2>
      <p className="small">
        Xuất toàn bộ nhật ký sự kiện hồ sơ của quầy ra một tệp JSON để lưu trữ hoặc chuyển máy. Tệp có thông tin cá nhân của công dân: hãy cất giữ cẩn thận.
      </p>
      {message && <Notice tone={message.tone} testId="export-message">{message.text}</Notice>}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy}>
          {busy ? 'Đang xuất…' : 'Xuất dữ liệu'}
        </button>
      </div>
    </section>
  );
}
