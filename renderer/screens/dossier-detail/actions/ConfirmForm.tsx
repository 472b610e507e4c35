import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Notice } from '../../../components/Notice.tsx';
import { FormButtons } from './FormField.tsx';
import { failureText } from './use-record-event.ts';

/** A one-keystroke confirmation: the button has focus, Enter records. */
export function ConfirmForm({ children, submitLabel, onConfirm, onCancel, disabled, hasFields }: { children: ReactNode; submitLabel: string; onConfirm: () => Promise<void>; onCancel: () => void; disabled?: boolean; hasFields?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!hasFields) formRef.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, [hasFields]);
  return (
    <form
      className="form-grid confirm-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || disabled) return;
        setBusy(true);
        setFailure(null);
        onConfirm()
          .catch((error: unknown) => setFailure(failureText(error)))
          .finally(() => setBusy(false));
      }}
      ref={formRef}
    >
      {children}
      {failure && <Notice tone="error">{failure}</Notice>}
      <FormButtons submitLabel={submitLabel} busy={busy || Boolean(disabled)} onCancel={onCancel} focusSubmit={!hasFields} />
    </form>
  );
}
