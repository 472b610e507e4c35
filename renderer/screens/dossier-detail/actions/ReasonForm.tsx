import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons, FormField, submitOnCtrlEnter, MULTILINE_HINT } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schemaFor = (type: 'REFUSED' | 'WITHDRAWN' | 'STOPPED') =>
  z.object({
    reason: z.string().trim().min(1, 'Cần ghi rõ lý do.').max(2000, 'Lý do dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas[type].shape.reason)),
  });
const schemas = { REFUSED: schemaFor('REFUSED'), WITHDRAWN: schemaFor('WITHDRAWN'), STOPPED: schemaFor('STOPPED') } as const;

const texts = {
  REFUSED: { label: 'Lý do từ chối (ghi cụ thể, sẽ in trên phiếu từ chối)', submit: 'Từ chối hồ sơ' },
  WITHDRAWN: { label: 'Lý do công dân rút hồ sơ', submit: 'Ghi nhận rút hồ sơ' },
  STOPPED: { label: 'Lý do dừng giải quyết (sẽ in trên thông báo)', submit: 'Dừng giải quyết' },
} as const;

/** Refusal, withdrawal and stop: one reason, and the dossier leaves processing. */
export function ReasonForm({ type, dossier, onDone, onCancel }: ActionFormProps & { type: 'REFUSED' | 'WITHDRAWN' | 'STOPPED' }) {
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schemas[type]), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await record(type, dossier.code, { reason });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <FormField id="reason" label={texts[type].label} error={form.formState.errors.reason?.message} hint={MULTILINE_HINT}>
        <textarea id="reason" rows={3} autoFocus {...form.register('reason')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel={texts[type].submit} busy={form.formState.isSubmitting} onCancel={onCancel} danger />
    </form>
  );
}
