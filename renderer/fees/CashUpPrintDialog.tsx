import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toBridgeError } from '../../src/bridge/bridge-error.ts';
import type { CashUp } from '../../src/fees/cash-up.ts';
import { buildCashUp } from '../../src/print/forms/cash-up.ts';
import { useDesk } from '../app/desk-context.tsx';
import { formUnit } from '../print/dossier-forms.tsx';
import { CashUpSheet } from '../print/forms/CashUpSheet.tsx';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor, printerSettingsSchema } from '../print/printer-settings.ts';
import '../print/print-dialog.css';

/**
 * Preview and print of an officer's day-end cash-up (A4). Ctrl+P prints, Esc closes. Not a dossier
 * print, so no PRINTED event: the cash-up is derived from the receipts, reprintable at will.
 */
export function CashUpPrintDialog({ cashUp, onClose }: { cashUp: CashUp; onClose: () => void }) {
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const model = useMemo(
    () => buildCashUp({ cashUp, unit: formUnit(desk), officerName: (id) => desk.officerName(id), atMs: desk.now() }),
    [cashUp, desk],
  );
  const title = `Bảng kê thu tiền ${model.officerName} ${model.dateText}`;
  const html = useMemo(() => desk.print.render({ document: <CashUpSheet model={model} />, pageSize: 'A4', title }, { isCopy: false }), [desk.print, model, title]);

  useEffect(() => printButton.current?.focus(), []);

  const print = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const printers = await desk.store.settings.get(PRINTER_SETTINGS_KEY, printerSettingsSchema, DEFAULT_PRINTER_SETTINGS);
      const printerName = printerNameFor(printers, 'A4');
      const { printed } = await desk.bridge.printDocument({ html, ...(printerName ? { printerName } : {}), silent: false, copies: 1, pageSize: 'A4' });
      setMessage(printed ? { kind: 'ok', text: 'Đã gửi lệnh in bảng kê.' } : { kind: 'error', text: 'Đã huỷ lệnh in.' });
    } catch (error) {
      setMessage({ kind: 'error', text: toBridgeError(error).message });
    } finally {
      setBusy(false);
      printButton.current?.focus();
    }
  }, [busy, desk, html]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, print]);

  return (
    <div className="print-dialog-backdrop">
      <div className="print-dialog" role="dialog" aria-modal="true" aria-label="In bảng kê thu tiền">
        <header className="print-toolbar">
          <div className="print-title">
            <strong>Bảng kê thu tiền phí, lệ phí</strong>
            <span className="print-code">
              {model.officerName} – {model.dateText}
            </span>
          </div>
          <button ref={printButton} type="button" className="primary" onClick={() => void print()} disabled={busy}>
            {busy ? 'Đang in…' : 'In'} <kbd>Ctrl+P</kbd>
          </button>
          <button type="button" onClick={onClose}>
            Đóng <kbd>Esc</kbd>
          </button>
        </header>
        {message && (
          <p className={`print-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="print-body">
          <iframe className="print-preview" title="Bản xem trước khi in" sandbox="allow-same-origin" srcDoc={html} data-page-size="A4" />
        </div>
      </div>
    </div>
  );
}
