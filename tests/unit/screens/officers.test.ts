import { describe, expect, it } from 'vitest';
import type { OfficerProfile } from '../../../src/auth/officer.ts';
import { officerFormSchema } from '../../../renderer/screens/settings/officer-form.ts';
import { deactivationBlocker } from '../../../renderer/screens/settings/officer-rules.ts';

const valid = { fullName: '  nguyễn  văn   thụ ', username: 'ThuLy.01', role: 'processing', password: 'Mật-khẩu-456', passwordAgain: 'Mật-khẩu-456' };

function messagesOf(input: unknown): Record<string, string | undefined> {
  const result = officerFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('add-officer form', () => {
  it('normalises the name and the username', () => {
    expect(officerFormSchema.parse(valid)).toMatchObject({ fullName: 'Nguyễn Văn Thụ', username: 'thuly.01', role: 'processing' });
  });

  it('explains each wrong field in Vietnamese', () => {
    const messages = messagesOf({ ...valid, fullName: ' ', username: 'a b', password: 'ngan', passwordAgain: 'khac' });
    expect(messages.username).toContain('Tên đăng nhập gồm 3–40 ký tự');
    expect(messages.password).toBe('Mật khẩu phải có ít nhất 8 ký tự');
    expect(messages.fullName).toBeTruthy();
    expect(messagesOf({ ...valid, passwordAgain: 'Mật-khẩu-457' }).passwordAgain).toBe('Hai lần nhập mật khẩu không khớp');
    expect(messagesOf({ ...valid, role: 'director' }).role).toBeTruthy();
  });
});

describe('stopping an officer account', () => {
  const officer = (id: string, role: OfficerProfile['role'], active = true): OfficerProfile => ({ id, unitId: '000.00.12.H23', fullName: id, username: id, role, active });
  const admin = officer('admin-1', 'admin');
  const clerk = officer('clerk-1', 'reception');

  it('lets an administrator stop another officer or administrator', () => {
    const other = officer('admin-2', 'admin');
    expect(deactivationBlocker([admin, other, clerk], clerk, admin)).toBeNull();
    expect(deactivationBlocker([admin, other, clerk], other, admin)).toBeNull();
  });

  it('never stops the logged-in officer or the last active administrator', () => {
    expect(deactivationBlocker([admin, clerk], admin, admin)).toContain('đang đăng nhập');
    const lone = officer('admin-3', 'admin');
    expect(deactivationBlocker([lone, officer('admin-4', 'admin', false)], lone, clerk)).toContain('ít nhất một quản trị viên');
  });
});
