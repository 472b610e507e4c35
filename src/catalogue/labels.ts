import type { AgencyType, FormerLevel } from './procedure-schema.ts';

/** Vietnamese names of government levels, for screens and printouts. */
export const LEVEL_LABELS: Readonly<Record<FormerLevel, string>> = {
  commune: 'Cấp xã',
  district: 'Cấp huyện (đã bỏ từ 01/07/2025)',
  province: 'Cấp tỉnh',
  central: 'Cấp trung ương',
};

/** Vietnamese names of agency types, for screens and printouts. */
export const AGENCY_LABELS: Readonly<Record<AgencyType, string>> = {
  'commune-peoples-committee': 'Ủy ban nhân dân cấp xã',
  'commune-police': 'Công an cấp xã',
  'provincial-police': 'Công an cấp tỉnh',
  'social-insurance': 'Cơ quan Bảo hiểm xã hội',
  'provincial-department': 'Sở, ngành cấp tỉnh',
  'public-administration-service-centre': 'Trung tâm Phục vụ hành chính công',
};
