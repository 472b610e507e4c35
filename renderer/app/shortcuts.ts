import { formNumberLabel } from '../../src/print/forms/form-numbers.ts';
import type { TrackingAction } from '../screens/dossier-detail/role-actions.ts';

/**
 * Every keyboard shortcut of the desk, in one table: the help overlay (F1) lists it, and the
 * dossier detail reads its action keys from it. A key means one thing wherever it is pressed:
 * Alt+G always asks "Hoàn thành giải quyết", whatever the dossier's status (an unavailable action
 * says why instead of doing anything else).
 *
 * Alt+letter is matched on the physical key (`KeyboardEvent.code`), so a Vietnamese input method
 * or a keyboard layout cannot change its meaning. Alt+D, Alt+E and Alt+F are left to the browser
 * (address bar, menu) where the desk runs in one.
 */

export type ShortcutScope = 'global' | 'detail' | 'receive' | 'print' | 'form';

export const shortcutScopeLabels: Readonly<Record<ShortcutScope, string>> = {
  global: 'Mọi màn hình',
  detail: 'Chi tiết hồ sơ',
  receive: 'Tiếp nhận hồ sơ',
  print: 'Hộp thoại in',
  form: 'Biểu mẫu và hộp thoại',
};

/** The dossier detail's print buttons, keyed like the actions. */
export type DetailPrint = 'PRINT_PROCESS_CONTROL' | 'PRINT_RECEIPT';
export type DetailCommand = TrackingAction | DetailPrint;

export interface Shortcut {
  /** What the key does, as the help overlay says it. */
  label: string;
  /** The keys as shown on buttons and in the help ("Alt+C"). */
  keys: string;
  scope: ShortcutScope;
}

/** A detail command's key: Alt + one letter, matched on `KeyboardEvent.code`. */
export interface CommandKey extends Shortcut {
  scope: 'detail';
  command: DetailCommand;
  code: `Key${string}`;
}

const altKey = (command: DetailCommand, letter: string, label: string): CommandKey => ({
  command,
  code: `Key${letter}`,
  keys: `Alt+${letter}`,
  label,
  scope: 'detail',
});

/** The dossier detail's commands, in the order of the action bar. */
export const DETAIL_COMMAND_KEYS: readonly CommandKey[] = [
  altKey('ACCEPTED', 'N', 'Nhận xử lý hồ sơ'),
  altKey('TRANSFERRED', 'C', 'Chuyển hồ sơ (hồ sơ đã giải quyết: chuyển trả kết quả về đơn vị tiếp nhận)'),
  altKey('SUPPLEMENT_REQUESTED', 'B', 'Yêu cầu bổ sung hồ sơ'),
  altKey('SUPPLEMENT_RECEIVED', 'S', 'Nhận hồ sơ bổ sung'),
  altKey('FINANCIAL_OBLIGATION_REQUESTED', 'V', 'Yêu cầu thực hiện nghĩa vụ tài chính'),
  altKey('FINANCIAL_OBLIGATION_FULFILLED', 'P', 'Ghi nhận đã thực hiện nghĩa vụ tài chính'),
  altKey('RESOLVED', 'G', 'Hoàn thành giải quyết'),
  altKey('RETURNED', 'T', 'Trả kết quả'),
  altKey('EXTENDED', 'H', 'Xin lỗi và hẹn lại ngày trả'),
  altKey('REFUSED', 'U', 'Từ chối giải quyết'),
  altKey('WITHDRAWN', 'R', 'Rút hồ sơ theo yêu cầu'),
  altKey('STOPPED', 'L', 'Dừng giải quyết'),
  altKey('PRINT_PROCESS_CONTROL', 'K', 'In phiếu kiểm soát quá trình'),
  altKey('PRINT_RECEIPT', 'I', 'In lại giấy biên nhận'),
];

const byCommand = new Map(DETAIL_COMMAND_KEYS.map((key) => [key.command, key]));
const byCode = new Map(DETAIL_COMMAND_KEYS.map((key) => [key.code, key]));

/** The key of a detail command (every command has one; the unit tests hold the table to it). */
export function keyOfCommand(command: DetailCommand): CommandKey {
  const key = byCommand.get(command);
  if (!key) throw new Error(`No shortcut for ${command}`);
  return key;
}

/** The detail command a key press asks for: Alt + letter, no other modifier; null otherwise. */
export function commandOfKey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): DetailCommand | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return byCode.get(event.code as `Key${string}`)?.command ?? null;
}

/** Opens the help overlay: F1 anywhere, "?" outside a text field. */
export const HELP_KEYS: Shortcut = { keys: 'F1 hoặc ?', label: 'Xem danh sách phím tắt', scope: 'global' };
/** Opens the day-end sync of an enrolled desk. */
export const DAY_END_KEYS: Shortcut = { keys: 'Ctrl+Shift+S', label: 'Đồng bộ cuối ngày (quầy đã kết nối máy chủ tỉnh)', scope: 'global' };

/** Keys handled where they are used (receive screen, print dialog, forms), listed for the help. */
const OTHER_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'F2', label: 'Tìm thủ tục hành chính', scope: 'receive' },
  { keys: 'F3', label: 'Nhập người nộp hồ sơ', scope: 'receive' },
  { keys: 'Alt+1 … Alt+6', label: 'Chọn thủ tục gần đây', scope: 'receive' },
  { keys: 'Enter', label: 'Lưu và in giấy biên nhận', scope: 'receive' },
  { keys: 'Alt+B', label: `Hướng dẫn bổ sung tại quầy (không tiếp nhận, in ${formNumberLabel('supplement-request')})`, scope: 'receive' },
  { keys: 'Alt+U', label: `Từ chối tiếp nhận tại quầy (in ${formNumberLabel('refusal')})`, scope: 'receive' },
  { keys: 'Ctrl+P', label: 'In', scope: 'print' },
  { keys: 'Ctrl+B', label: 'In biên nhận trên máy in nhiệt 80 mm', scope: 'print' },
  { keys: '4 / 5', label: 'Chọn khổ giấy A4 / A5', scope: 'print' },
  { keys: 'Enter', label: 'Ghi (trong ô nhiều dòng: xuống dòng)', scope: 'form' },
  { keys: 'Ctrl+Enter', label: 'Ghi từ ô nhiều dòng (lý do, ghi chú)', scope: 'form' },
  { keys: 'Esc', label: 'Đóng hộp thoại, huỷ', scope: 'form' },
];

/** Every shortcut of the desk, grouped by where it works, for the help overlay. */
export const ALL_SHORTCUTS: readonly Shortcut[] = [HELP_KEYS, DAY_END_KEYS, ...DETAIL_COMMAND_KEYS, ...OTHER_SHORTCUTS];

/** Whether a key press happens while typing (a "?" there is text, not a request for help). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  if (element.tagName !== 'INPUT') return false;
  const type = (element as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** Whether a key press asks for the help overlay. */
export function isHelpKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  if (event.key === 'F1') return true;
  return event.key === '?' && !isTyping(event.target);
}
