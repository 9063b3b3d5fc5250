/**
 * The read path of issues: plain rows from MikroORM's QueryBuilder (`execute('all', true)`:
 * property names, values converted by the result mapper), never hydrated entities. Writes stay
 * on entities (issue.service.ts). The GraphQL types resolve from either (see `keyOf`).
 */
import { raw, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { groupBy, readPage, sql } from '../../common/rows.js';
import type { ConnectionShape } from '../../common/relay.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from './issue.entity.js';
import { IssueUpdate } from './issue-update.entity.js';
import type { UpdateVisibility } from './issue.enums.js';

type IssueScalars = Pick<
  CommunityIssue,
  | 'pk'
  | 'title'
  | 'description'
  | 'category'
  | 'status'
  | 'priority'
  | 'priorityRank'
  | 'lat'
  | 'lng'
  | 'address'
  | 'contact'
  | 'anonymous'
  | 'supportersCount'
  | 'reportedAt'
  | 'acknowledgedAt'
  | 'resolvedAt'
  | 'updatedAt'
  | 'version'
>;

/** An issue as the read path hands it to the `CommunityIssue` type: foreign keys, not references. */
export interface IssueRow extends IssueScalars {
  neighborhood: number;
  reporter: number | null;
}

/** An issue update as a row; `author` is the member's key. */
export interface IssueUpdateRow
  extends Pick<IssueUpdate, 'pk' | 'kind' | 'body' | 'visibility' | 'fromStatus' | 'toStatus' | 'createdAt'> {
  issue: number;
  author: number | null;
}

export interface NeighborhoodRow
  extends Pick<Neighborhood, 'pk' | 'name' | 'centerLat' | 'centerLng' | 'boundary' | 'retiredAt'> {
  id: string;
}

export type OrganizationRow = Pick<Organization, 'pk' | 'name' | 'kind'>;

/** Every column the `CommunityIssue` type can read (the contact is only sent where its resolver allows). */
const ISSUE_COLUMNS = [
  'pk',
  'title',
  'description',
  'category',
  'status',
  'priority',
  'priorityRank',
  'neighborhood',
  'lat',
  'lng',
  'address',
  'reporter',
  'contact',
  'anonymous',
  'supportersCount',
  'reportedAt',
  'acknowledgedAt',
  'resolvedAt',
  'updatedAt',
  'version',
] as const;

const UPDATE_COLUMNS = [
  'pk',
  'issue',
  'author',
  'kind',
  'body',
  'visibility',
  'fromStatus',
  'toStatus',
  'createdAt',
] as const;

const issueRow = (row: object) => row as IssueRow;
const updateRow = (row: object) => row as IssueUpdateRow;

/**
 * One Relay page of issues in two statements (the page, overfetched by one, and the count),
 * with the same cursors `em.findByCursor` makes, so clients' cursors keep working.
 */
export async function readIssuePage(
  em: EntityManager,
  where: FilterQuery<CommunityIssue>,
  first: number,
  after: string | undefined,
  orderBy: QueryOrderMap<CommunityIssue>,
  distinctCount: boolean,
): Promise<ConnectionShape<IssueRow>> {
  const page = readPage(em, CommunityIssue, ISSUE_COLUMNS, where, { first, after, orderBy, distinctCount });
  return page as unknown as Promise<ConnectionShape<IssueRow>>;
}

/** One issue by key, or null. */
export async function readIssue(em: EntityManager, pk: number): Promise<IssueRow | null> {
  const row = await sql(em)
    .createQueryBuilder(CommunityIssue, 'i')
    .select([...ISSUE_COLUMNS])
    .where({ pk })
    .execute('get', true);
  return row ? issueRow(row) : null;
}

/** Issues by key, in one statement, in the order asked (null where there is none). */
export async function readIssues(em: EntityManager, pks: readonly number[]): Promise<(IssueRow | null)[]> {
  const rows = await sql(em)
    .createQueryBuilder(CommunityIssue, 'i')
    .select([...ISSUE_COLUMNS])
    .where({ pk: { $in: [...pks] } })
    .execute('all', true);
  const byPk = new Map(rows.map((row: object) => [issueRow(row).pk, issueRow(row)] as const));
  return pks.map((pk) => byPk.get(pk) ?? null);
}

/** Neighborhoods by key, in one statement. */
export async function readNeighborhoods(em: EntityManager, pks: readonly number[]): Promise<NeighborhoodRow[]> {
  const rows = await sql(em)
    .createQueryBuilder(Neighborhood, 'n')
    .select(['pk', 'name', 'centerLat', 'centerLng', 'boundary', 'retiredAt'])
    .where({ pk: { $in: [...pks] } })
    .execute('all', true);
  return rows as unknown as NeighborhoodRow[];
}

/** The organizations of each issue, by name, in one statement. */
export async function readIssueOrganizations(
  em: EntityManager,
  issuePks: readonly number[],
): Promise<OrganizationRow[][]> {
  const rows = await sql(em)
    .createQueryBuilder(CommunityIssue, 'i')
    .select([raw('i.id as issue'), 'o.pk', 'o.name', 'o.kind'])
    .join('i.organizations', 'o')
    .where({ pk: { $in: [...issuePks] } })
    .orderBy({ 'o.name': 'asc' })
    .execute('all', false);
  const organizations = (rows as unknown as { issue: number; id: number; name: string; kind: string }[]).map((r) => ({
    issue: Number(r.issue),
    row: { pk: Number(r.id), name: r.name, kind: r.kind } as OrganizationRow,
  }));
  return groupBy(issuePks, organizations, (o) => o.issue).map((group) => group.map((o) => o.row));
}

/** The newest update of each issue among `visible`, in one statement. */
export async function readLatestUpdates(
  em: EntityManager,
  issuePks: readonly number[],
  visible: readonly UpdateVisibility[],
): Promise<(IssueUpdateRow | null)[]> {
  const newest = sql(em)
    .createQueryBuilder(IssueUpdate, 'l')
    .select(raw('max(l.id)'))
    .where({ issue: { $in: [...issuePks] }, visibility: { $in: [...visible] } })
    .groupBy('l.issue');
  const rows = await sql(em)
    .createQueryBuilder(IssueUpdate, 'u')
    .select([...UPDATE_COLUMNS])
    .where({ pk: { $in: newest.getKnexQuery() } })
    .execute('all', true);
  const byIssue = new Map(rows.map((row: object) => [(row as IssueUpdateRow).issue, updateRow(row)] as const));
  return issuePks.map((pk) => byIssue.get(pk) ?? null);
}

/** Each issue's timeline among `visible`, oldest first, in one statement. */
export async function readUpdates(
  em: EntityManager,
  issuePks: readonly number[],
  visible: readonly UpdateVisibility[],
): Promise<IssueUpdateRow[][]> {
  const rows = await sql(em)
    .createQueryBuilder(IssueUpdate, 'u')
    .select([...UPDATE_COLUMNS])
    .where({ issue: { $in: [...issuePks] }, visibility: { $in: [...visible] } })
    .orderBy({ pk: 'asc' })
    .execute('all', true);
  return groupBy(
    issuePks,
    rows.map((row: object) => updateRow(row)),
    (u) => u.issue,
  );
}

/** How many updates among `visible` each issue has, in one statement. */
export async function readUpdateCounts(
  em: EntityManager,
  issuePks: readonly number[],
  visible: readonly UpdateVisibility[],
): Promise<number[]> {
  const rows = await sql(em)
    .createQueryBuilder(IssueUpdate, 'u')
    .select(['u.issue', raw('count(*) as n')])
    .where({ issue: { $in: [...issuePks] }, visibility: { $in: [...visible] } })
    .groupBy('u.issue')
    .execute('all', true);
  const counts = new Map(
    (rows as unknown as { issue: number; n: number | string }[]).map((r) => [Number(r.issue), Number(r.n)]),
  );
  return issuePks.map((pk) => counts.get(pk) ?? 0);
}
