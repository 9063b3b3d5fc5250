import type { FilterQuery } from '@mikro-orm/core';
import { pkOf } from '../../common/relay.js';
import { badInput } from '../../common/errors.js';
import type { IssueSnapshot } from '../../realtime/envelope.js';
import type { CommunityIssue } from './issue.entity.js';
import type { IssueCategory, IssueStatus } from './issue.enums.js';
import type { IssueFilter } from './issue.input.js';

/** What an issue filter routes on, before or after a change. */
export interface IssueState {
  status: IssueStatus;
  category: IssueCategory;
  neighborhood: number;
  organizations: number[];
}

/**
 * An `IssueFilter` read once, for both sides that answer it: the list's SQL (`issueWhere`) and
 * the live stream's test of a change (`matchesState`, `matchesText`). Both read the same fields,
 * so whatever a filtered list shows, its stream keeps up to date.
 */
export interface IssueCriteria {
  statuses: IssueStatus[] | null;
  category: IssueCategory | null;
  neighborhood: number | null;
  organization: number | null;
  /** Lower-case words that must all appear in the title or description (at most 8). */
  words: string[];
}

export function issueCriteria(filter: IssueFilter | null | undefined): IssueCriteria {
  const search = filter?.search?.trim() ?? '';
  if (search.length > 200) throw badInput('filter.search', 'search must be at most 200 characters');
  return {
    statuses: filter?.status?.length ? filter.status : null,
    category: filter?.category ?? null,
    neighborhood: filter?.neighborhoodId ? pkOf(filter.neighborhoodId, 'Neighborhood', 'filter.neighborhoodId') : null,
    organization: filter?.organizationId ? pkOf(filter.organizationId, 'Organization', 'filter.organizationId') : null,
    words: searchWords(search),
  };
}

/**
 * The words of a search. LIKE's wildcards and escape (`\ % _`) separate words rather than being
 * escaped, since SQLite and PostgreSQL escape differently: `street_light` finds "Street light".
 */
export function searchWords(search: string): string[] {
  return search
    .toLowerCase()
    .replace(/[\\%_]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
}

/** Whether an issue in this state passes the filter's fields other than the search. */
export function matchesState(c: IssueCriteria, s: IssueState): boolean {
  return (
    (c.statuses == null || c.statuses.includes(s.status)) &&
    (c.category == null || c.category === s.category) &&
    (c.neighborhood == null || c.neighborhood === s.neighborhood) &&
    (c.organization == null || s.organizations.includes(c.organization))
  );
}

/** Whether an issue's title and description hold every search word (case-insensitive). */
export function matchesText(c: IssueCriteria, title: string, description: string): boolean {
  const text = `${title} ${description}`.toLowerCase();
  return c.words.every((w) => text.includes(w));
}

/** The state of an issue before a change, from its routing snapshot. */
export function previousState(snap: IssueSnapshot): IssueState {
  return {
    ...snap,
    status: snap.previousStatus ?? snap.status,
    organizations: snap.previousOrganizations ?? snap.organizations,
  };
}

/**
 * The filter as a MikroORM condition. `like` is the driver's case-insensitive LIKE: `$like` on
 * SQLite (case-insensitive for ASCII), `$ilike` on PostgreSQL.
 */
export function issueWhere(c: IssueCriteria, like: '$like' | '$ilike'): FilterQuery<CommunityIssue> {
  const where: FilterQuery<CommunityIssue> & Record<string, unknown> = {};
  if (c.statuses) where.status = { $in: c.statuses };
  if (c.category) where.category = c.category;
  if (c.neighborhood != null) where.neighborhood = c.neighborhood;
  if (c.organization != null) where.organizations = { pk: c.organization };
  if (c.words.length) {
    where.$and = c.words.map((word) => ({
      $or: [{ title: { [like]: `%${word}%` } }, { description: { [like]: `%${word}%` } }],
    }));
  }
  return where;
}
