import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons, FormField } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, 'Nhập họ tên người nhận kết quả.')
    .max(200, 'Họ tên dài quá 200 ký tự.')
    .superRefine(sameTextRuleAs(payloadSchemas.RETURNED.shape.collectedBy.shape.fullName)),
  citizenId: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{12}$/.test(v), 'Số định danh cá nhân gồm đúng 12 chữ số.'),
  note: z.string().trim().max(2000, 'Ghi chú dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.RETURNED.shape.note)),
});

/**
 * Hands the result over. The collector defaults to the applicant, and the confirm button has
 * focus, so the usual case is one Enter; someone else collecting is typed over the defaults.
 */
export function ReturnForm({ dossier, personal, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { fullName: dossier.applicantName, citizenId: personal.applicant.citizenId ?? '', note: '' },
  });
  useEffect(() => {
    confirmRef.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, []);

  const submit = form.handleSubmit(async ({ fullName, citizenId, note }) => {
    setFailure(null);
    try {
      await record('RETURNED', dossier.code, {
        collectedBy: { fullName, ...(citizenId ? { citizenId } : {}) },
        ...(note ? { note } : {}),
      });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Trả kết quả">
      <div className="form-inline">
        <FormField id="collector-name" label="Người nhận kết quả" error={errors.fullName?.message}>
          <input id="collector-name" autoComplete="off" {...form.register('fullName')} />
        </FormField>
        <FormField id="collector-id" label="Số định danh người nhận" error={errors.citizenId?.message}>
          <input id="collector-id" inputMode="numeric" autoComplete="off" {...form.register('citizenId')} />
        </FormField>
      </div>
      <FormField id="return-note" label="Ghi chú (không bắt buộc)" error={errors.note?.message}>
        <input id="return-note" autoComplete="off" {...form.register('note')} />
      </FormField>
      {failure && <Notice tone="error">{failure}</Notice>}
      <div ref={confirmRef}>
        <FormButtons submitLabel="Xác nhận trả kết quả" busy={form.formState.isSubmitting} onCancel={onCancel} focusSubmit />
      </div>
    </form>
  );
}
