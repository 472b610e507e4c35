import { lazy } from 'react';
import type { ComponentType } from 'react';
import { ReceiveScreen } from '../screens/receive/ReceiveScreen.tsx';

/**
 * Screens other than reception load on first use, and in the background once the desk is up
 * (`preloadScreens`): the receive screen is what a cold start waits for, and the rest (reports
 * with charts and Excel, settings, the dossier screen's forms) would only delay it.
 */
const loaders = {
  dossiers: () => import('../screens/dossiers/DossierListScreen.tsx').then((m) => m.DossierListScreen),
  detail: () => import('../screens/dossier-detail/DossierDetailScreen.tsx').then((m) => m.DossierDetailScreen),
  return: () => import('../screens/return/ReturnScreen.tsx').then((m) => m.ReturnScreen),
  alerts: () => import('../screens/alerts/AlertsScreen.tsx').then((m) => m.AlertsScreen),
  reports: () => import('../screens/reports/ReportsScreen.tsx').then((m) => m.ReportsScreen),
  enroll: () => import('../screens/enroll/EnrollScreen.tsx').then((m) => m.EnrollScreen),
  settings: () => import('../screens/settings/SettingsScreen.tsx').then((m) => m.SettingsScreen),
} satisfies Record<string, () => Promise<ComponentType>>;

const lazyScreen = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));

/** Fetches every lazily loaded screen, so that later navigation works offline and at once. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

export const DossierDetailScreen = lazyScreen(loaders.detail);

/** The desk's top-level screens, in the order officers use them. */
export interface Section {
  path: string;
  title: string;
  hint: string;
  screen: ComponentType;
}

export const sections: readonly Section[] = [
  { path: '/', title: 'Tiếp nhận hồ sơ', hint: 'Nhận hồ sơ, in giấy biên nhận và hẹn trả kết quả', screen: ReceiveScreen },
  { path: '/ho-so', title: 'Hồ sơ', hint: 'Tra cứu, lọc và theo dõi hồ sơ', screen: lazyScreen(loaders.dossiers) },
  { path: '/tra-ket-qua', title: 'Trả kết quả', hint: 'Quét mã vạch và trả kết quả cho công dân', screen: lazyScreen(loaders.return) },
  { path: '/canh-bao', title: 'Cảnh báo', hint: 'Hồ sơ sắp đến hạn và quá hạn', screen: lazyScreen(loaders.alerts) },
  { path: '/bao-cao', title: 'Báo cáo', hint: 'Thống kê tình hình giải quyết hồ sơ', screen: lazyScreen(loaders.reports) },
  {
    path: '/ket-noi-may-chu',
    title: 'Kết nối máy chủ',
    hint: 'Kích hoạt quầy với máy chủ tỉnh bằng mã do quản trị viên cấp',
    screen: lazyScreen(loaders.enroll),
  },
  { path: '/cai-dat', title: 'Cài đặt', hint: 'Thông tin đơn vị, giờ làm việc, máy in', screen: lazyScreen(loaders.settings) },
];
