import type { IssueCategory, IssueFilter } from '../../graphql/generated/graphql.js';
import { BOARD_STATUSES, isOnBoard } from './board.columns.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';
import { ISSUE_CATEGORIES } from '../../shared/issueCategories.js';

export { ISSUE_CATEGORIES };

/** The board's filters as the person chose them; they live in the URL's search params. */
export interface BoardFilters {
  neighborhoodId: string | null;
  category: IssueCategory | null;
  organizationId: string | null;
  /** Only issues shared with the viewer's own organization (wins over organizationId). */
  sharedWithMe: boolean;
  search: string;
}

/** URL parameter names: part of every shared board link, so keep them stable. */
export const FILTER_PARAMS = {
  neighborhoodId: 'neighborhood',
  category: 'category',
  organizationId: 'organization',
  sharedWithMe: 'shared',
  search: 'q',
} as const;

export const NO_FILTERS: BoardFilters = {
  neighborhoodId: null,
  category: null,
  organizationId: null,
  sharedWithMe: false,
  search: '',
};

function isCategory(value: string | null): value is IssueCategory {
  return value !== null && (ISSUE_CATEGORIES as readonly string[]).includes(value);
}

/** Reads the filters from search params; unknown or malformed values are ignored. */
export function parseFilters(params: URLSearchParams): BoardFilters {
  const category = params.get(FILTER_PARAMS.category);
  return {
    neighborhoodId: params.get(FILTER_PARAMS.neighborhoodId) || null,
    category: isCategory(category) ? category : null,
    organizationId: params.get(FILTER_PARAMS.organizationId) || null,
    sharedWithMe: params.get(FILTER_PARAMS.sharedWithMe) === '1',
    search: params.get(FILTER_PARAMS.search) ?? '',
  };
}

/**
 * Writes the filters into a copy of `base` (other params are kept); empty filters leave no
 * trace, so an unfiltered board's link is plain /board.
 */
export function writeFilters(filters: BoardFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (name: string, value: string | null) => {
    if (value) params.set(name, value);
    else params.delete(name);
  };
  set(FILTER_PARAMS.neighborhoodId, filters.neighborhoodId);
  set(FILTER_PARAMS.category, filters.category);
  set(FILTER_PARAMS.organizationId, filters.sharedWithMe ? null : filters.organizationId);
  set(FILTER_PARAMS.sharedWithMe, filters.sharedWithMe ? '1' : null);
  set(FILTER_PARAMS.search, filters.search.trim() === '' ? null : filters.search);
  return params;
}

export function hasFilters(filters: BoardFilters): boolean {
  return Boolean(
    filters.neighborhoodId ||
      filters.category ||
      filters.organizationId ||
      filters.sharedWithMe ||
      filters.search.trim(),
  );
}

/** The organization the board is narrowed to, if any. */
export function organizationOf(filters: BoardFilters, viewerOrganizationId: string | null): string | null {
  return filters.sharedWithMe ? viewerOrganizationId : filters.organizationId;
}

/** The server's IssueFilter for the board: its four statuses and the chosen filters. */
export function toIssueFilter(filters: BoardFilters, viewerOrganizationId: string | null): IssueFilter {
  const filter: IssueFilter = { status: BOARD_STATUSES };
  if (filters.neighborhoodId) filter.neighborhoodId = filters.neighborhoodId;
  if (filters.category) filter.category = filters.category;
  const organizationId = organizationOf(filters, viewerOrganizationId);
  if (organizationId) filter.organizationId = organizationId;
  const search = filters.search.trim();
  if (search) filter.search = search;
  return filter;
}

/**
 * Whether an issue belongs on the board under these filters, judged on what a card knows.
 * Text search is not rechecked: titles and descriptions do not change after a report.
 */
export function matchesFilters(issue: BoardIssue, filter: IssueFilter): boolean {
  if (!isOnBoard(issue.status)) return false;
  if (filter.neighborhoodId && issue.neighborhood.id !== filter.neighborhoodId) return false;
  if (filter.category && issue.category !== filter.category) return false;
  if (filter.organizationId && !issue.organizations.some((o) => o.id === filter.organizationId)) return false;
  return true;
}
