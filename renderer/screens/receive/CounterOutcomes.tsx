import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { consultationReference } from '../../../src/counter/consultation.ts';
import { formNumberLabel } from '../../../src/print/forms/form-numbers.ts';
import type { ConsultationOutcome, CounterConsultation, CounterConsultationInput } from '../../../src/counter/consultation.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { ConsultationPrintDialog } from '../../print/ConsultationPrintDialog.tsx';
import { consultationApplicantOf, missingPapersOf } from './counter-outcome.ts';
import { CounterOutcomeDialog } from './CounterOutcomeDialog.tsx';
import type { ReceiveErrors, ReceiveValues } from './receive-form.ts';

/** Alt+B guides to supplement, Alt+U refuses: the letters of the dossier detail's supplement and refusal. */
export const COUNTER_OUTCOME_KEYS: Readonly<Record<ConsultationOutcome, { code: string; keys: string }>> = {
  guided: { code: 'KeyB', keys: 'Alt+B' },
  refused: { code: 'KeyU', keys: 'Alt+U' },
};

export interface CounterOutcomesInput {
  procedure: Procedure | null;
  values: () => ReceiveValues;
  /** Whether the receive screen can take a key now (no receipt dialog open). */
  idle: boolean;
  onInvalid: (errors: ReceiveErrors, message: string) => void;
  /** After a consultation is saved: the screen clears the form and says what was done. */
  onSaved: (consultation: CounterConsultation) => void;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'asking'; outcome: ConsultationOutcome; procedure: Procedure; applicant: CounterConsultationInput['applicant']; missing: string[] }
  | { kind: 'printing'; consultation: CounterConsultation };

/**
 * The receive screen's counter outcomes (issue 20 point 1): a citizen whose papers are incomplete is
 * guided to supplement them, or refused, without a dossier. Returns the two buttons and the dialogs.
 */
export function useCounterOutcomes({ procedure, values, idle, onInvalid, onSaved }: CounterOutcomesInput): { buttons: ReactNode; dialogs: ReactNode; busy: boolean } {
  const desk = useDesk();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const start = useCallback(
    (outcome: ConsultationOutcome) => {
      if (!procedure) {
        onInvalid({}, 'Chưa chọn thủ tục hành chính (F2 để tìm): phiếu hướng dẫn, từ chối ghi rõ thủ tục.');
        return;
      }
      const current = values();
      const checked = consultationApplicantOf(procedure, current, localDateOf(desk.now()));
      if (!checked.ok) {
        onInvalid(checked.errors, 'Chưa ghi được: hãy sửa thông tin người nộp ở các ô báo đỏ.');
        return;
      }
      setStep({ kind: 'asking', outcome, procedure, applicant: checked.applicant, missing: missingPapersOf(current.papers) });
    },
    [desk, onInvalid, procedure, values],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!idle || step.kind !== 'idle' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const outcome = (Object.keys(COUNTER_OUTCOME_KEYS) as ConsultationOutcome[]).find((key) => COUNTER_OUTCOME_KEYS[key].code === event.code);
      if (!outcome) return;
      event.preventDefault();
      start(outcome);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [idle, start, step.kind]);

  const buttons = (
    <>
      <button type="button" onClick={() => start('guided')} data-testid="counter-guide" title={`Giấy tờ chưa đủ: hướng dẫn bổ sung, in Phiếu yêu cầu bổ sung (${formNumberLabel('supplement-request')}), không tiếp nhận`}>
        Hướng dẫn bổ sung <kbd>{COUNTER_OUTCOME_KEYS.guided.keys}</kbd>
      </button>
      <button type="button" onClick={() => start('refused')} data-testid="counter-refuse" title={`Từ chối tiếp nhận tại quầy, in Phiếu từ chối (${formNumberLabel('refusal')})`}>
        Từ chối tiếp nhận <kbd>{COUNTER_OUTCOME_KEYS.refused.keys}</kbd>
      </button>
    </>
  );

  const dialogs =
    step.kind === 'asking' ? (
      <CounterOutcomeDialog
        outcome={step.outcome}
        procedure={step.procedure}
        applicant={step.applicant}
        missing={step.missing}
        onCancel={() => setStep({ kind: 'idle' })}
        onSaved={(consultation) => {
          onSaved(consultation);
          setStep({ kind: 'printing', consultation });
        }}
      />
    ) : step.kind === 'printing' ? (
      <ConsultationPrintDialog consultation={step.consultation} onClose={() => setStep({ kind: 'idle' })} />
    ) : null;

  return { buttons, dialogs, busy: step.kind !== 'idle' };
}

/** What the receive screen says once a consultation is saved. */
export function consultationSavedText(consultation: CounterConsultation): string {
  const what = consultation.outcome === 'guided' ? 'hướng dẫn bổ sung' : 'từ chối tiếp nhận';
  return `Đã ghi ${what} tại quầy cho ${consultation.applicant.fullName} (không tiếp nhận, không cấp mã hồ sơ), số phiếu ${consultationReference(consultation.id)}.`;
}
