import { useMemo } from 'react';
import { useDesk } from '../../../app/desk-context.tsx';
import { formatInstant, formatWorkingMinutes } from '../../../components/format.ts';
import { Notice } from '../../../components/Notice.tsx';
import { pauseResume, type PausingRequest } from '../action-rules.ts';
import { ConfirmForm } from './ConfirmForm.tsx';
import type { ActionFormProps } from './types.ts';
import { useRecordEvent } from './use-record-event.ts';

interface ResumeFormProps extends ActionFormProps {
  /** The request that paused the clock. */
  pausedBy: PausingRequest;
  /** The event that resumes it. */
  resumeWith: 'SUPPLEMENT_RECEIVED' | 'FINANCIAL_OBLIGATION_FULFILLED';
  submitLabel: string;
  /** "Yêu cầu bổ sung lúc", "Yêu cầu nộp lúc". */
  pausedFromLabel: string;
}

/** The clock resumes after a pause: the paused working time and the new due date, shown then recorded. */
export function ResumeForm({ dossier, events, onDone, onCancel, pausedBy, resumeWith, submitLabel, pausedFromLabel }: ResumeFormProps) {
  const record = useRecordEvent();
  const desk = useDesk();
  const resume = useMemo(() => pauseResume(pausedBy, desk.calendar, dossier, events, desk.now()), [pausedBy, desk, dossier, events]);
  return (
    <ConfirmForm
      submitLabel={submitLabel}
      onCancel={onCancel}
      disabled={!resume.ok}
      onConfirm={async () => {
        if (!resume.ok) return;
        await record(resumeWith, dossier.code, {
          pausedWorkingMinutes: resume.value.pausedWorkingMinutes,
          newDueAt: resume.value.newDueAt,
        });
        onDone();
      }}
    >
      {resume.ok ? (
        <dl className="facts compact">
          <dt>{pausedFromLabel}</dt>
          <dd>{formatInstant(resume.value.pausedFrom)}</dd>
          <dt>Thời gian tạm dừng</dt>
          <dd>{formatWorkingMinutes(resume.value.pausedWorkingMinutes, desk.calendar.minutesPerWorkingDay)} làm việc</dd>
          <dt>Hạn trả cũ</dt>
          <dd>{formatInstant(dossier.dueAt)}</dd>
          <dt>Hạn trả mới</dt>
          <dd data-testid="new-due">
            <b>{formatInstant(resume.value.newDueAt)}</b>
          </dd>
        </dl>
      ) : (
        <Notice tone="error">{resume.error.message}</Notice>
      )}
    </ConfirmForm>
  );
}
