import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { DeskStore, DossierQuery } from '../../store/index.ts';
import type { ReferenceContext } from '../../../src/dossier/dossier-reference.ts';
import { findByReference } from '../../app/find-dossier.ts';
import type { SearchIntent } from './list-filters.ts';

interface PagesState extends DossierPagesState {
  forKey: string;
}

export interface DossierPagesState {
  items: ProjectedDossier[];
  loading: boolean;
  hasMore: boolean;
  /** A Vietnamese hint about the result (too broad a name…). */
  hint: string | null;
  error: string | null;
}

const PAGE_SIZE = 100;
const RELOAD_CAP = 500;

/**
 * Pages of the list, fetched by index with the store's keyset cursor: only what the officer
 * scrolls to is ever loaded. A store change reloads what is on screen (up to one large page).
 */
export function useDossierPages(store: DeskStore, query: DossierQuery | null, search: SearchIntent, version: number, context: ReferenceContext) {
  const [state, setState] = useState<PagesState>({ items: [], loading: false, hasMore: false, hint: null, error: null, forKey: '' });
  const cursor = useRef<string | null>(null);
  const request = useRef(0);
  const loadedCount = useRef(0);
  // A short dossier number means today's: the day is part of what is asked.
  const key = JSON.stringify([query, search, search.kind === 'reference' ? context : null]);

  const run = useCallback(
    async (append: boolean, limit: number) => {
      const id = ++request.current;
      try {
        const result = await fetchPage(store, query, search, context, append ? cursor.current : null, limit);
        if (id !== request.current) return;
        cursor.current = result.nextCursor;
        setState((s) => {
          const items = append ? [...s.items, ...result.items] : result.items;
          loadedCount.current = items.length;
          return { items, loading: false, hasMore: result.nextCursor !== null, hint: result.hint, error: null, forKey: key };
        });
      } catch (error) {
        if (id !== request.current) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, loading: false, error: `Không tải được danh sách hồ sơ: ${message}`, forKey: key }));
      }
    },
    // `key` stands for query and search by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, key],
  );

  useEffect(() => {
    cursor.current = null;
    loadedCount.current = 0;
    void run(false, PAGE_SIZE);
  }, [run]);

  const firstVersion = useRef(version);
  useEffect(() => {
    if (version === firstVersion.current) return;
    void run(false, Math.min(Math.max(loadedCount.current, PAGE_SIZE), RELOAD_CAP));
  }, [version, run]);

  const loadMore = useCallback(() => {
    if (cursor.current === null) return;
    setState((s) => ({ ...s, loading: true }));
    void run(true, PAGE_SIZE);
  }, [run]);

  const { forKey, ...rest } = state;
  const stale = forKey !== key;
  return { ...rest, items: stale ? [] : rest.items, loading: stale || rest.loading, loadMore };
}

interface FetchedPage {
  items: ProjectedDossier[];
  nextCursor: string | null;
  hint: string | null;
}

async function fetchPage(
  store: DeskStore,
  query: DossierQuery | null,
  search: SearchIntent,
  context: ReferenceContext,
  cursor: string | null,
  limit: number,
): Promise<FetchedPage> {
  if (search.kind === 'invalid') return { items: [], nextCursor: null, hint: search.message };
  if (search.kind === 'reference') {
    // The dossier itself, the ones to choose from (listed here as rows), or a plain "not found".
    const found = await findByReference(store, search.reference, context);
    return { items: found.dossiers, nextCursor: null, hint: found.outcome.kind === 'found' ? null : found.outcome.message };
  }
  if (search.kind === 'citizen-id') {
    return { items: await store.dossiers.byCitizenId(search.citizenId), nextCursor: null, hint: null };
  }
  if (query === null) return { items: [], nextCursor: null, hint: null };
  const page = await store.dossiers.query({
    ...query,
    ...(search.kind === 'name' ? { nameQuery: search.text } : {}),
    limit,
    cursor,
  });
  const hint = page.tooBroad ? 'Có quá nhiều người trùng tên: hãy gõ thêm chữ (ví dụ cả họ và tên) để thu hẹp kết quả.' : null;
  return { items: page.items, nextCursor: page.nextCursor, hint };
}
