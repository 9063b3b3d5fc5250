import { useEffect, useId, useState } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { hasFilters, ISSUE_CATEGORIES, type BoardFilters } from '../board.filters.js';

interface Option {
  id: string;
  name: string;
}

interface BoardFilterBarProps {
  filters: BoardFilters;
  neighborhoods: readonly Option[];
  organizations: readonly Option[];
  /** The viewer's organization, named on the "shared with my organization" checkbox. */
  viewerOrganizationName: string;
  onChange: (patch: Partial<BoardFilters>) => void;
  onClear: () => void;
}

/** Typing waits this long before the URL (and so the query) changes. */
const SEARCH_DELAY_MS = 300;

/** The board's filters. Each change goes to the URL, from which the board reads them. */
export function BoardFilterBar({
  filters,
  neighborhoods,
  organizations,
  viewerOrganizationName,
  onChange,
  onClear,
}: BoardFilterBarProps) {
  const id = useId();
  const [search, setSearch] = useState(filters.search);

  // The URL is the truth: follow it when it changes from elsewhere (clear, back, a shared link).
  useEffect(() => setSearch(filters.search), [filters.search]);

  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => onChange({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  return (
    <form className="filters" role="search" aria-label="Filter issues" onSubmit={(e) => e.preventDefault()}>
      <div className="filters__field filters__field--search">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Title or description"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ search });
          }}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-neighborhood`}>Neighborhood</label>
        <select
          id={`${id}-neighborhood`}
          value={filters.neighborhoodId ?? ''}
          onChange={(e) => onChange({ neighborhoodId: e.target.value || null })}
        >
          <option value="">All neighborhoods</option>
          {neighborhoods.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          value={filters.category ?? ''}
          onChange={(e) => {
            const value = ISSUE_CATEGORIES.find((c) => c === e.target.value) ?? null;
            onChange({ category: value });
          }}
        >
          <option value="">All categories</option>
          {ISSUE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {humanizeEnum(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-organization`}>Organization</label>
        <select
          id={`${id}-organization`}
          value={filters.sharedWithMe ? '' : (filters.organizationId ?? '')}
          disabled={filters.sharedWithMe}
          onChange={(e) => onChange({ organizationId: e.target.value || null })}
        >
          <option value="">{filters.sharedWithMe ? viewerOrganizationName : 'All organizations'}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__check">
        <input
          id={`${id}-shared`}
          type="checkbox"
          checked={filters.sharedWithMe}
          onChange={(e) => onChange({ sharedWithMe: e.target.checked })}
        />
        <label htmlFor={`${id}-shared`}>Shared with my organization</label>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="button--quiet" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}
