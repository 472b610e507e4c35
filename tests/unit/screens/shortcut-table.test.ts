import { describe, expect, it } from 'vitest';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { ALL_SHORTCUTS, commandOfKey, DETAIL_COMMAND_KEYS, isHelpKey, keyOfCommand } from '../../../renderer/app/shortcuts.ts';
import type { DetailCommand } from '../../../renderer/app/shortcuts.ts';
import { actionsFor, roleActions, TRACKING_ACTIONS, unavailableReason } from '../../../renderer/screens/dossier-detail/role-actions.ts';

const HERE = '000.00.12.H23';
const THERE = '000.00.20.H23';
const ROLES = ['reception', 'processing', 'leader', 'admin'] as const;
const STATUSES = [
  DossierStatus.Received,
  DossierStatus.Refused,
  DossierStatus.InProcessing,
  DossierStatus.SupplementRequested,
  DossierStatus.FinancialObligationPending,
  DossierStatus.Withdrawn,
  DossierStatus.Stopped,
  DossierStatus.Resolved,
  DossierStatus.Returned,
];
const at = (status: DossierStatus, handoverPending = false, holderUnitId = HERE, receivingUnitId = HERE) => ({ status, handoverPending, holderUnitId, receivingUnitId });
const press = (code: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = { altKey: true }) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
  code,
});

describe('the shortcut table', () => {
  it('gives every dossier action and both prints a key of their own', () => {
    const commands: DetailCommand[] = [...TRACKING_ACTIONS, 'PRINT_PROCESS_CONTROL', 'PRINT_RECEIPT'];
    for (const command of commands) expect(keyOfCommand(command).command).toBe(command);
    expect(DETAIL_COMMAND_KEYS.map((k) => k.command).sort()).toEqual([...commands].sort());
  });

  it('never gives two commands the same key, nor a key the browser keeps (Alt+D, Alt+E, Alt+F)', () => {
    const codes = DETAIL_COMMAND_KEYS.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const reserved of ['KeyD', 'KeyE', 'KeyF']) expect(codes).not.toContain(reserved);
    const shown = ALL_SHORTCUTS.filter((s) => s.scope === 'global' || s.scope === 'detail').map((s) => s.keys);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('reads a key press back to the same command, on the physical key, with Alt alone', () => {
    for (const key of DETAIL_COMMAND_KEYS) expect(commandOfKey(press(key.code))).toBe(key.command);
    expect(commandOfKey(press('KeyC'))).toBe('TRANSFERRED');
    expect(commandOfKey(press('KeyG'))).toBe('RESOLVED');
    expect(commandOfKey(press('KeyC', {}))).toBeNull();
    expect(commandOfKey(press('KeyC', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(commandOfKey(press('KeyC', { altKey: true, shiftKey: true }))).toBeNull();
    // The old positional keys mean nothing on the detail any more.
    expect(commandOfKey(press('Digit1'))).toBeNull();
  });

  it('keeps one key per action whatever the status: the key table does not read the dossier', () => {
    // The action bar shows the role's actions in a fixed order, each with its table key, whether
    // available or greyed: the same list in every status.
    for (const role of ROLES) {
      const shown = roleActions(role);
      for (const status of STATUSES) {
        const available = actionsFor(role, at(status), HERE);
        for (const action of available) expect(shown).toContain(action);
        expect(shown.map((a) => keyOfCommand(a).keys)).toEqual(roleActions(role).map((a) => keyOfCommand(a).keys));
      }
    }
    expect(keyOfCommand('TRANSFERRED').keys).toBe('Alt+C');
    expect(keyOfCommand('RESOLVED').keys).toBe('Alt+G');
  });

  it('lists the help key, the day-end sync and the receive screen keys for the help overlay', () => {
    const keys = ALL_SHORTCUTS.map((s) => s.keys);
    expect(keys).toEqual(expect.arrayContaining(['F1 hoặc ?', 'Ctrl+Shift+S', 'F2', 'F3', 'Alt+C', 'Ctrl+P']));
  });

  it('opens the help on F1 anywhere and on "?" only outside a text field', () => {
    const input = { tagName: 'INPUT', type: 'text', isContentEditable: false, closest: () => null };
    const button = { tagName: 'BUTTON', isContentEditable: false, closest: () => null };
    const base = { ctrlKey: false, altKey: false, metaKey: false };
    expect(isHelpKey({ ...base, key: 'F1', target: input as unknown as EventTarget })).toBe(true);
    expect(isHelpKey({ ...base, key: '?', target: button as unknown as EventTarget })).toBe(true);
    expect(isHelpKey({ ...base, key: '?', target: input as unknown as EventTarget })).toBe(false);
    expect(isHelpKey({ ...base, key: '?', target: { ...input, tagName: 'TEXTAREA' } as unknown as EventTarget })).toBe(false);
    expect(isHelpKey({ ...base, key: '?', target: null })).toBe(true);
    expect(isHelpKey({ ...base, ctrlKey: true, key: 'F1', target: null })).toBe(false);
  });
});

describe('why an action is greyed', () => {
  it('is null exactly for the actions on offer', () => {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const handover of [false, true]) {
          const dossier = at(status, handover);
          const offered = actionsFor(role, dossier, HERE);
          for (const action of TRACKING_ACTIONS) expect(unavailableReason(action, role, dossier, HERE) === null).toBe(offered.includes(action));
        }
      }
    }
  });

  it('speaks plainly', () => {
    expect(unavailableReason('RETURNED', 'reception', at(DossierStatus.Received), HERE)).toBe('Hồ sơ chưa giải quyết xong.');
    expect(unavailableReason('RESOLVED', 'admin', at(DossierStatus.Received), HERE)).toBe('Hồ sơ chưa được nhận xử lý.');
    expect(unavailableReason('ACCEPTED', 'admin', at(DossierStatus.InProcessing), HERE)).toBe('Hồ sơ đã được nhận xử lý, không có lần chuyển nào chờ nhận.');
    expect(unavailableReason('TRANSFERRED', 'admin', at(DossierStatus.Returned), HERE)).toBe('Hồ sơ đã kết thúc (Đã trả kết quả).');
    expect(unavailableReason('RESOLVED', 'admin', at(DossierStatus.InProcessing, false, THERE), HERE)).toBe('Chỉ đơn vị đang giữ hồ sơ mới thao tác được.');
    expect(unavailableReason('RESOLVED', 'reception', at(DossierStatus.InProcessing), HERE)).toBe('Cán bộ tiếp nhận không làm thao tác "Hoàn thành giải quyết".');
  });
});
