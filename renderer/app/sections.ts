/** The desk's top-level screens, in the order officers use them. */
export interface Section {
  path: string;
  title: string;
  hint: string;
}

export const sections: readonly Section[] = [
  { path: '/', title: 'Tiếp nhận hồ sơ', hint: 'Nhận hồ sơ, in giấy biên nhận và hẹn trả kết quả' },
  { path: '/ho-so', title: 'Hồ sơ', hint: 'Tra cứu, lọc và theo dõi hồ sơ' },
  { path: '/tra-ket-qua', title: 'Trả kết quả', hint: 'Quét mã vạch và trả kết quả cho công dân' },
  { path: '/canh-bao', title: 'Cảnh báo', hint: 'Hồ sơ sắp đến hạn và quá hạn' },
  { path: '/bao-cao', title: 'Báo cáo', hint: 'Thống kê tình hình giải quyết hồ sơ' },
  { path: '/cai-dat', title: 'Cài đặt', hint: 'Thông tin đơn vị, giờ làm việc, máy in' },
];
