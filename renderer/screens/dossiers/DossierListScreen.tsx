import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { formatCount } from '../../components/format.ts';
import { EmptyState, Notice } from '../../components/Notice.tsx';
import { RUNNING_STATUSES } from '../../components/deadline-view.ts';
import { useClock, useDossierChanges } from '../../components/use-live.ts';
import type { DossierCountFilter } from '../../store/index.ts';
import { DossierTable } from './DossierTable.tsx';
import { FilterBar } from './FilterBar.tsx';
import { classifySearch, deadlineBounds, deadlineRange, EMPTY_FILTERS, hasActiveFilters, receivedDates, toDossierQuery } from './list-filters.ts';
import type { ListFilters } from './list-filters.ts';
import { StatusCounts } from './StatusCounts.tsx';
import { useDossierPages } from './use-dossier-pages.ts';
import '../../components/forms.css';
import './dossier-list.css';

export function DossierListScreen() {
  const desk = useDesk();
  const [, navigate] = useLocation();
  const nowMs = useClock(desk.now);
  const version = useDossierChanges(desk.store);
  const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);
  const [searchText, setSearchText] = useState('');
  const deferredSearch = useDeferredValue(searchText);
  const search = useMemo(() => classifySearch(deferredSearch), [deferredSearch]);

  const threshold = desk.settings.dueSoonWorkingMinutes;
  const bounds = useMemo(() => deadlineBounds(desk.calendar, nowMs, threshold), [desk.calendar, nowMs, threshold]);
  const { agencyId, slot } = desk.identity;
  const query = useMemo(() => toDossierQuery(filters, bounds, agencyId), [filters, bounds, agencyId]);
  const today = localDateOf(nowMs);
  const context = useMemo(() => ({ agencyId, slot, today }), [agencyId, slot, today]);
  const dateProblems = useMemo(() => receivedDates(filters, today).problems, [filters, today]);
  const pages = useDossierPages(desk.store, query, search, version, context);

  const countFilter = useMemo<DossierCountFilter>(() => {
    const filter: DossierCountFilter = {};
    if (filters.officer) filter.officer = filters.officer;
    if (filters.deadline !== 'all') {
      filter.statuses = RUNNING_STATUSES;
      const range = deadlineRange(filters.deadline, bounds);
      if (range) filter.deadline = range;
    }
    return filter;
  }, [filters.officer, filters.deadline, bounds]);

  const open = useCallback((code: string) => navigate(`/ho-so/${encodeURIComponent(code)}`), [navigate]);
  const deadline = { calendar: desk.calendar, nowMs, dueSoonWorkingMinutes: threshold };
  const searching = search.kind !== 'none';

  return (
    <section className="dossier-list-screen">
      <header className="section-header list-header">
        <div>
          <h1>Hồ sơ</h1>
          <p>Tra cứu, lọc và theo dõi hồ sơ của đơn vị. Quét mã vạch trên giấy biên nhận để mở ngay hồ sơ.</p>
        </div>
      </header>

      <div className="search-row">
        <input
          className="field-input search-input"
          type="search"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            // Enter or ↓ moves into the results; a second Enter opens the highlighted dossier.
            if ((e.key === 'Enter' || e.key === 'ArrowDown') && pages.items.length > 0) {
              e.preventDefault();
              document.querySelector<HTMLElement>('.dossier-scroll [data-index="0"]')?.focus();
            }
            if (e.key === 'Escape') setSearchText('');
          }}
          placeholder="Số hồ sơ (ví dụ 1001), mã trên giấy biên nhận, họ tên (không cần dấu, ví dụ: thi ngoc) hoặc số định danh 12 số"
          aria-label="Tìm hồ sơ"
          autoFocus
        />
        {(hasActiveFilters(filters) || searchText) && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              setSearchText('');
            }}
          >
            Xoá bộ lọc
          </button>
        )}
      </div>

      <FilterBar filters={filters} onChange={setFilters} catalogue={desk.catalogue} officers={desk.officers} />
      <StatusCounts
        store={desk.store}
        filter={countFilter}
        version={version}
        selected={filters.status}
        onSelect={(status) => setFilters({ ...filters, status })}
      />

      {dateProblems.length > 0 && (
        <Notice tone="error" testId="date-filter-error">
          {dateProblems.join(' ')}
        </Notice>
      )}
      {pages.error && <Notice tone="error">{pages.error}</Notice>}
      {pages.hint && <Notice tone={search.kind === 'invalid' ? 'error' : 'info'}>{pages.hint}</Notice>}

      <p className="result-line" data-testid="result-line" aria-live="polite">
        {pages.loading && pages.items.length === 0
          ? 'Đang tìm…'
          : `${searching ? 'Tìm thấy' : 'Đang hiển thị'} ${formatCount(pages.items.length)} hồ sơ${pages.hasMore ? ', cuộn xuống để xem thêm' : ''}`}
      </p>

      {!pages.loading && pages.items.length === 0 && !pages.error ? (
        <EmptyState title={searching || hasActiveFilters(filters) ? 'Không có hồ sơ nào khớp' : 'Chưa có hồ sơ nào'}>
          {searching || hasActiveFilters(filters)
            ? 'Hãy kiểm tra lại từ khoá hoặc bỏ bớt điều kiện lọc.'
            : 'Hồ sơ tiếp nhận ở màn hình "Tiếp nhận hồ sơ" sẽ xuất hiện tại đây.'}
        </EmptyState>
      ) : (
        <DossierTable
          items={pages.items}
          hasMore={pages.hasMore}
          loading={pages.loading}
          onLoadMore={pages.loadMore}
          onOpen={open}
          deadline={deadline}
          officerName={desk.officerName}
        />
      )}
    </section>
  );
}
