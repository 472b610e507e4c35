import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { eventTextProblem, sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { lines, secondRequestWarning } from '../action-rules.ts';
import { FormButtons, FormField, submitOnCtrlEnter, MULTILINE_HINT } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schema = z.object({
  items: z
    .string()
    .refine((text) => lines(text).length > 0, 'Ghi ít nhất một giấy tờ cần bổ sung.')
    .refine((text) => lines(text).length <= 50, 'Tối đa 50 mục.')
    .refine((text) => lines(text).every((line) => line.length <= 500), 'Mỗi mục tối đa 500 ký tự.')
    .superRefine((text, ctx) => {
      const item = payloadSchemas.SUPPLEMENT_REQUESTED.shape.items.element;
      const problem = lines(text).map((line) => eventTextProblem(item, line)).find((found) => found !== null);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  reason: z.string().trim().min(1, 'Cần ghi lý do yêu cầu bổ sung.').max(2000, 'Lý do dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.SUPPLEMENT_REQUESTED.shape.reason)),
});

/** Mẫu 02: what must be supplemented and why; the deadline clock pauses. */
export function SupplementRequestForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { items: '', reason: '' } });
  const submit = form.handleSubmit(async ({ items, reason }) => {
    setFailure(null);
    try {
      await record('SUPPLEMENT_REQUESTED', dossier.code, { items: lines(items), reason });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <FormField id="items" label="Giấy tờ cần bổ sung, hoàn thiện (mỗi dòng một mục)" error={errors.items?.message} hint={MULTILINE_HINT}>
        <textarea id="items" rows={4} autoFocus {...form.register('items')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      <FormField id="reason" label="Lý do" error={errors.reason?.message} hint={MULTILINE_HINT}>
        <textarea id="reason" rows={2} {...form.register('reason')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      {dossier.supplementRequestCount > 0 && (
        <Notice tone="warning" testId="second-supplement-warning">
          {secondRequestWarning(dossier.supplementRequestCount)}
        </Notice>
      )}
      <Notice tone="info">Thời hạn giải quyết tạm dừng từ lúc yêu cầu bổ sung đến khi nhận đủ hồ sơ bổ sung.</Notice>
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel="Ghi và in phiếu yêu cầu bổ sung" busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
