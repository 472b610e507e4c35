import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toBridgeError } from '../../src/bridge/bridge-error.ts';
import type { CounterConsultation } from '../../src/counter/consultation.ts';
import { buildCounterNotice } from '../../src/print/forms/counter-notices.ts';
import { printedNotice } from '../../src/print/print-notice.ts';
import { useDesk } from '../app/desk-context.tsx';
import { formUnit } from './dossier-forms.tsx';
import { loadFormUnit } from './form-unit.ts';
import { CounterNoticeSheet } from './forms/CounterNoticeSheet.tsx';
import { DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_KEY, printerNameFor, printerSettingsSchema } from './printer-settings.ts';
import './print-dialog.css';

export interface ConsultationPrintDialogProps {
  consultation: CounterConsultation;
  onClose: () => void;
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Preview and print of a counter consultation's form (Mẫu 02 or 03, no dossier). A4; Ctrl+P or
 * Enter prints, Esc closes. Each print is logged with the consultation; a reprint says "Bản sao".
 * Not a dossier print: no PRINTED event (there is no dossier to carry it).
 */
export function ConsultationPrintDialog({ consultation, onClose }: ConsultationPrintDialogProps) {
  const desk = useDesk();
  const [isCopy, setIsCopy] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  // The identity's unit until the unit list's kind and governing body are read (loadFormUnit).
  const [unit, setUnit] = useState(() => formUnit(desk));
  const model = useMemo(() => buildCounterNotice({ consultation, unit, officerName: (id) => desk.officerName(id) }), [consultation, desk, unit]);
  const title = `${model.title.charAt(0)}${model.title.slice(1).toLocaleLowerCase('vi')} ${model.reference}`;

  useEffect(() => {
    let live = true;
    void Promise.all([desk.store.consultations.byId(consultation.id), loadFormUnit(desk)]).then(([stored, listedUnit]) => {
      if (!live) return;
      setUnit(listedUnit);
      setIsCopy((stored?.printCount ?? 0) > 0);
    });
    return () => {
      live = false;
    };
  }, [consultation.id, desk]);

  useEffect(() => {
    if (isCopy !== null) printButton.current?.focus();
  }, [isCopy]);

  const html = useMemo(
    () => (isCopy === null ? '' : desk.print.render({ document: <CounterNoticeSheet model={model} pageSize="A4" mark={{ isCopy }} />, pageSize: 'A4', title }, { isCopy })),
    [desk.print, isCopy, model, title],
  );

  const print = useCallback(async () => {
    if (busy || isCopy === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const printers = await desk.store.settings.get(PRINTER_SETTINGS_KEY, printerSettingsSchema, DEFAULT_PRINTER_SETTINGS);
      const printerName = printerNameFor(printers, 'A4');
      let printed: boolean;
      try {
        printed = (await desk.bridge.printDocument({ html, ...(printerName ? { printerName } : {}), silent: false, copies: 1, pageSize: 'A4' })).printed;
      } catch (reason) {
        const error = toBridgeError(reason);
        // Paper may have come out: logged, so that the next print is a copy.
        if (error.printed === 'maybe') await desk.store.consultations.recordPrint(consultation.id, desk.officer.id);
        throw error;
      }
      if (!printed) {
        setMessage({ kind: 'error', text: 'Đã huỷ lệnh in: chưa in và chưa ghi nhật ký in.' });
        return;
      }
      const logged = await desk.store.consultations.recordPrint(consultation.id, desk.officer.id);
      setMessage({ kind: 'ok', text: printedNotice({ isCopy: logged.isCopy, time: timeOf(new Date(desk.now()).toISOString()) }) });
      setIsCopy(true);
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'In không thành công.' });
    } finally {
      setBusy(false);
      window.focus();
      printButton.current?.focus();
    }
  }, [busy, consultation.id, desk, html, isCopy]);

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
      <div className="print-dialog" role="dialog" aria-modal="true" aria-label={`In ${model.title.toLocaleLowerCase('vi')}`}>
        <header className="print-toolbar">
          <div className="print-title">
            <strong>
              {model.header.formNumber}: {model.title.charAt(0)}
              {model.title.slice(1).toLocaleLowerCase('vi')}
            </strong>
            <span className="print-code">{model.reference}</span>
          </div>
          {isCopy && <span className="copy-note">Lần in này là bản sao</span>}
          <button ref={printButton} type="button" className="primary" onClick={() => void print()} disabled={isCopy === null || busy}>
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
        {isCopy !== null && (
          <div className="print-body">
            <iframe className="print-preview" title="Bản xem trước khi in" sandbox="allow-same-origin" srcDoc={html} data-page-size="A4" />
          </div>
        )}
      </div>
    </div>
  );
}
