import { useState } from 'react';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { eventTextProblem } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { ConfirmForm } from './ConfirmForm.tsx';
import { ResumeForm } from './ResumeForm.tsx';
import { FormField, MULTILINE_HINT, submitOnCtrlEnter } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { useRecordEvent } from './use-record-event.ts';

/** Digits only, dots and spaces between thousands allowed ("1.250.000"); null when not a whole amount. */
export function parseAmount(text: string): number | null {
  const digits = text.replace(/[.\s]/g, '');
  if (!/^\d{1,12}$/.test(digits)) return null;
  return Number(digits);
}

/** Status 6: the citizen must pay taxes or charges before the result; the clock stops until they do. */
export function ObligationRequestForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [problems, setProblems] = useState<{ note?: string; amount?: string }>({});
  return (
    <ConfirmForm
      submitLabel="Ghi yêu cầu nghĩa vụ tài chính"
      onCancel={onCancel}
      hasFields
      onConfirm={async () => {
        const text = note.trim();
        const found: { note?: string; amount?: string } = {};
        if (text === '') found.note = 'Ghi rõ khoản phải nộp (thuế, phí, lệ phí) và nơi nộp.';
        else {
          const refused = eventTextProblem(payloadSchemas.FINANCIAL_OBLIGATION_REQUESTED.shape.note, text);
          if (refused) found.note = refused;
        }
        const parsed = amount.trim() === '' ? undefined : parseAmount(amount);
        if (parsed === null) found.amount = 'Số tiền chỉ gồm chữ số, ví dụ 1.250.000.';
        setProblems(found);
        if (found.note || found.amount) return;
        await record('FINANCIAL_OBLIGATION_REQUESTED', dossier.code, { note: text, ...(parsed === undefined || parsed === null ? {} : { amount: parsed }) });
        onDone();
      }}
    >
      <FormField id="obligation-note" label="Khoản phải nộp và nơi nộp" error={problems.note} hint={MULTILINE_HINT}>
        <textarea
          id="obligation-note"
          rows={3}
          maxLength={2000}
          autoFocus
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={submitOnCtrlEnter}
          aria-invalid={problems.note ? true : undefined}
        />
      </FormField>
      <FormField id="obligation-amount" label="Số tiền phải nộp (đồng, không bắt buộc)" error={problems.amount}>
        <input id="obligation-amount" inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={problems.amount ? true : undefined} />
      </FormField>
      <Notice tone="info">Thời hạn giải quyết tạm dừng từ lúc yêu cầu đến khi công dân thực hiện xong nghĩa vụ tài chính.</Notice>
    </ConfirmForm>
  );
}

/** The citizen has paid: the clock resumes, the working time spent paying does not count. */
export function ObligationFulfilledForm(props: ActionFormProps) {
  return <ResumeForm {...props} pausedBy="FINANCIAL_OBLIGATION_REQUESTED" resumeWith="FINANCIAL_OBLIGATION_FULFILLED" submitLabel="Ghi nhận đã nộp" pausedFromLabel="Yêu cầu nộp lúc" />;
}
