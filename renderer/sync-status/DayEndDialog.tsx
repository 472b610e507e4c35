import { useEffect, useState } from 'react';
import { actionLabels } from '../../src/dossier/state-machine.ts';
import type { EventType } from '../../src/dossier/events.ts';
import type { DayEndProgress, DayEndReport, DayTotals } from '../../sync/client/day-end.ts';
import type { DeskSync } from '../../sync/client/desk-sync.ts';
import type { Rejection } from '../../sync/client/rejections.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { formatCount, formatDay, formatInstant } from '../components/format.ts';
import { UNSENT_PATH } from './UnsentScreen.tsx';

const stageLabels: Readonly<Record<DayEndProgress['stage'], string>> = {
  sending: 'Đang gửi hồ sơ lên máy chủ…',
  receiving: 'Đang nhận hồ sơ từ máy chủ…',
  uploading: 'Đang tải bản số hóa giấy tờ lên máy chủ…',
  projecting: 'Đang cập nhật danh sách hồ sơ…',
  reference: 'Đang cập nhật danh mục, cán bộ…',
  done: 'Hoàn tất',
};

type Phase = { kind: 'ready' } | { kind: 'running'; progress: DayEndProgress } | { kind: 'done'; report: DayEndReport };

/**
 * "Đồng bộ cuối ngày": forces a full cycle, shows progress, ends with what the desk sent, received
 * and had refused today (live sync included), then what this cycle itself did.
 */
export function DayEndDialog({ sync, onClose }: { sync: DeskSync; onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [earlier, setEarlier] = useState<Rejection[] | null>(null);
  const running = phase.kind === 'running';

  const start = () => {
    setPhase({ kind: 'running', progress: { stage: 'sending', pendingAtStart: sync.status().pending, sent: 0, received: 0, rejected: 0 } });
    void sync.dayEnd((progress) => setPhase({ kind: 'running', progress })).then((report) => setPhase({ kind: 'done', report }));
  };

  useEffect(() => {
    if (phase.kind !== 'done' || phase.report.rejectedEarlier === 0) return;
    // Today's refusals are in the report's table; this list is what was refused before today.
    const since = phase.report.today.since;
    void sync.rejections().then((all) => setEarlier(all.filter((r) => r.at < since)));
  }, [phase, sync]);

  return (
    <Dialog title="Đồng bộ cuối ngày" onClose={running ? () => undefined : onClose} wide>
      <div className="day-end" data-testid="day-end">
        {phase.kind === 'ready' && (
          <>
            <p>
              Gửi toàn bộ hồ sơ của quầy lên máy chủ tỉnh, nhận hồ sơ mới từ các quầy khác và cập nhật danh mục.
              {sync.status().pending > 0 && <> Hiện có {formatCount(sync.status().pending)} thao tác chờ gửi.</>}
            </p>
            <div className="form-actions">
              <button type="button" className="btn" onClick={onClose}>
                Để sau
              </button>
              <button type="button" className="btn btn-primary" onClick={start} data-autofocus data-testid="day-end-start">
                Bắt đầu đồng bộ
              </button>
            </div>
          </>
        )}
        {phase.kind === 'running' && (
          <div role="status" aria-live="polite">
            <p className="day-end-stage">{stageLabels[phase.progress.stage]}</p>
            <progress max={Math.max(1, phase.progress.pendingAtStart)} value={phase.progress.sent + phase.progress.rejected} />
            <p>
              Đã gửi {formatCount(phase.progress.sent)}/{formatCount(phase.progress.pendingAtStart)} thao tác · đã nhận {formatCount(phase.progress.received)} thao tác
              {phase.progress.rejected > 0 && <> · chưa gửi được {formatCount(phase.progress.rejected)}</>}
            </p>
          </div>
        )}
        {phase.kind === 'done' && <Report report={phase.report} earlier={earlier} onClose={onClose} onRetry={start} />}
      </div>
    </Dialog>
  );
}

function Report({ report, earlier, onClose, onRetry }: { report: DayEndReport; earlier: Rejection[] | null; onClose: () => void; onRetry: () => void }) {
  return (
    <div data-testid="day-end-report">
      {report.error ? (
        <Notice tone="error">Chưa đồng bộ xong: {report.error} Dữ liệu vẫn an toàn trên quầy và sẽ tự gửi lại khi có kết nối.</Notice>
      ) : report.pendingAfter > 0 ? (
        <Notice tone="warning">Còn {formatCount(report.pendingAfter)} thao tác chưa được máy chủ xác nhận.</Notice>
      ) : (
        <Notice tone="success">Đồng bộ xong lúc {formatInstant(new Date(report.finishedAt).toISOString())}.</Notice>
      )}
      <p className="day-end-summary" data-testid="day-end-summary">
        {daySummary(report.today)}
      </p>
      <h3 className="day-end-heading">Hôm nay (từ 0 giờ {formatDay(new Date(report.today.since).toISOString())})</h3>
      <dl className="day-end-figures">
        <div>
          <dt>Đã gửi</dt>
          <dd>
            {formatCount(report.today.sentDossiers)} hồ sơ, <span data-testid="day-end-sent">{formatCount(report.today.sent)}</span> thao tác
          </dd>
        </div>
        <div>
          <dt>Đã nhận</dt>
          <dd>
            {formatCount(report.today.receivedDossiers)} hồ sơ, <span data-testid="day-end-received">{formatCount(report.today.received)}</span> thao tác
          </dd>
        </div>
        <div>
          <dt>Chưa gửi được</dt>
          <dd data-testid="day-end-rejected">{formatCount(report.today.rejected.length)}</dd>
        </div>
      </dl>
      <p className="day-end-cycle" data-testid="day-end-cycle">
        Lần đồng bộ này: gửi {formatCount(report.sent)} thao tác, nhận {formatCount(report.received)} thao tác
        {report.rejected.length > 0 && <>, chưa gửi được {formatCount(report.rejected.length)}</>}. Các thao tác đã gửi trong ngày (kể cả
        khi quầy tự đồng bộ) đều được tính ở trên.
      </p>
      {report.consultations && (report.consultations.sent > 0 || report.consultations.rejected > 0 || report.consultations.pendingAfter > 0) && (
        <p className="day-end-cycle" data-testid="day-end-consultations">
          Hướng dẫn, từ chối tại quầy: gửi {formatCount(report.consultations.sent)} lượt
          {report.consultations.rejected > 0 && <>, máy chủ từ chối {formatCount(report.consultations.rejected)} lượt (xem lý do ở màn hình Hướng dẫn tại quầy)</>}
          {report.consultations.pendingAfter > 0 && <>, còn {formatCount(report.consultations.pendingAfter)} lượt chờ gửi</>}.
        </p>
      )}
      {report.attachments && (report.attachments.uploaded > 0 || report.attachments.pendingAfter > 0) && (
        <p className="day-end-cycle" data-testid="day-end-attachments">
          Bản số hóa giấy tờ: gửi {formatCount(report.attachments.uploaded)} tệp
          {report.attachments.pendingAfter > 0 && <>, còn {formatCount(report.attachments.pendingAfter)} tệp chờ gửi (quầy tự gửi tiếp khi có mạng)</>}.
        </p>
      )}
      {report.today.rejected.length > 0 && <RejectionTable title="Chưa gửi được hôm nay" rows={report.today.rejected} />}
      {earlier && earlier.length > 0 && (
        <details>
          <summary>{formatCount(earlier.length)} thao tác chưa gửi được từ trước hôm nay (vẫn lưu trên quầy)</summary>
          <RejectionTable title="Chưa gửi được từ trước hôm nay" rows={earlier} />
        </details>
      )}
      {(report.today.rejected.length > 0 || report.rejectedEarlier > 0) && (
        <p>
          <a href={`#${UNSENT_PATH}`} onClick={onClose} data-testid="day-end-unsent">
            Xem và xử lý các thao tác chưa gửi được
          </a>{' '}
          (sửa lỗi ký tự, hoặc xuất tệp gửi bộ phận hỗ trợ của tỉnh).
        </p>
      )}
      <div className="form-actions">
        {report.error && (
          <button type="button" className="btn" onClick={onRetry}>
            Thử lại
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          Đóng
        </button>
      </div>
    </div>
  );
}

/** "Hôm nay đã gửi 1 hồ sơ, 6 thao tác; đã nhận 2 hồ sơ, 3 thao tác.": dossiers first, as officers count. */
export function daySummary(today: DayTotals): string {
  const sent = today.sent === 0 ? 'chưa gửi thao tác nào' : `đã gửi ${formatCount(today.sentDossiers)} hồ sơ, ${formatCount(today.sent)} thao tác`;
  const received = today.received === 0 ? 'chưa nhận thao tác nào' : `đã nhận ${formatCount(today.receivedDossiers)} hồ sơ, ${formatCount(today.received)} thao tác`;
  return `Hôm nay ${sent}; ${received} từ các quầy khác.`;
}

function RejectionTable({ title, rows }: { title: string; rows: Rejection[] }) {
  return (
    <table className="day-end-rejections">
      <caption>{title}. Các thao tác này không bị xoá; hãy kiểm tra lại trên hồ sơ.</caption>
      <thead>
        <tr>
          <th scope="col">Mã hồ sơ</th>
          <th scope="col">Thao tác</th>
          <th scope="col">Lý do</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.eventId}>
            <td>
              <a href={`#/ho-so/${encodeURIComponent(row.dossierCode)}`}>{row.dossierCode}</a>
            </td>
            <td>{actionLabels[row.type as EventType] ?? row.type}</td>
            <td>{row.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
