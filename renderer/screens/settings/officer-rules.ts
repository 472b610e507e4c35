import type { OfficerProfile } from '../../../src/auth/officer.ts';

/**
 * Why this officer may not be stopped now, or null when they may. The desk must keep an active
 * administrator (otherwise it falls back to first-run setup), and an officer does not lock
 * themselves out mid-session.
 */
export function deactivationBlocker(officers: readonly OfficerProfile[], target: OfficerProfile, me: OfficerProfile): string | null {
  if (target.id === me.id) return 'Không thể tự ngừng tài khoản đang đăng nhập.';
  const otherAdmins = officers.filter((officer) => officer.role === 'admin' && officer.active && officer.id !== target.id);
  if (target.role === 'admin' && otherAdmins.length === 0) return 'Quầy phải còn ít nhất một quản trị viên đang hoạt động.';
  return null;
}
