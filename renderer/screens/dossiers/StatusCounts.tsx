import { useEffect, useState } from 'react';
import { DossierStatus, statusLabels } from '../../../src/dossier/status.ts';
import { formatCount } from '../../components/format.ts';
import type { DeskStore, DossierCountFilter } from '../../store/index.ts';

interface StatusCountsProps {
  store: DeskStore;
  filter: DossierCountFilter;
  version: number;
  selected: DossierStatus | 'all';
  onSelect: (status: DossierStatus | 'all') => void;
}

const SHOWN = Object.values(DossierStatus).filter((s) => s !== DossierStatus.New);

/** Per-status counts answered from the store's indexes; a click filters by that status. */
export function StatusCounts({ store, filter, version, selected, onSelect }: StatusCountsProps) {
  const [counts, setCounts] = useState<Record<DossierStatus, number> | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    store.dossiers
      .counts(JSON.parse(filterKey) as DossierCountFilter)
      .then((result) => live && setCounts(result))
      .catch(() => live && setCounts(null));
    return () => {
      live = false;
    };
  }, [store, filterKey, version]);

  const total = counts ? SHOWN.reduce((sum, s) => sum + counts[s], 0) : null;
  return (
    <div className="status-counts" role="group" aria-label="Số hồ sơ theo trạng thái" data-testid="status-counts">
      <button type="button" className={selected === 'all' ? 'count-chip active' : 'count-chip'} onClick={() => onSelect('all')}>
        Tất cả <b>{total === null ? '…' : formatCount(total)}</b>
      </button>
      {SHOWN.filter((s) => !counts || counts[s] > 0 || s === selected).map((s) => (
        <button
          key={s}
          type="button"
          className={selected === s ? 'count-chip active' : 'count-chip'}
          onClick={() => onSelect(selected === s ? 'all' : s)}
          data-status={s}
        >
          {statusLabels[s]} <b>{counts ? formatCount(counts[s]) : '…'}</b>
        </button>
      ))}
    </div>
  );
}
