import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { toBridgeError } from '../../src/bridge/bridge-error.ts';
import type { CorrectedText } from '../../src/dossier/event-correction.ts';
import type { EventType } from '../../src/dossier/events.ts';
import { actionLabels } from '../../src/dossier/state-machine.ts';
import { codePointName, describeForbiddenCharacter, textPieces } from '../../src/text/allowed-characters.ts';
import type { DeskSync } from '../../sync/client/desk-sync.ts';
import type { UnsentEvent } from '../../sync/client/unsent.ts';
import { useDesk } from '../app/desk-context.tsx';
import { formatCount, formatInstant } from '../components/format.ts';
import { EmptyState, Notice } from '../components/Notice.tsx';
import { exportUnsent } from './unsent-export.ts';
import { useDeskSync } from './use-desk-sync.ts';
import './sync-status.css';

/** Hash route of "Chưa gửi được". */
export const UNSENT_PATH = '/chua-gui-duoc';

type Message = { tone: 'success' | 'error' | 'info'; text: string } | null;

/**
 * "Chưa gửi được": the events this desk has not managed to send to the provincial server, each with
 * its dossier, action and reason, and the ways out: correct a text problem (the characters shown in
 * place, the result shown before it is sent) or export them all for the province's support.
 */
export function UnsentScreen() {
  const { sync, status, loading } = useDeskSync();
  return (
    <section className="unsent-screen" data-testid="unsent-screen">
      <header className="section-header">
        <h1>Chưa gửi được</h1>
        <p>
          Các thao tác dưới đây chưa gửi lên máy chủ tỉnh. Chúng vẫn được lưu trên quầy, không bị mất; các thao tác khác vẫn gửi bình thường.
        </p>
      </header>
      {loading ? null : sync ? <UnsentList sync={sync} changes={status.rejected} /> : <Notice tone="info">Quầy chưa kết nối máy chủ tỉnh.</Notice>}
    </section>
  );
}

function UnsentList({ sync, changes }: { sync: DeskSync; changes: number }) {
  const desk = useDesk();
  const [items, setItems] = useState<UnsentEvent[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const reload = useCallback(() => sync.unsent.list().then(setItems), [sync]);
  useEffect(() => {
    void reload();
  }, [reload, changes]);

  const exportAll = async () => {
    if (!items) return;
    setBusy(true);
    try {
      const nowMs = desk.now();
      const data = exportUnsent(items, { agencyId: desk.identity.agencyId, deskId: desk.identity.deskId, nowMs });
      const stamp = new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
      const result = await desk.bridge.exportBackup({ data, suggestedFileName: `motcua-chua-gui-duoc-${desk.identity.agencyId}-${stamp}.json` });
      setMessage(result.saved ? { tone: 'success', text: `Đã xuất ${formatCount(items.length)} thao tác ra tệp ${result.fileName ?? ''}. Hãy gửi tệp này cho bộ phận hỗ trợ của tỉnh; tệp có thông tin cá nhân của công dân.` } : { tone: 'info', text: 'Đã huỷ xuất tệp.' });
    } catch (reason) {
      setMessage({ tone: 'error', text: `Không xuất được tệp: ${toBridgeError(reason).message}` });
    } finally {
      setBusy(false);
    }
  };

  const correct = async (item: UnsentEvent) => {
    setBusy(true);
    try {
      await sync.unsent.correct(item.rejection.eventId);
      setOpen(null);
      setMessage({ tone: 'success', text: `Đã sửa thao tác "${labelOf(item.rejection.type)}" của hồ sơ ${item.rejection.dossierCode}; quầy đang gửi lại lên máy chủ.` });
      await reload();
    } catch (error) {
      setMessage({ tone: 'error', text: `Chưa sửa được: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  if (!items) return <p className="muted">Đang đọc danh sách…</p>;
  const blockers = new Map(items.map((item) => [item.rejection.eventId, item]));
  return (
    <>
      {message && (
        <Notice tone={message.tone} testId="unsent-message">
          {message.text}
        </Notice>
      )}
      {items.length === 0 ? (
        <EmptyState title="Không có thao tác nào chưa gửi được.">Mọi thao tác của quầy đã gửi lên máy chủ hoặc đang chờ gửi.</EmptyState>
      ) : (
        <>
          <div className="unsent-toolbar">
            <span data-testid="unsent-count">{formatCount(items.length)} thao tác</span>
            <button type="button" className="btn" onClick={() => void exportAll()} disabled={busy} data-testid="unsent-export">
              Xuất tệp cho bộ phận hỗ trợ
            </button>
          </div>
          <table className="unsent-table" data-testid="unsent-table">
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Ghi lúc</th>
                <th scope="col">Lý do</th>
                <th scope="col" aria-label="Cách xử lý" />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const { eventId, dossierCode, type, heldBy } = item.rejection;
                const blocker = heldBy ? blockers.get(heldBy) : undefined;
                return [
                  <tr key={eventId} data-testid="unsent-row" data-event-id={eventId}>
                    <td>
                      <Link href={`/ho-so/${encodeURIComponent(dossierCode)}`}>{dossierCode}</Link>
                    </td>
                    <td>{labelOf(type)}</td>
                    <td>{formatInstant(item.event?.at)}</td>
                    <td className="unsent-reason">
                      {heldBy ? `Đang chờ: sẽ tự gửi ngay sau khi thao tác "${labelOf(blocker?.rejection.type ?? '')}" của hồ sơ này được sửa và gửi.` : item.rejection.message}
                    </td>
                    <td className="unsent-actions">
                      {item.correction && (
                        <button type="button" className="btn btn-primary" onClick={() => setOpen(open === eventId ? null : eventId)} aria-expanded={open === eventId} disabled={busy}>
                          Sửa…
                        </button>
                      )}
                    </td>
                  </tr>,
                  open === eventId && item.correction ? (
                    <tr key={`${eventId}-fix`} className="unsent-fix-row">
                      <td colSpan={5}>
                        <CorrectionPanel texts={item.correction.texts} busy={busy} onConfirm={() => void correct(item)} onCancel={() => setOpen(null)} />
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** The fields to correct: each with its refused characters shown in place, and what will be sent instead. */
function CorrectionPanel({ texts, busy, onConfirm, onCancel }: { texts: readonly CorrectedText[]; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="unsent-fix" data-testid="unsent-fix">
      <p>Quầy sẽ bỏ các ký tự không được phép (đánh dấu đỏ) rồi gửi lại. Kiểm tra nội dung sau khi sửa trước khi xác nhận.</p>
      <dl>
        {texts.map((text) => (
          <div key={text.path.join('.')} className="unsent-fix-field">
            <dt>{text.label}</dt>
            <dd>
              <span className="unsent-fix-caption">Hiện tại</span>
              <span className="unsent-fix-text" data-testid="unsent-before">
                {textPieces(text.before, text.lines).map((piece, index) =>
                  'text' in piece ? (
                    <span key={index}>{piece.text}</span>
                  ) : (
                    <mark key={index} className="unsent-char" title={describeForbiddenCharacter(piece.forbidden)}>
                      {codePointName(piece.forbidden.codePoint)}
                    </mark>
                  ),
                )}
              </span>
            </dd>
            <dd>
              <span className="unsent-fix-caption">Sau khi sửa</span>
              <span className="unsent-fix-text" data-testid="unsent-after">
                {text.after}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Huỷ
        </button>
        <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={busy} data-testid="unsent-confirm">
          Xác nhận sửa và gửi lại
        </button>
      </div>
    </div>
  );
}

function labelOf(type: string): string {
  return actionLabels[type as EventType] ?? type;
}
