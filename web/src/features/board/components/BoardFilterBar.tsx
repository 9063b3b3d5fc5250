import { useEffect, useId, useState } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { hasFilters, ISSUE_CATEGORIES, type BoardFilters } from '../board.filters.js';
import { FilterSelect } from '../../../shared/FilterSelect.js';

const CATEGORY_OPTIONS = ISSUE_CATEGORIES.map((c) => ({ value: c, label: humanizeEnum(c) }));

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
      <FilterSelect
        className="filters__field"
        id={`${id}-neighborhood`}
        label="Neighborhood"
        value={filters.neighborhoodId ?? ''}
        allLabel="All neighborhoods"
        options={neighborhoods.map((n) => ({ value: n.id, label: n.name }))}
        onChange={(value) => onChange({ neighborhoodId: value || null })}
      />
      <FilterSelect
        className="filters__field"
        id={`${id}-category`}
        label="Category"
        value={filters.category ?? ''}
        allLabel="All categories"
        options={CATEGORY_OPTIONS}
        onChange={(value) => onChange({ category: ISSUE_CATEGORIES.find((c) => c === value) ?? null })}
      />
      <FilterSelect
        className="filters__field"
        id={`${id}-organization`}
        label="Organization"
        value={filters.sharedWithMe ? '' : (filters.organizationId ?? '')}
        allLabel={filters.sharedWithMe ? viewerOrganizationName : 'All organizations'}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        disabled={filters.sharedWithMe}
        onChange={(value) => onChange({ organizationId: value || null })}
      />
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
