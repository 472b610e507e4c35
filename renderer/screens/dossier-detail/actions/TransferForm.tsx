import { groupTransferProblem, isGroupTransferTarget, resultsOf, type LinkedData } from '../../../../src/dossier/linked-group.ts';
import type { ProjectedDossier } from '../../../../src/dossier/projection.ts';
import type { DeskStore } from '../../../store/index.ts';
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
import { useProvinceUnits } from '../../../components/use-province-units.ts';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
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
    .refine(isAgencyId, 'Chọn đơn vị nhận trong danh sách (gõ tên đơn vị, ↓ để chọn).'),
  toOfficerId: z.string(),
  note: z.string().trim().max(2000, 'Ghi chú dài quá 2.000 ký tự.').superRefine(sameTextRuleAs(payloadSchemas.TRANSFERRED.shape.note)),
});

/**
 * Hands the dossier to a unit, optionally to a named processing officer of this unit. A resolved
 * dossier goes back to its receiving unit (the result handed back for return), and nowhere else.
 * Units are picked by name from the province's list the desk holds (use-province-units.ts), never
 * typed by id; a desk that has not pulled the list yet says how to get it.
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
  const province = useProvinceUnits(desk.store, { id: desk.identity.agencyId, name: desk.identity.unitName });
  const unit = useWatch({ control: form.control, name: 'toUnitId' });
  const typedUnit = unit.trim().toUpperCase();
  const ownUnit = typedUnit === desk.identity.agencyId;
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
    const target = province?.units.find((u) => u.id === toUnitId) ?? { id: toUnitId, name: places?.unitText(toUnitId) ?? toUnitId };
    // A component that needs another's results (the birth registration number…) takes them along, read from that component here.
    const groupData = await awaitedResults(desk.store, dossier);
    const wrongKind = groupTransferProblem(dossier, target, groupData ?? undefined);
    if (wrongKind) {
      form.setError('toUnitId', { message: wrongKind.message });
      return;
    }
    try {
      await record('TRANSFERRED', dossier.code, {
        toUnitId,
        ...(ownUnit && toOfficerId ? { toOfficerId } : {}),
        ...(note ? { note } : {}),
        ...(groupData && !handBack && Object.keys(groupData).length > 0 ? { groupData } : {}),
      });
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    }
  });
  const errors = form.formState.errors;
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      {handBack ? (
        <FormField id="toUnitFixed" label="Chuyển đến đơn vị" hint={hint}>
          <output id="toUnitFixed" className="fixed-unit" data-unit-id={dossier.receivingUnitId}>
            {places?.unitText(dossier.receivingUnitId) ?? dossier.receivingUnitId}
          </output>
        </FormField>
      ) : (
        province && (
          <FormField id="toUnit" label="Chuyển đến đơn vị" error={errors.toUnitId?.message} hint={hint}>
            <UnitPicker
              id="toUnit"
              units={dossier.group ? province.units.filter((u) => isGroupTransferTarget(dossier, u)) : province.units}
              value={typedUnit}
              invalid={errors.toUnitId !== undefined}
              onChange={(chosen) => form.setValue('toUnitId', chosen, { shouldValidate: form.formState.isSubmitted })}
            />
          </FormField>
        )
      )}
      {province && !province.listed && !handBack && (
        <Notice tone="warning" testId="no-unit-list">
          Quầy chưa có danh sách đơn vị của tỉnh, nên chỉ chuyển được trong đơn vị này. Hãy đồng bộ với máy chủ tỉnh (Đồng bộ cuối ngày, hoặc Kết nối máy chủ nếu quầy chưa kích hoạt) khi có mạng: danh sách được tải về và giữ lại trên máy để dùng cả khi mất mạng.
        </Notice>
      )}
      {ownUnit && !handBack && (
        <FormField id="toOfficerId" label="Cán bộ thụ lý">
          <select id="toOfficerId" {...form.register('toOfficerId')}>
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
      <FormButtons submitLabel="Chuyển hồ sơ" busy={form.formState.isSubmitting} onCancel={onCancel} focusSubmit={handBack} />
    </form>
  );
}

/** The results this component awaits, as the group's other components on this desk recorded them; null when it awaits none. */
async function awaitedResults(store: DeskStore, dossier: ProjectedDossier): Promise<LinkedData | null> {
  const awaits = dossier.group?.awaits ?? [];
  if (awaits.length === 0 || !dossier.group) return null;
  const siblings = dossier.group.members.filter((m) => m.dossierCode !== dossier.code);
  const available = resultsOf((await Promise.all(siblings.map((m) => store.events.forDossier(m.dossierCode)))).flat());
  return Object.fromEntries(awaits.flatMap((key) => (available[key] ? [[key, available[key]]] : []))) as LinkedData;
}
