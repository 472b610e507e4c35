import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageSize } from '../../src/bridge/desk-bridge.ts';
import type { DossierEvent, PrintForm } from '../../src/dossier/events.ts';
import type { FormModel } from '../../src/print/forms/index.ts';
import { printedNotice } from '../../src/print/print-notice.ts';
import { receiptKey } from '../../src/fees/receipt-series.ts';
import { useDesk } from '../app/desk-context.tsx';
import { usePlaceNames } from '../components/use-place-names.ts';
import { ClockWarningNotice, useClockWarning } from '../components/ClockWarningNotice.tsx';
import { buildFormModel, copiesPerDocument, formElement, formTitles } from './dossier-forms.tsx';
import { loadFormUnit } from './form-unit.ts';
import type { PrintLogEntry } from '../store/index.ts';
import { useThermalPrint } from './thermal-print-state.ts';
import './print-dialog.css';

export interface PrintFormDialogProps {
  form: PrintForm;
  dossierCode: string;
  onClose: () => void;
  /** Called after each successful print with its log entry. */
  onPrinted?: (entry: PrintLogEntry) => void;
  initialPageSize?: 'A4' | 'A5';
  /** For the fee receipt: which receipt of the dossier. */
  receipt?: { symbol: string; number: number };
}

type Load = { state: 'loading' } | { state: 'ready'; model: FormModel; events: readonly DossierEvent[] } | { state: 'failed'; message: string };

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Preview and print of one form of a dossier. The preview is an isolated frame showing the
 * exact HTML that goes to the printer, so what the officer sees is what prints.
 * Keys: Ctrl+P or Enter prints, 4/5 choose A4/A5, Esc closes.
 * With a thermal printer configured, the receipt also offers the 80 mm print (Ctrl+B), which is
 * then the pre-selected action (focused: Enter prints it); a failed thermal print offers "In lại".
 */
export function PrintFormDialog({ form, dossierCode, onClose, onPrinted, initialPageSize = 'A4', receipt }: PrintFormDialogProps) {
  const desk = useDesk();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [pageSize, setPageSize] = useState<PageSize>(initialPageSize);
  const [isCopy, setIsCopy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The desk clock's last known offset: printed receipt times and appointments come from it.
  const clockWarning = useClockWarning(desk.store);
  const [clockAccepted, setClockAccepted] = useState(false);
  const [confirming, setConfirming] = useState<'document' | 'thermal' | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const thermalButton = useRef<HTMLButtonElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);

  const places = usePlaceNames(desk.store, desk.identity);
  // Each fee receipt of a dossier is its own document: its first print is never a copy of another's.
  const subject = receipt ? receiptKey(receipt) : undefined;
  useEffect(() => {
    if (!places) return;
    let live = true;
    void (async () => {
      try {
        const [events, unit] = await Promise.all([desk.store.events.forDossier(dossierCode), loadFormUnit(desk)]);
        const model = buildFormModel(form, events, desk, unit, places.unitText, receipt);
        const copy = await desk.print.nextIsCopy(dossierCode, form, subject);
        if (!live) return;
        setIsCopy(copy);
        setLoad({ state: 'ready', model, events });
      } catch (error) {
        if (live) setLoad({ state: 'failed', message: error instanceof Error ? error.message : 'Không dựng được phiếu in.' });
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the receipt is identified by its symbol and number
  }, [desk, dossierCode, form, places, subject, receipt?.symbol, receipt?.number]);

  const markCopy = useCallback(() => setIsCopy(true), []);
  const thermalPrinted = useCallback(
    (entry: PrintLogEntry) => {
      setIsCopy(true);
      onPrinted?.(entry);
    },
    [onPrinted],
  );
  const thermal = useThermalPrint({
    desk,
    form,
    dossierCode,
    events: load.state === 'ready' ? load.events : null,
    isCopy,
    onPrinted: thermalPrinted,
    onMaybePrinted: markCopy,
  });
  const thermalReady = thermal.target !== null;

  useEffect(() => {
    if (load.state !== 'ready') return;
    // The configured receipt printer is the pre-selected action.
    (thermalReady ? thermalButton : printButton).current?.focus();
  }, [load.state, thermalReady]);

  const thermalKind = thermal.state.kind;
  useEffect(() => {
    if (thermalKind !== 'failed' && thermalKind !== 'printed') return;
    // A receipt printed through the browser's print frame took the focus: take it back for the keys.
    window.focus();
    (thermalKind === 'failed' ? (retryButton.current ?? thermalButton.current) : thermalButton.current)?.focus();
  }, [thermalKind]);

  const startThermal = thermal.print;
  const printThermalNow = useCallback(() => {
    if (busy) return;
    setMessage(null);
    void startThermal();
  }, [busy, startThermal]);
  const printThermal = useCallback(() => {
    if (clockWarning && !clockAccepted) setConfirming('thermal');
    else printThermalNow();
  }, [clockAccepted, clockWarning, printThermalNow]);
  const thermalBusy = thermal.state.kind === 'busy';

  const title = `${formTitles[form]} ${dossierCode}`;
  const html = useMemo(() => {
    if (load.state !== 'ready') return '';
    return desk.print.render({ document: formElement(load.model, pageSize, { isCopy }), pageSize, title }, { isCopy });
  }, [desk.print, load, pageSize, isCopy, title]);

  const printNow = useCallback(async () => {
    if (load.state !== 'ready' || busy || thermalBusy) return;
    setBusy(true);
    setMessage(null);
    try {
      const model = load.model;
      const outcome = await desk.print.printDocument({
        form,
        dossierCode,
        pageSize,
        copies: 1,
        copiesPerDocument: copiesPerDocument(form),
        title,
        ...(subject ? { subject } : {}),
        document: (mark) => formElement(model, pageSize, mark),
      });
      if (outcome.printed) {
        setMessage({ kind: 'ok', text: printedNotice({ isCopy: outcome.entry.isCopy, time: timeOf(outcome.entry.printedAt) }) });
        setIsCopy(true);
        onPrinted?.(outcome.entry);
      } else {
        setMessage({ kind: 'error', text: 'Đã huỷ lệnh in: chưa in và chưa ghi nhật ký in.' });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'In không thành công.' });
    } finally {
      setBusy(false);
      // The browser's print frame takes the focus; give it back so Esc and Ctrl+P keep working.
      window.focus();
      printButton.current?.focus();
    }
  }, [busy, desk.print, dossierCode, form, load, onPrinted, pageSize, subject, thermalBusy, title]);

  /** Before the first print of this dialog on a desk whose clock is off: a confirmation step. */
  const print = useCallback(async () => {
    if (clockWarning && !clockAccepted) setConfirming('document');
    else await printNow();
  }, [clockAccepted, clockWarning, printNow]);
  const confirmPrint = () => {
    const kind = confirming;
    setClockAccepted(true);
    setConfirming(null);
    if (kind === 'thermal') printThermalNow();
    else void printNow();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void print();
      } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'b' && thermalReady) {
        event.preventDefault();
        printThermal();
      } else if (!event.ctrlKey && !event.altKey && (event.key === '4' || event.key === '5')) {
        const target = event.target as HTMLElement | null;
        if (target?.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'radio') return;
        event.preventDefault();
        setPageSize(event.key === '4' ? 'A4' : 'A5');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, print, printThermal, thermalReady]);

  return (
    <div className="print-dialog-backdrop">
      <div className="print-dialog" role="dialog" aria-modal="true" aria-label={`In ${formTitles[form].toLocaleLowerCase('vi')}`}>
        <header className="print-toolbar">
          <div className="print-title">
            <strong>{formTitles[form]}</strong>
            <span className="print-code">{dossierCode}</span>
          </div>
          <fieldset className="page-size" aria-label="Khổ giấy">
            {(['A4', 'A5'] as const).map((size) => (
              <label key={size} className={pageSize === size ? 'selected' : undefined}>
                <input type="radio" name="page-size" value={size} checked={pageSize === size} onChange={() => setPageSize(size)} />
                {size} <kbd>{size.slice(1)}</kbd>
              </label>
            ))}
          </fieldset>
          {isCopy && <span className="copy-note">Lần in này là bản sao</span>}
          <button
            ref={printButton}
            type="button"
            className={thermalReady ? undefined : 'primary'}
            onClick={() => void print()}
            disabled={load.state !== 'ready' || busy || thermalBusy}
          >
            {busy ? 'Đang in…' : 'In'} <kbd>Ctrl+P</kbd>
          </button>
          {thermalReady && (
            <button
              ref={thermalButton}
              type="button"
              className="primary"
              onClick={printThermal}
              disabled={busy || thermalBusy}
              title={`Máy in nhiệt: ${thermal.target ?? ''}`}
              data-testid="thermal-print"
            >
              {thermalBusy ? 'Đang in biên nhận…' : 'In biên nhận (máy in nhiệt 80 mm)'} <kbd>Ctrl+B</kbd>
            </button>
          )}
          <button type="button" onClick={onClose}>
            Đóng <kbd>Esc</kbd>
          </button>
        </header>
        {clockWarning && confirming === null && <ClockWarningNotice warning={clockWarning} testId="print-clock-warning" />}
        {clockWarning && confirming !== null && (
          <div className="print-clock-confirm" role="alertdialog" aria-labelledby="print-clock-confirm-title" aria-describedby="print-clock-confirm-text" data-testid="print-clock-confirm">
            <p id="print-clock-confirm-title" className="print-clock-confirm-title">
              Đồng hồ máy tính đang lệch: vẫn in phiếu?
            </p>
            <p id="print-clock-confirm-text">{clockWarning.message}</p>
            <div className="print-clock-confirm-actions">
              <button type="button" className="primary" onClick={confirmPrint} autoFocus>
                Vẫn in <kbd>Enter</kbd>
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Không in, để chỉnh đồng hồ
              </button>
            </div>
          </div>
        )}
        {message && (
          <p className={`print-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {thermal.state.kind === 'busy' && (
          <p className="print-message" role="status" data-testid="thermal-status">
            Đang gửi biên nhận tới máy in nhiệt {thermal.target}…
          </p>
        )}
        {thermal.state.kind === 'printed' && (
          <p className="print-message ok" role="status" data-testid="thermal-status">
            {printedNotice({
              isCopy: thermal.state.isCopy,
              time: timeOf(thermal.state.entry.printedAt),
              thermal: true,
              detail: `nhật ký in: lần in thứ ${thermal.state.entry.printNumber}, ${thermal.state.entry.isCopy ? 'bản sao' : 'bản chính'}`,
            })}
          </p>
        )}
        {thermal.state.kind === 'failed' && (
          <div className="print-message error thermal-failure" role="alert" data-testid="thermal-error">
            <p>
              <strong>Chưa in được biên nhận trên máy in nhiệt.</strong> {thermal.state.failure.message}
            </p>
            <p>{thermal.state.failure.next}</p>
            {thermal.state.failure.plan.canRetry && (
              <button ref={retryButton} type="button" className="primary" onClick={printThermal} disabled={busy}>
                In lại{thermal.state.failure.plan.retryIsCopy ? ' (bản sao)' : ''} <kbd>Ctrl+B</kbd>
              </button>
            )}
          </div>
        )}
        {load.state === 'loading' && <p className="print-message">Đang dựng phiếu…</p>}
        {load.state === 'failed' && (
          <p className="print-message error" role="alert">
            {load.message}
          </p>
        )}
        {load.state === 'ready' && (
          <div className="print-body">
            <iframe className="print-preview" title="Bản xem trước khi in" sandbox="allow-same-origin" srcDoc={html} data-page-size={pageSize} />
            {thermalReady && (
              <figure className="thermal-preview" aria-label="Biên nhận 80 mm">
                <figcaption>Biên nhận 80 mm{isCopy ? ' · bản sao' : ''}</figcaption>
                {thermal.previewUrl && <img src={thermal.previewUrl} alt={`Biên nhận 80 mm của hồ sơ ${dossierCode}`} />}
              </figure>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
