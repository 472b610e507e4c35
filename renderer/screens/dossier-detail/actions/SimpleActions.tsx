import { useState } from 'react';
import { linkedFieldSpecs, type LinkedFieldKey } from '../../../../src/catalogue/linked-group-schema.ts';
import { payloadSchemas } from '../../../../src/dossier/events.ts';
import { checkLinkedValue, producedBy } from '../../../../src/dossier/linked-group.ts';
import { localDateOf } from '../../../../src/time/vn-time.ts';
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
  const desk = useDesk();
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A linked group's component gives results the others need (the birth registration number…): entered once, here.
  const produces = dossier.group ? producedBy(desk.catalogue.procedures.find((p) => p.code === dossier.group?.procedureCode), dossier.procedureCode) : [];
  const [results, setResults] = useState<Partial<Record<LinkedFieldKey, string>>>({});
  const [resultProblems, setResultProblems] = useState<Partial<Record<LinkedFieldKey, string>>>({});
  return (
    <ConfirmForm
      submitLabel="Hoàn thành giải quyết"
      onCancel={onCancel}
      hasFields
      onConfirm={async () => {
        const note = summary.trim();
        const refused = note ? eventTextProblem(payloadSchemas.RESOLVED.shape.resultSummary, note) : null;
        setProblem(refused);
        const checked: Partial<Record<LinkedFieldKey, string>> = {};
        const problems: Partial<Record<LinkedFieldKey, string>> = {};
        for (const key of produces) {
          const raw = results[key] ?? '';
          if (raw.trim() === '') {
            problems[key] = `Chưa nhập ${linkedFieldSpecs[key].label.toLowerCase()}: các thủ tục khác trong nhóm liên thông cần kết quả này.`;
            continue;
          }
          const value = checkLinkedValue(key, raw, localDateOf(desk.now()));
          if (value.ok) checked[key] = value.value;
          else problems[key] = value.message;
        }
        setResultProblems(problems);
        if (refused || Object.keys(problems).length > 0) return;
        await record('RESOLVED', dossier.code, { ...(note ? { resultSummary: note } : {}), ...(produces.length > 0 ? { results: checked } : {}) });
        onDone();
      }}
    >
      {produces.map((key) => (
        <FormField key={key} id={`result-${key}`} label={linkedFieldSpecs[key].label} error={resultProblems[key]}>
          <input
            id={`result-${key}`}
            value={results[key] ?? ''}
            onChange={(e) => {
              setResults((current) => ({ ...current, [key]: e.target.value }));
              setResultProblems(({ [key]: _stale, ...rest }) => rest);
            }}
            autoComplete="off"
            aria-invalid={resultProblems[key] ? true : undefined}
          />
        </FormField>
      ))}
      <FormField id="summary" label="Kết quả giải quyết (không bắt buộc)" error={problem ?? undefined} hint={`Ví dụ: số giấy phép, số trích lục đã cấp. ${MULTILINE_HINT}`}>
        <textarea id="summary" rows={2} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} onKeyDown={submitOnCtrlEnter} aria-invalid={problem ? true : undefined} />
      </FormField>
    </ConfirmForm>
  );
}
