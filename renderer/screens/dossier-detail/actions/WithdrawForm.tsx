import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { parseTypedDate } from '../../../../src/time/date-rule.ts';
import { formatDate, localDateOf } from '../../../../src/time/vn-time.ts';
import { useDesk } from '../../../app/desk-context.tsx';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons, FormField, MULTILINE_HINT, submitOnCtrlEnter } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const request = payloadSchemas.WITHDRAWN.shape.request.unwrap().shape;

const schema = z.object({
  reason: z.string().trim().min(1, 'Cần ghi rõ lý do.').max(2000, 'Lý do dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.WITHDRAWN.shape.reason)),
  fullName: z.string().trim().min(1, 'Nhập họ tên người đề nghị rút hồ sơ.').max(200, 'Họ tên dài quá 200 ký tự.').superRefine(sameTextRuleAs(request.fullName)),
  citizenId: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{12}$/.test(v), 'Số định danh cá nhân gồm đúng 12 chữ số.'),
  date: z.string(),
  paper: z.string().trim().min(1, 'Ghi giấy tờ đề nghị (đơn đề nghị rút hồ sơ).').max(300, 'Dài quá 300 ký tự.').superRefine(sameTextRuleAs(request.paper)),
});

/**
 * Status 7: the citizen asks in writing to withdraw the dossier. Who asked, on which date and the
 * paper are recorded beside the reason; the requester defaults to the applicant.
 */
export function WithdrawForm({ dossier, personal, onDone, onCancel }: ActionFormProps) {
  const desk = useDesk();
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: {
      reason: '',
      fullName: dossier.applicantName,
      citizenId: personal.applicant.citizenId ?? '',
      date: formatDate(desk.now()),
      paper: 'Đơn đề nghị rút hồ sơ',
    },
  });
  const submit = form.handleSubmit(async ({ reason, fullName, citizenId, date, paper }) => {
    setFailure(null);
    const received = Date.parse(dossier.receivedAt);
    const typed = parseTypedDate(date, {
      label: 'Ngày ghi trên đơn',
      ...(Number.isNaN(received) ? {} : { earliest: { date: localDateOf(received), name: 'ngày tiếp nhận hồ sơ' } }),
      latest: { date: localDateOf(desk.now()), today: true },
    });
    if (!typed.ok) {
      form.setError('date', { message: typed.error.message });
      return;
    }
    try {
      await record('WITHDRAWN', dossier.code, { reason, request: { fullName, ...(citizenId ? { citizenId } : {}), date: typed.value, paper } });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Rút hồ sơ theo yêu cầu">
      <FormField id="reason" label="Lý do công dân rút hồ sơ" error={errors.reason?.message} hint={MULTILINE_HINT}>
        <textarea id="reason" rows={3} autoFocus {...form.register('reason')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      <div className="form-inline">
        <FormField id="withdraw-name" label="Người đề nghị rút hồ sơ" error={errors.fullName?.message}>
          <input id="withdraw-name" autoComplete="off" {...form.register('fullName')} />
        </FormField>
        <FormField id="withdraw-id" label="Số định danh người đề nghị" error={errors.citizenId?.message}>
          <input id="withdraw-id" inputMode="numeric" autoComplete="off" {...form.register('citizenId')} />
        </FormField>
      </div>
      <div className="form-inline">
        <FormField id="withdraw-paper" label="Giấy tờ đề nghị" error={errors.paper?.message}>
          <input id="withdraw-paper" autoComplete="off" {...form.register('paper')} />
        </FormField>
        <FormField id="withdraw-date" label="Ngày ghi trên đơn (dd/MM/yyyy)" error={errors.date?.message}>
          <input id="withdraw-date" autoComplete="off" {...form.register('date')} />
        </FormField>
      </div>
      <Notice tone="info">Giữ đơn đề nghị rút hồ sơ trong hồ sơ lưu. Hồ sơ rút theo yêu cầu được tính là đã giải quyết đúng hạn trong báo cáo.</Notice>
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel="Ghi nhận rút hồ sơ" busy={form.formState.isSubmitting} onCancel={onCancel} danger />
    </form>
  );
}
