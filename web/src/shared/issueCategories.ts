import type { IssueCategory } from '../graphql/generated/graphql.js';

/** Every IssueCategory, in the order forms and filters offer them. */
export const ISSUE_CATEGORIES: readonly IssueCategory[] = [
  'SAFETY',
  'TRAFFIC',
  'LIGHTING',
  'NOISE',
  'GRAFFITI',
  'ENVIRONMENT',
  'HOUSING',
  'HEALTH',
  'YOUTH',
  'OTHER',
];
