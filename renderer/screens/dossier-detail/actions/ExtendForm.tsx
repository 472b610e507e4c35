import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { formatDate, formatTime, localDateOf } from '../../../../src/time/vn-time.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { useDesk } from '../../../app/desk-context.tsx';
import { formatInstant } from '../../../components/format.ts';
import { Notice } from '../../../components/Notice.tsx';
import { extensionDue } from '../action-rules.ts';
import { FormButtons, FormField, submitOnCtrlEnter, MULTILINE_HINT } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schema = z.object({
  reason: z.string().trim().min(1, 'Ghi rõ lý do chậm trả kết quả.').max(2000, 'Lý do dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.EXTENDED.shape.reason)),
  responsibleUnit: z
    .string()
    .trim()
    .min(1, 'Ghi đơn vị chịu trách nhiệm.')
    .max(200, 'Tên đơn vị dài quá 200 ký tự.')
    .superRefine(sameTextRuleAs(payloadSchemas.EXTENDED.shape.responsibleUnit)),
  date: z.string(),
  time: z.string(),
});

/** Mẫu 05: apology and a new appointment, validated against the working calendar. */
export function ExtendForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const desk = useDesk();
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const dueMs = Date.parse(dossier.dueAt);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { reason: '', responsibleUnit: desk.identity.unitName, date: '', time: Number.isNaN(dueMs) ? '16:00' : formatTime(dueMs) },
  });
  const submit = form.handleSubmit(async ({ reason, responsibleUnit, date, time }) => {
    setFailure(null);
    const newDue = extensionDue(desk.calendar, dossier.dueAt, date, time, localDateOf(desk.now()));
    if (!newDue.ok) {
      form.setError('date', { message: newDue.error.message });
      return;
    }
    try {
      await record('EXTENDED', dossier.code, { reason, responsibleUnit, newDueAt: newDue.value });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <p className="form-lead">
        Hạn trả hiện tại: <b>{formatInstant(dossier.dueAt)}</b>
      </p>
      <div className="form-inline">
        <FormField id="new-date" label="Ngày hẹn trả mới (dd/MM/yyyy)" error={errors.date?.message}>
          <input id="new-date" autoFocus placeholder={Number.isNaN(dueMs) ? 'dd/MM/yyyy' : formatDate(dueMs)} autoComplete="off" {...form.register('date')} />
        </FormField>
        <FormField id="new-time" label="Giờ (HH:mm)">
          <input id="new-time" autoComplete="off" {...form.register('time')} />
        </FormField>
      </div>
      <FormField id="ext-reason" label="Lý do chậm trả kết quả" error={errors.reason?.message} hint={MULTILINE_HINT}>
        <textarea id="ext-reason" rows={2} {...form.register('reason')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      <FormField id="ext-unit" label="Đơn vị, bộ phận chịu trách nhiệm" error={errors.responsibleUnit?.message}>
        <input id="ext-unit" {...form.register('responsibleUnit')} />
      </FormField>
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel="Ghi và in phiếu xin lỗi" busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
