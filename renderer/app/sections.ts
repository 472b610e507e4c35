import type { ComponentType } from 'react';
import { AlertsScreen } from '../screens/alerts/AlertsScreen.tsx';
import { ConsultationListScreen } from '../screens/consultations/ConsultationListScreen.tsx';
import { EnrollScreen } from '../screens/enroll/EnrollScreen.tsx';
import { DossierListScreen } from '../screens/dossiers/DossierListScreen.tsx';
import { ReceiveScreen } from '../screens/receive/ReceiveScreen.tsx';
import { ReportsScreen } from '../screens/reports/ReportsScreen.tsx';
import { ReturnScreen } from '../screens/return/ReturnScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';

/** The desk's top-level screens, in the order officers use them. */
export interface Section {
  path: string;
  title: string;
  hint: string;
  screen: ComponentType;
}

export const sections: readonly Section[] = [
  { path: '/', title: 'Tiếp nhận hồ sơ', hint: 'Nhận hồ sơ, in giấy biên nhận và hẹn trả kết quả', screen: ReceiveScreen },
  { path: '/ho-so', title: 'Hồ sơ', hint: 'Tra cứu, lọc và theo dõi hồ sơ', screen: DossierListScreen },
  { path: '/tra-ket-qua', title: 'Trả kết quả', hint: 'Quét mã vạch và trả kết quả cho công dân', screen: ReturnScreen },
  { path: '/canh-bao', title: 'Cảnh báo', hint: 'Hồ sơ sắp đến hạn và quá hạn', screen: AlertsScreen },
  { path: '/bao-cao', title: 'Báo cáo', hint: 'Thống kê tình hình giải quyết hồ sơ', screen: ReportsScreen },
  { path: '/huong-dan-tai-quay', title: 'Hướng dẫn tại quầy', hint: 'Công dân được hướng dẫn bổ sung hoặc từ chối tại quầy (không tiếp nhận): tra cứu, in lại phiếu', screen: ConsultationListScreen },
  {
    path: '/ket-noi-may-chu',
    title: 'Kết nối máy chủ',
    hint: 'Kích hoạt quầy với máy chủ tỉnh bằng mã do quản trị viên cấp',
    screen: EnrollScreen,
  },
  { path: '/cai-dat', title: 'Cài đặt', hint: 'Thông tin đơn vị, giờ làm việc, máy in', screen: SettingsScreen },
];
