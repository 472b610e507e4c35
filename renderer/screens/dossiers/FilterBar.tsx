import type { OfficerProfile } from '../../../src/auth/officer.ts';
import type { Catalogue } from '../../../src/catalogue/catalogue.ts';
import { listFields } from '../../../src/catalogue/catalogue.ts';
import { compareVietnamese } from '../../../src/people/vietnamese-collator.ts';
import { DossierStatus, statusLabels } from '../../../src/dossier/status.ts';
import type { DossierSort } from '../../store/index.ts';
import type { DeadlineFilter, ListFilters } from './list-filters.ts';

interface FilterBarProps {
  filters: ListFilters;
  onChange: (next: ListFilters) => void;
  catalogue: Catalogue;
  officers: readonly OfficerProfile[];
}

const deadlineOptions: [DeadlineFilter, string][] = [
  ['all', 'Tất cả'],
  ['overdue', 'Quá hạn'],
  ['due-soon', 'Sắp đến hạn'],
  ['not-due', 'Còn hạn'],
];

const sortOptions: [DossierSort, string][] = [
  ['received-desc', 'Mới nhận trước'],
  ['received-asc', 'Nhận sớm nhất trước'],
  ['due-asc', 'Hạn trả gần nhất trước'],
];

export function FilterBar({ filters, onChange, catalogue, officers }: FilterBarProps) {
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => onChange({ ...filters, [key]: value });
  const fields = [...listFields(catalogue)].sort(compareVietnamese);
  const procedures = catalogue.procedures.filter((p) => !filters.field || p.field === filters.field);
  const sortedOfficers = [...officers].sort((a, b) => compareVietnamese(a.fullName, b.fullName));

  return (
    <div className="filter-bar" role="group" aria-label="Bộ lọc hồ sơ">
      <label className="filter">
        <span>Trạng thái</span>
        <select
          value={String(filters.status)}
          onChange={(e) => set('status', e.target.value === 'all' ? 'all' : (Number(e.target.value) as DossierStatus))}
        >
          <option value="all">Tất cả</option>
          {Object.values(DossierStatus)
            .filter((s) => s !== DossierStatus.New)
            .map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
        </select>
      </label>
      <label className="filter">
        <span>Hạn xử lý</span>
        <select value={filters.deadline} onChange={(e) => set('deadline', e.target.value as DeadlineFilter)}>
          {deadlineOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Lĩnh vực</span>
        <select value={filters.field} onChange={(e) => onChange({ ...filters, field: e.target.value, procedure: '' })}>
          <option value="">Tất cả</option>
          {fields.map((field) => (
            <option key={field} value={field}>
              {field}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-wide">
        <span>Thủ tục</span>
        <select value={filters.procedure} onChange={(e) => set('procedure', e.target.value)}>
          <option value="">Tất cả</option>
          {procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} – {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Cán bộ đang giữ</span>
        <select value={filters.officer} onChange={(e) => set('officer', e.target.value)}>
          <option value="">Tất cả</option>
          {sortedOfficers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullName}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-date">
        <span>Nhận từ ngày</span>
        <input placeholder="dd/mm/yyyy" value={filters.receivedFrom} onChange={(e) => set('receivedFrom', e.target.value)} aria-label="Nhận từ ngày (dd/mm/yyyy)" />
      </label>
      <label className="filter filter-date">
        <span>đến ngày</span>
        <input placeholder="dd/mm/yyyy" value={filters.receivedTo} onChange={(e) => set('receivedTo', e.target.value)} aria-label="Nhận đến ngày (dd/mm/yyyy)" />
      </label>
      <label className="filter filter-sort">
        <span>Sắp xếp</span>
        <select value={filters.sort} onChange={(e) => set('sort', e.target.value as DossierSort)}>
          {sortOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
