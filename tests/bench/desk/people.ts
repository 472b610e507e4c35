/**
 * Realistic applicants for the desk benchmark: Vietnamese names with the real skew of surnames
 * (Nguyễn alone is about 38%), so that name searches hit the same crowded index ranges as at a
 * real desk, and valid 12-digit citizen IDs that agree with the birth date and sex.
 */

/** Surname with its approximate share of the population (percent). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5.1], ['Huỳnh', 2], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1],
  ['Lý', 0.5], ['Đinh', 0.8], ['Trịnh', 0.6], ['Đào', 0.6], ['Mai', 0.5], ['Lương', 0.5], ['Cao', 0.4],
  ['Tạ', 0.3], ['Hà', 0.4], ['Lưu', 0.3], ['Chu', 0.3], ['Kiều', 0.2], ['Quách', 0.2], ['Thái', 0.2], ['Lâm', 0.3],
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh', 'Quốc', 'Gia', 'Bảo', 'Trung'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Kim', 'Hồng', 'Bích', 'Mai'];
const MALE_GIVEN = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Long',
  'Lâm', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tú',
  'Tuấn', 'Việt', 'Vinh', 'Vũ',
];
const FEMALE_GIVEN = [
  'An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan',
  'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Tuyết',
  'Uyên', 'Vân', 'Vy', 'Yến',
];
const STREETS = ['Hoàng Hoa Thám', 'Đội Cấn', 'Kim Mã', 'Liễu Giai', 'Văn Cao', 'Ngọc Hà', 'Đào Tấn', 'Nguyễn Thái Học', 'Phan Đình Phùng', 'Quán Thánh'];
const BIRTH_PROVINCES = ['001', '001', '001', '031', '034', '036', '037', '038', '040', '079'];

/** mulberry32: small, fast, and the same dataset on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const surnameTotal = SURNAMES.reduce((sum, [, share]) => sum + share, 0);

function surname(random: Random): string {
  let roll = random() * surnameTotal;
  for (const [name, share] of SURNAMES) {
    roll -= share;
    if (roll < 0) return name;
  }
  return 'Nguyễn';
}

export interface Applicant {
  fullName: string;
  sex: 'male' | 'female';
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  citizenId: string;
  phone: string;
  address: string;
}

export function randomApplicant(random: Random): Applicant {
  const sex = random() < 0.5 ? 'male' : 'female';
  const middle = pick(random, sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  // About one name in five has a second middle name ("Nguyễn Thị Thu Hà").
  const second = random() < 0.2 ? ` ${pick(random, sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE)}` : '';
  const given = pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  const year = 1945 + Math.floor(random() * 62);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Century and sex digit: 0/1 for the 1900s, 2/3 for the 2000s (male/female).
  const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  const serial = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
  const citizenId = `${pick(random, BIRTH_PROVINCES)}${centurySex}${String(year % 100).padStart(2, '0')}${serial}`;
  return {
    fullName: `${surname(random)} ${middle}${second} ${given}`,
    sex,
    birthDate,
    citizenId,
    phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    address: `Số ${1 + Math.floor(random() * 200)} phố ${pick(random, STREETS)}, phường Ba Đình, Hà Nội`,
  };
}
