import { useState } from 'react';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { useDesk } from '../../../app/desk-context.tsx';
import { eventTextProblem } from '../../../components/event-text-rule.ts';
import { formatInstant } from '../../../components/format.ts';
import { ConfirmForm } from './ConfirmForm.tsx';
import { ResumeForm } from './ResumeForm.tsx';
import { FormField, submitOnCtrlEnter, MULTILINE_HINT } from './FormField.tsx';
import type { ActionFormProps } from './types.ts';
import { useRecordEvent } from './use-record-event.ts';

export function AcceptForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const desk = useDesk();
  return (
    <ConfirmForm
      submitLabel="Nhận xử lý"
      onCancel={onCancel}
      onConfirm={async () => {
        await record('ACCEPTED', dossier.code, {});
        onDone();
      }}
    >
      <p>
        Cán bộ <b>{desk.officer.fullName}</b> nhận xử lý hồ sơ <b>{dossier.code}</b>. Hạn trả kết quả: <b>{formatInstant(dossier.dueAt)}</b>.
      </p>
    </ConfirmForm>
  );
}

export function SupplementReceivedForm(props: ActionFormProps) {
  return <ResumeForm {...props} pausedBy="SUPPLEMENT_REQUESTED" resumeWith="SUPPLEMENT_RECEIVED" submitLabel="Ghi nhận đã nhận bổ sung" pausedFromLabel="Yêu cầu bổ sung lúc" />;
}

export function ResolveForm({ dossier, onDone, onCancel }: ActionFormProps) {
  const record = useRecordEvent();
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <ConfirmForm
      submitLabel="Hoàn thành giải quyết"
      onCancel={onCancel}
      hasFields
      onConfirm={async () => {
        const note = summary.trim();
        const refused = note ? eventTextProblem(payloadSchemas.RESOLVED.shape.resultSummary, note) : null;
        setProblem(refused);
        if (refused) return;
        await record('RESOLVED', dossier.code, note ? { resultSummary: note } : {});
        onDone();
      }}
    >
      <FormField id="summary" label="Kết quả giải quyết (không bắt buộc)" error={problem ?? undefined} hint={`Ví dụ: số giấy phép, số trích lục đã cấp. ${MULTILINE_HINT}`}>
        <textarea id="summary" rows={2} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} onKeyDown={submitOnCtrlEnter} aria-invalid={problem ? true : undefined} />
      </FormField>
    </ConfirmForm>
  );
}
