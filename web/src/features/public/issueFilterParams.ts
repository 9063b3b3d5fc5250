import type { IssueCategory, IssueStatus } from '../../graphql/generated/graphql.js';
import { ISSUE_CATEGORIES } from './reportForm.js';

export const ISSUE_STATUSES: IssueStatus[] = ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];

/** The public list's filters as the form holds them ('' for any). */
export interface PublicIssueFilterValues {
  neighborhoodId: string;
  category: IssueCategory | '';
  status: IssueStatus | '';
}

/** The public list's filters from the URL; unknown values are ignored rather than sent. */
export function readIssueFilters(params: URLSearchParams): PublicIssueFilterValues {
  const category = params.get('category') ?? '';
  const status = params.get('status') ?? '';
  return {
    neighborhoodId: params.get('neighborhood') ?? '',
    category: ISSUE_CATEGORIES.includes(category as IssueCategory) ? (category as IssueCategory) : '',
    status: ISSUE_STATUSES.includes(status as IssueStatus) ? (status as IssueStatus) : '',
  };
}

/** The URL's parameters with the filters set (empty ones removed), other parameters kept. */
export function writeIssueFilters(current: URLSearchParams, values: PublicIssueFilterValues): URLSearchParams {
  const next = new URLSearchParams(current);
  const entries: [string, string][] = [
    ['neighborhood', values.neighborhoodId],
    ['category', values.category],
    ['status', values.status],
  ];
  for (const [key, value] of entries) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
