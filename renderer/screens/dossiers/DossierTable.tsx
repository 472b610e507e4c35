import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { DeadlineBadge } from '../../components/DeadlineBadge.tsx';
import { deadlineKindOf } from '../../components/deadline-view.ts';
import type { DeadlineContext } from '../../components/deadline-view.ts';
import { formatDay, formatInstant } from '../../components/format.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

interface DossierTableProps {
  items: readonly ProjectedDossier[];
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  onOpen: (code: string) => void;
  deadline: DeadlineContext;
  officerName: (id: string | null) => string;
}

const ROW_HEIGHT = 44;

/** Only the rows in view are in the DOM: the list scrolls smoothly through any number of pages. */
export function DossierTable({ items, hasMore, loading, onLoadMore, onOpen, deadline, officerName }: DossierTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= items.length - 1) onLoadMore();
  }, [hasMore, loading, lastIndex, items.length, onLoadMore]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(items.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, code: string) => {
    if (event.key === 'Enter') onOpen(code);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'PageDown') focusRow(index + 10);
    else if (event.key === 'PageUp') focusRow(index - 10);
    else return;
    event.preventDefault();
  };

  return (
    <div className="dossier-table" role="table" aria-label="Danh sách hồ sơ" aria-rowcount={count + 1}>
      <div className="dossier-row dossier-head" role="row">
        <span role="columnheader">Mã hồ sơ</span>
        <span role="columnheader">Người nộp</span>
        <span role="columnheader">Thủ tục</span>
        <span role="columnheader">Ngày nhận</span>
        <span role="columnheader">Hẹn trả</span>
        <span role="columnheader">Trạng thái</span>
        <span role="columnheader">Hạn xử lý</span>
        <span role="columnheader">Cán bộ giữ</span>
      </div>
      <div className="dossier-scroll" ref={scrollRef} data-testid="dossier-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const dossier = items[row.index];
            const style = { transform: `translateY(${row.start}px)`, height: ROW_HEIGHT };
            if (!dossier) {
              return (
                <div key="more" className="dossier-row dossier-more" style={style} role="row">
                  <span role="cell">Đang tải thêm hồ sơ…</span>
                </div>
              );
            }
            return (
              <div
                key={dossier.code}
                className="dossier-row"
                style={style}
                role="row"
                tabIndex={0}
                data-index={row.index}
                data-code={dossier.code}
                aria-label={`Hồ sơ ${dossier.code}, ${dossier.applicantName}`}
                onClick={() => onOpen(dossier.code)}
                onKeyDown={(event) => onKeyDown(event, row.index, dossier.code)}
              >
                <span role="cell" className="cell-code">{dossier.code}</span>
                <span role="cell" className="cell-wrap cell-name" title={dossier.applicantName}>{dossier.applicantName}</span>
                <span role="cell" className="cell-wrap" title={dossier.procedureName}>{dossier.procedureName}</span>
                <span role="cell">{formatDay(dossier.receivedAt)}</span>
                <span role="cell">{formatInstant(dossier.dueAt)}</span>
                <span role="cell"><StatusBadge status={dossier.status} /></span>
                <span role="cell"><DeadlineBadge kind={deadlineKindOf(dossier, deadline)} /></span>
                <span role="cell" className="cell-wrap">{officerName(dossier.holderOfficerId)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
