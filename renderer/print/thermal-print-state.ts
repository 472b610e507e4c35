import { useCallback, useEffect, useRef, useState } from 'react';
import { BridgeError, toBridgeError, type PrintedOutcome } from '../../src/bridge/bridge-error.ts';
import type { DossierEvent, PrintForm } from '../../src/dossier/events.ts';
import { planAfterFailure, printedOutcomeOf, type FailedPrintPlan } from '../../src/print/thermal/reprint.ts';
import type { Desk } from '../app/desk-context.tsx';
import type { PrintLogEntry } from '../store/index.ts';
import { loadFormUnit } from './form-unit.ts';
import { drawThermalReceipt, thermalReceiptOf, type ThermalReceiptContent } from './thermal-receipt.ts';

/** What the dialog shows after a failed thermal print. */
export interface ThermalFailure {
  /** The host's message (Vietnamese), e.g. "Máy in … hết giấy. Thay cuộn giấy rồi in lại." */
  message: string;
  /** What the officer should know next: the dossier is safe, and how a retry is marked. */
  next: string;
  printed: PrintedOutcome;
  plan: FailedPrintPlan;
}

/** Turns a rejected thermal print into what the dialog says (pure: unit-tested). */
export function describeThermalFailure(reason: unknown, dossierCode: string): ThermalFailure {
  const error = reason instanceof BridgeError ? reason : toBridgeError(reason);
  const printed = printedOutcomeOf(error);
  const plan = planAfterFailure(error);
  const saved = `Hồ sơ ${dossierCode} đã được lưu, không bị mất.`;
  const next = !plan.canRetry
    ? `${saved} Có thể in giấy biên nhận khổ A4/A5 bằng nút In.`
    : plan.retryIsCopy
      ? `${saved} Máy in có thể đã in một phần: kiểm tra giấy, rồi bấm “In lại”; bản in lại ghi “Bản sao” và được ghi nhật ký là bản sao.`
      : `${saved} Máy in chưa nhận lệnh in: khắc phục rồi bấm “In lại”; bản in lại vẫn là bản chính.`;
  return { message: error.message, next, printed, plan };
}

export type ThermalState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'printed'; entry: PrintLogEntry; isCopy: boolean }
  | { kind: 'failed'; failure: ThermalFailure };

export interface ThermalPrint {
  /** Set when the form is the receipt and a thermal printer is configured. */
  target: string | null;
  state: ThermalState;
  /** Object URL of the receipt image as it would print now, for the preview. */
  previewUrl: string | null;
  /** Prints (or retries after a failure: the failure decides the copy mark). */
  print(): Promise<void>;
}

/**
 * The 80 mm receipt of the print dialog: which printer, what it looks like, and the print with
 * its failure and retry. A failure never touches the dossier; the printer's answer decides
 * whether the retry is an original (nothing was sent) or a copy (paper may have come out).
 */
export function useThermalPrint(input: {
  desk: Pick<Desk, 'print' | 'identity' | 'settings' | 'store'>;
  form: PrintForm;
  dossierCode: string;
  events: readonly DossierEvent[] | null;
  isCopy: boolean;
  onPrinted: (entry: PrintLogEntry) => void;
  /** After a failure that may have printed: the next print is a copy. */
  onMaybePrinted: () => void;
}): ThermalPrint {
  const { desk, form, dossierCode, events, isCopy, onPrinted, onMaybePrinted } = input;
  const [target, setTarget] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ThermalReceiptContent | null>(null);
  const [state, setState] = useState<ThermalState>({ kind: 'idle' });
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (form !== 'receipt' || !events) return;
    let live = true;
    void (async () => {
      try {
        const configured = await desk.print.thermalTarget();
        if (!live || !configured) return;
        const unit = await loadFormUnit(desk);
        if (!live) return;
        setReceipt(thermalReceiptOf(events, { unit, settings: desk.settings }));
        setTarget(configured);
      } catch {
        // No thermal option without a readable setting or receipt; the A4/A5 print stays.
      }
    })();
    return () => {
      live = false;
    };
  }, [desk, events, form]);

  useEffect(() => {
    if (!receipt) return;
    let url: string | null = null;
    let live = true;
    void drawThermalReceipt({ ...receipt, copy: isCopy })
      .then((png) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
        setPreviewUrl(url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [receipt, isCopy]);

  const print = useCallback(async () => {
    if (!receipt || busy.current) return;
    busy.current = true;
    const previousFailure = state.kind === 'failed' ? state.failure.printed : undefined;
    setState({ kind: 'busy' });
    try {
      const outcome = await desk.print.printThermalReceipt({ dossierCode, receipt, ...(previousFailure ? { previousFailure } : {}) });
      setState({ kind: 'printed', entry: outcome.entry, isCopy: outcome.isCopy });
      onPrinted(outcome.entry);
    } catch (reason) {
      const failure = describeThermalFailure(reason, dossierCode);
      setState({ kind: 'failed', failure });
      if (failure.plan.retryIsCopy) onMaybePrinted();
    } finally {
      busy.current = false;
    }
  }, [desk.print, dossierCode, onMaybePrinted, onPrinted, receipt, state]);

  return { target: receipt ? target : null, state, previewUrl, print };
}
