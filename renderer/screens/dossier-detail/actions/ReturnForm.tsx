import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { EventOf } from '../../../../src/dossier/events.ts';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { collectorRelationLabels, collectorRelations } from '../../../../src/dossier/parties.ts';
import type { CollectorRelation } from '../../../../src/dossier/parties.ts';
import { parseCitizenId } from '../../../../src/people/citizen-id.ts';
import { isHandedOver } from '../../../../src/dossier/linked-group.ts';
import { useDesk } from '../../../app/desk-context.tsx';
import { useGroupMembers } from '../../../components/use-group-members.ts';
import { actionsFor } from '../role-actions.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import type { DeskStore } from '../../../store/index.ts';
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
 * The components of the dossier's linked group the citizen will still not have once `batch` is
 * handed over (read as the return is recorded): non-empty means a partial return.
 */
async function pendingComponents(store: DeskStore, dossier: ActionFormProps['dossier'], batch: readonly string[]): Promise<string[]> {
  const others = (dossier.group?.members ?? []).map((m) => m.dossierCode).filter((code) => !batch.includes(code));
  if (others.length === 0) return [];
  const known = new Map((await store.dossiers.byCodes(others)).map((member) => [member.code, member]));
  return others.filter((code) => !isHandedOver(known.get(code)));
}

/**
 * Hands the result over and records who collected it: the applicant, the person they authorised
 * at reception, or another person (name and citizen ID required, checked like any citizen ID).
 * The collector defaults to the applicant (an organisation: its authorised person, else someone
 * to type), and the confirm button has focus, so the usual case is one Enter. A component of a
 * linked group is returned together with the group's other results ready here unless the
 * officer unticks them; what is still to come is recorded on each return (a partial return).
 */
export function ReturnForm({ dossier, personal, events, onDone, onCancel, onReturned }: ActionFormProps & { onReturned?: (codes: readonly string[]) => void }) {
  const desk = useDesk();
  const record = useRecordEvent();
  const members = useGroupMembers(desk.store, dossier);
  const readyWithIt = (dossier.group?.members ?? []).flatMap((m) => {
    const member = members.get(m.dossierCode);
    return m.dossierCode !== dossier.code && member && actionsFor(desk.officer.role, member, desk.identity.agencyId).includes('RETURNED') ? [member] : [];
  });
  const [withGroup, setWithGroup] = useState(true);
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
    const batch = [dossier.code, ...(withGroup ? readyWithIt.map((m) => m.code) : [])];
    const returned: string[] = [];
    try {
      const groupPending = await pendingComponents(desk.store, dossier, batch);
      for (const code of batch) {
        await record('RETURNED', code, {
          collectedBy: { fullName, ...(citizenId ? { citizenId } : {}), relation: chosen },
          ...(note ? { note } : {}),
          ...(groupPending.length > 0 ? { groupPending } : {}),
        });
        returned.push(code);
      }
      onReturned?.(returned);
      onDone();
    } catch (error) {
      // Each component's return is its own fact: the ones recorded stay, and the officer is told which.
      setFailure(returned.length > 0 ? `Đã trả ${returned.join(', ')}; chưa trả được ${batch.slice(returned.length).join(', ')}: ${failureText(error)}` : failureText(error));
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
      {readyWithIt.length > 0 && (
        <label className="group-return-together" data-testid="return-with-group">
          <input type="checkbox" checked={withGroup} onChange={(e) => setWithGroup(e.target.checked)} /> Trả cùng lúc {readyWithIt.length} thủ tục liên
          thông khác đã có kết quả tại đây: {readyWithIt.map((m) => `${m.procedureName} (${m.code})`).join('; ')}
        </label>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      <div ref={confirmRef}>
        <FormButtons submitLabel="Xác nhận trả kết quả" busy={form.formState.isSubmitting} onCancel={onCancel} focusSubmit />
      </div>
    </form>
  );
}
