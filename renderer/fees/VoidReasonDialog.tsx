import { useState } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { FormButtons, FormField } from '../screens/dossier-detail/actions/FormField.tsx';

interface VoidReasonDialogProps {
  title: string;
  /** Prefix of the field's id and of the error's test id. */
  idPrefix: string;
  reasonLabel: string;
  submitLabel: string;
  /** Said when the reason is left empty. */
  missingReason: string;
  /** Said when the void fails without a message of its own. */
  fallbackFailure: string;
  onVoid: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks why a fee receipt or a reserved number is voided, then voids it: nothing is voided without a reason. */
export function VoidReasonDialog({ title, idPrefix, reasonLabel, submitLabel, missingReason, fallbackFailure, onVoid, onCancel }: VoidReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setFailure(missingReason);
      return;
    }
    setBusy(true);
    try {
      await onVoid(reason);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : fallbackFailure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onCancel}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <FormField id={`${idPrefix}-reason`} label={reasonLabel}>
          <textarea id={`${idPrefix}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </FormField>
        {failure && <Notice tone="error" testId={`${idPrefix}-error`}>{failure}</Notice>}
        <FormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} danger />
      </form>
    </Dialog>
  );
}
