type EditableField = HTMLInputElement | HTMLTextAreaElement;

/** What a field held before a scanner started typing into it. */
export interface FieldSnapshot {
  field: EditableField;
  value: string;
}

/** The field a key went to and its value before that key, or null when no text field has the focus. */
export function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? { field: target, value: target.value } : null;
}

/** Puts a field back as it was, in a way React and react-hook-form notice (they track the native setter). */
export function restoreField({ field, value }: FieldSnapshot): void {
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Inputs whose keys type no text (a checkbox toggles on Space, a button clicks). */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether keys sent to `target` type text somewhere: a text field, a text area or editable content. */
export function isEditable(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) return !target.readOnly && !target.disabled && !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

