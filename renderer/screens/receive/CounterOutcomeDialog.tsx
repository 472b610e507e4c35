import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { consultationSchema, createConsultation, MAX_CONSULTATION_ITEMS } from '../../../src/counter/consultation.ts';
import type { ConsultationOutcome, CounterConsultation, CounterConsultationInput } from '../../../src/counter/consultation.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { formNumberLabel } from '../../../src/print/forms/form-numbers.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { eventTextProblem, sameTextRuleAs } from '../../components/event-text-rule.ts';
import { Notice } from '../../components/Notice.tsx';
import { FormButtons, FormField, MULTILINE_HINT, submitOnCtrlEnter } from '../dossier-detail/actions/FormField.tsx';
import { itemsOf, outcomeTitles } from './counter-outcome.ts';

const fields = consultationSchema.shape;

const schemaFor = (outcome: ConsultationOutcome) =>
  z.object({
    items: z
      .string()
      .refine((text) => outcome !== 'guided' || itemsOf(text).length > 0, 'Ghi ít nhất một giấy tờ cần bổ sung.')
      .refine((text) => itemsOf(text).length <= MAX_CONSULTATION_ITEMS, `Tối đa ${MAX_CONSULTATION_ITEMS} mục.`)
      .refine((text) => itemsOf(text).every((line) => line.length <= 500), 'Mỗi mục tối đa 500 ký tự.')
      .superRefine((text, ctx) => {
        const problem = itemsOf(text).map((line) => eventTextProblem(fields.items.element, line)).find((found) => found !== null);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    reason: z
      .string()
      .trim()
      .min(1, outcome === 'guided' ? 'Cần ghi lý do hồ sơ chưa được tiếp nhận.' : 'Cần ghi lý do từ chối tiếp nhận.')
      .max(2000, 'Lý do dài quá 2.000 ký tự.')
      .superRefine(sameTextRuleAs(fields.reason)),
  });

export interface CounterOutcomeDialogProps {
  outcome: ConsultationOutcome;
  procedure: Procedure;
  applicant: CounterConsultationInput['applicant'];
  /** The required papers of the checklist that were not ticked. */
  missing: readonly string[];
  onSaved: (consultation: CounterConsultation) => void;
  onCancel: () => void;
}

/**
 * Guide to supplement (Mẫu 02) or refuse at the counter (Mẫu 03): the papers missing (prefilled from
 * the checklist) and the reason. Saves a counter consultation, never a dossier: no code is issued
 * and nothing is received. Ctrl+Enter (or Enter outside the text boxes) saves, Esc cancels.
 */
export function CounterOutcomeDialog({ outcome, procedure, applicant, missing, onSaved, onCancel }: CounterOutcomeDialogProps) {
  const desk = useDesk();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schemaFor(outcome)), defaultValues: { items: missing.join('\n'), reason: '' } });
  const submit = form.handleSubmit(async ({ items, reason }) => {
    setFailure(null);
    try {
      const consultation = createConsultation(
        {
          outcome,
          procedureCode: procedure.code,
          procedureName: procedure.name,
          applicant,
          reason,
          items: itemsOf(items),
          officerId: desk.officer.id,
          deskId: desk.identity.deskId,
          unitId: desk.identity.agencyId,
        },
        { nextId: desk.newEventId, now: desk.now },
      );
      onSaved(await desk.store.consultations.record(consultation));
    } catch (error) {
      setFailure(`Chưa lưu được: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const errors = form.formState.errors;
  const guided = outcome === 'guided';
  return (
    <Dialog title={outcomeTitles[outcome]} onClose={onCancel} wide>
      <form className="form-grid" onSubmit={submit} noValidate data-testid="counter-outcome-form">
        <p className="counter-outcome-who">
          <strong>{applicant.fullName}</strong> · {procedure.name}
        </p>
        <FormField
          id="counter-items"
          label={guided ? 'Giấy tờ cần bổ sung, hoàn thiện (mỗi dòng một mục)' : 'Giấy tờ còn thiếu hoặc chưa hợp lệ (không bắt buộc, mỗi dòng một mục)'}
          error={errors.items?.message}
          hint={MULTILINE_HINT}
        >
          <textarea id="counter-items" rows={4} {...form.register('items')} onKeyDown={submitOnCtrlEnter} />
        </FormField>
        <FormField id="counter-reason" label={guided ? 'Lý do' : 'Lý do từ chối'} error={errors.reason?.message} hint={MULTILINE_HINT}>
          <textarea id="counter-reason" rows={2} data-autofocus {...form.register('reason')} onKeyDown={submitOnCtrlEnter} />
        </FormField>
        <Notice tone="info">
          {guided
            ? `Hồ sơ không được tiếp nhận, không cấp mã hồ sơ: công dân nhận Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (${formNumberLabel('supplement-request')}) để bổ sung rồi nộp lại.`
            : `Hồ sơ không được tiếp nhận, không cấp mã hồ sơ: công dân nhận Phiếu từ chối tiếp nhận giải quyết hồ sơ (${formNumberLabel('refusal')}).`}{' '}
          Lượt này được tính ở dòng «Hướng dẫn, từ chối tại quầy» của báo cáo, không tính vào số hồ sơ tiếp nhận.
        </Notice>
        {failure && <Notice tone="error">{failure}</Notice>}
        <FormButtons submitLabel={`Ghi và in phiếu ${formNumberLabel(guided ? 'supplement-request' : 'refusal')}`} busy={form.formState.isSubmitting} onCancel={onCancel} danger={!guided} />
      </form>
    </Dialog>
  );
}
