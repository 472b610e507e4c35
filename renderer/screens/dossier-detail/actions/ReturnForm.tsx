import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { EventOf } from '../../../../src/dossier/events.ts';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { collectorRelationLabels, collectorRelations } from '../../../../src/dossier/parties.ts';
import type { CollectorRelation } from '../../../../src/dossier/parties.ts';
import { parseCitizenId } from '../../../../src/people/citizen-id.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons, FormField } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schema = z
  .object({
    relation: z.enum(collectorRelations),
    fullName: z
      .string()
      .trim()
      .min(1, 'Nhập họ tên người nhận kết quả.')
      .max(200, 'Họ tên dài quá 200 ký tự.')
      .superRefine(sameTextRuleAs(payloadSchemas.RETURNED.shape.collectedBy.shape.fullName)),
    citizenId: z.string().transform((v) => v.replace(/\s+/g, '')),
    note: z.string().trim().max(2000, 'Ghi chú dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.RETURNED.shape.note)),
  })
  .superRefine((values, ctx) => {
    if (values.citizenId === '') {
      if (values.relation !== 'applicant') {
        ctx.addIssue({ code: 'custom', path: ['citizenId'], message: 'Người nhận không phải người nộp hồ sơ: nhập số định danh cá nhân (CCCD) của người nhận.' });
      }
      return;
    }
    const id = parseCitizenId(values.citizenId);
    if (!id.ok) ctx.addIssue({ code: 'custom', path: ['citizenId'], message: id.error.message });
  });

type Values = z.input<typeof schema>;

/**
 * Hands the result over and records who collected it: the applicant, the person they authorised
 * at reception, or another person (name and citizen ID required, checked like any citizen ID).
 * The collector defaults to the applicant (an organisation: its authorised person, else someone
 * to type), and the confirm button has focus, so the usual case is one Enter.
 */
export function ReturnForm({ dossier, personal, events, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const received = events.find((e): e is EventOf<'RECEIVED'> => e.type === 'RECEIVED' && e.dossierCode === dossier.code);
  const representative = received?.payload.representative;
  const isOrganisation = received?.payload.applicant.organisation !== undefined;
  const offered = collectorRelations.filter((relation) => (relation === 'applicant' ? !isOrganisation : relation === 'representative' ? representative !== undefined : true));
  const defaultsFor = (relation: CollectorRelation): Pick<Values, 'fullName' | 'citizenId'> =>
    relation === 'applicant'
      ? { fullName: dossier.applicantName, citizenId: personal.applicant.citizenId ?? '' }
      : relation === 'representative' && representative
        ? { fullName: representative.fullName, citizenId: representative.citizenId }
        : { fullName: '', citizenId: '' };
  const initial = offered[0] ?? 'other';
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { relation: initial, ...defaultsFor(initial), note: '' },
  });
  const relation = useWatch({ control: form.control, name: 'relation' });
  useEffect(() => {
    if (initial === 'other') form.setFocus('fullName');
    else confirmRef.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
    // Only at opening: later the officer's own focus wins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (next: CollectorRelation) => {
    const defaults = defaultsFor(next);
    form.setValue('relation', next);
    form.setValue('fullName', defaults.fullName);
    form.setValue('citizenId', defaults.citizenId);
    form.clearErrors();
    if (next === 'other') window.setTimeout(() => form.setFocus('fullName'), 0);
  };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { relation: chosen, fullName, citizenId, note } = schema.parse(values);
    try {
      await record('RETURNED', dossier.code, {
        collectedBy: { fullName, ...(citizenId ? { citizenId } : {}), relation: chosen },
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
      <fieldset className="collector-choice" data-testid="collector-choice">
        <legend>Ai nhận kết quả</legend>
        {offered.map((option) => (
          <label key={option}>
            <input type="radio" name="collector-relation" value={option} checked={relation === option} onChange={() => choose(option)} /> {collectorRelationLabels[option]}
            {option === 'representative' && representative ? ` (${representative.fullName})` : ''}
          </label>
        ))}
      </fieldset>
      <div className="form-inline">
        <FormField id="collector-name" label="Người nhận kết quả" error={errors.fullName?.message}>
          <input id="collector-name" autoComplete="off" {...form.register('fullName')} />
        </FormField>
        <FormField
          id="collector-id"
          label={relation === 'applicant' ? 'Số định danh người nhận' : 'Số định danh người nhận (bắt buộc)'}
          error={errors.citizenId?.message}
        >
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
