import type { ReactNode } from 'react';

/** A labelled field with its error, ids wired for screen readers. */
export function FormField({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </div>
  );
}

/** What every multi-line field says about its keys. */
export const MULTILINE_HINT = 'Enter xuống dòng, Ctrl+Enter để ghi.';

/**
 * Ctrl+Enter submits the form of a multi-line field; Enter alone adds a line there, as in any
 * text editor, and never submits half-written text.
 */
export function submitOnCtrlEnter(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

export function FormButtons({ submitLabel, busy, onCancel, danger, focusSubmit }: { submitLabel: string; busy: boolean; onCancel: () => void; danger?: boolean; focusSubmit?: boolean }) {
  return (
    <div className="form-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Huỷ <kbd className="kbd">Esc</kbd>
      </button>
      <button type="submit" className={danger ? 'btn btn-primary btn-danger-solid' : 'btn btn-primary'} disabled={busy} data-autofocus={focusSubmit ? '' : undefined}>
        {busy ? 'Đang ghi…' : submitLabel} <kbd className="kbd">Enter</kbd>
      </button>
    </div>
  );
}
