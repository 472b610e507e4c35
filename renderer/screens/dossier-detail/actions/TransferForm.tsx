import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isAgencyId } from '../../../../src/dossier/dossier-code.ts';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { applyTransition } from '../../../../src/dossier/state-machine.ts';
import { DossierStatus } from '../../../../src/dossier/status.ts';
import { officerRoleLabels } from '../../../../src/auth/officer.ts';
import { compareVietnamese } from '../../../../src/people/vietnamese-collator.ts';
import { useDesk } from '../../../app/desk-context.tsx';
import { usePlaceNames } from '../../../components/use-place-names.ts';
import { sameTextRuleAs } from '../../../components/event-text-rule.ts';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons, FormField, submitOnCtrlEnter, MULTILINE_HINT } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { failureText, useRecordEvent } from './use-record-event.ts';

const schema = z.object({
  toUnitId: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isAgencyId, 'Mã đơn vị nhận không đúng dạng (ví dụ: 000.00.12.H23).'),
  toOfficerId: z.string(),
  note: z.string().trim().max(2000, 'Ghi chú dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.TRANSFERRED.shape.note)),
});

/** The picker's entry that reveals the id field, for a unit the desk has no name for yet. */
const OTHER_UNIT = '';

/**
 * Hands the dossier to a unit, optionally to a named processing officer of this unit. A resolved
 * dossier goes back to its receiving unit (the result handed back for return), and nowhere else.
 * Units are picked by name from the province's list the desk holds; one not on it yet is typed
 * by its id.
 */
export function TransferForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const desk = useDesk();
  const record = useRecordEvent();
  const [failure, setFailure] = useState<string | null>(null);
  const handBack = dossier.status === DossierStatus.Resolved;
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { toUnitId: handBack ? dossier.receivingUnitId : desk.identity.agencyId, toOfficerId: '', note: '' },
  });
  const places = usePlaceNames(desk.store, desk.identity);
  const unit = useWatch({ control: form.control, name: 'toUnitId' });
  const typedUnit = unit.trim().toUpperCase();
  const ownUnit = typedUnit === desk.identity.agencyId;
  const listed = places?.units.some((u) => u.id === typedUnit) ?? false;
  const [typing, setTyping] = useState(false);
  const showIdField = typing || (places !== null && !listed);
  const named = places && typedUnit !== '' ? places.unitText(typedUnit) : '';
  const hint = handBack
    ? `Kết quả được chuyển trả về đơn vị tiếp nhận (${places?.unitText(dossier.receivingUnitId) ?? dossier.receivingUnitId}) để trả cho công dân.`
    : ownUnit
      ? `Đơn vị này: ${desk.identity.unitName}`
      : `${named ? `${named}: ` : ''}hồ sơ sẽ do đơn vị đó nhận xử lý. Sau khi chuyển, đơn vị này không ghi thao tác hay in phiếu cho hồ sơ nữa: in phiếu kiểm soát trước khi chuyển.`;
  const candidates = desk.officers
    .filter((o) => o.active && o.id !== dossier.holderOfficerId && o.unitId === desk.identity.agencyId)
    .sort((a, b) => compareVietnamese(a.fullName, b.fullName));

  const submit = form.handleSubmit(async ({ toUnitId, toOfficerId, note }) => {
    setFailure(null);
    // The state machine's own rule (holder, hand-back destination), before anything is stored.
    const legal = applyTransition(
      dossier.status,
      { type: 'TRANSFERRED', unitId: desk.identity.agencyId, toUnitId },
      { handoverPending: dossier.handoverPending, holderUnitId: dossier.holderUnitId, receivingUnitId: dossier.receivingUnitId },
    );
    if (!legal.ok) {
      form.setError('toUnitId', { message: legal.error.message });
      return;
    }
    try {
      await record('TRANSFERRED', dossier.code, {
        toUnitId,
        ...(ownUnit && toOfficerId ? { toOfficerId } : {}),
        ...(note ? { note } : {}),
      });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      {places && (
        <FormField id="toUnitChoice" label="Chuyển đến đơn vị" error={showIdField ? undefined : errors.toUnitId?.message} hint={showIdField ? undefined : hint}>
          <select
            id="toUnitChoice"
            value={showIdField ? OTHER_UNIT : typedUnit}
            onChange={(event) => {
              const chosen = event.target.value;
              setTyping(chosen === OTHER_UNIT);
              form.setValue('toUnitId', chosen, { shouldValidate: form.formState.isSubmitted });
            }}
          >
            {places.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.id})
              </option>
            ))}
            <option value={OTHER_UNIT}>Đơn vị khác, chưa có trong danh mục (nhập mã định danh)…</option>
          </select>
        </FormField>
      )}
      {showIdField && (
        <FormField id="toUnitId" label="Mã định danh đơn vị nhận" error={errors.toUnitId?.message} hint={hint}>
          <input id="toUnitId" {...form.register('toUnitId')} placeholder="000.00.12.H23" />
        </FormField>
      )}
      {ownUnit && (
        <FormField id="toOfficerId" label="Cán bộ thụ lý">
          <select id="toOfficerId" data-autofocus {...form.register('toOfficerId')}>
            <option value="">— Chuyển cho đơn vị, chưa chỉ định cán bộ —</option>
            {candidates.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullName} – {officerRoleLabels[o.role]}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField id="note" label="Ghi chú bàn giao (không bắt buộc)" error={errors.note?.message} hint={MULTILINE_HINT}>
        <textarea id="note" rows={2} {...form.register('note')} onKeyDown={submitOnCtrlEnter} />
      </FormField>
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel="Chuyển hồ sơ" busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
