import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NO_FILTERS, parseFilters, writeFilters, type BoardFilters } from './board.filters.js';

export interface BoardFiltersState {
  filters: BoardFilters;
  /** Changes some filters; the URL is replaced (typing a search does not flood the history). */
  update: (patch: Partial<BoardFilters>) => void;
  clear: () => void;
  /** The current search string ("?…" or ""), to carry the filters into and out of the drawer. */
  search: string;
}

/** The board's filters, read from and written to the URL so a filtered board is a shareable link. */
export function useBoardFilters(): BoardFiltersState {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  const update = useCallback(
    (patch: Partial<BoardFilters>) => {
      setParams((current) => writeFilters({ ...parseFilters(current), ...patch }, current), { replace: true });
    },
    [setParams],
  );
  const clear = useCallback(() => {
    setParams((current) => writeFilters(NO_FILTERS, current), { replace: true });
  }, [setParams]);

  const query = params.toString();
  return { filters, update, clear, search: query ? `?${query}` : '' };
}
