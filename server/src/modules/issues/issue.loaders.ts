import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { Viewer } from '../../auth/viewer.js';
import { visibleUpdates } from './issue.policy.js';
import {
  readIssueOrganizations,
  readIssues,
  readLatestUpdates,
  readNeighborhoods,
  readUpdateCounts,
  readUpdates,
  type IssueRow,
  type IssueUpdateRow,
  type NeighborhoodRow,
  type OrganizationRow,
} from './issue.rows.js';

/**
 * The relations of issues as plain rows, one statement per relation per batch (never per
 * issue), keyed by primary keys so they serve rows and entities alike. Each batch forks its
 * own EntityManager (only for its connection: nothing is hydrated). `cache: false` where one
 * set of loaders outlives a change (WebSocket operations).
 */
export function issueLoaders(orm: MikroORM, viewer: Viewer | null, cache: boolean) {
  const visible = visibleUpdates(viewer);
  return {
    ...publicIssueLoaders(orm, cache),
    latestUpdate: new DataLoader<number, IssueUpdateRow | null>(
      (issuePks) => readLatestUpdates(orm.em.fork(), issuePks, visible),
      { cache },
    ),
    updates: new DataLoader<number, IssueUpdateRow[]>((issuePks) => readUpdates(orm.em.fork(), issuePks, visible), {
      cache,
    }),
    updateCount: new DataLoader<number, number>((issuePks) => readUpdateCounts(orm.em.fork(), issuePks, visible), {
      cache,
    }),
  };
}

export type PublicIssueLoaders = ReturnType<typeof publicIssueLoaders>;

/**
 * The relations every viewer sees alike (neighborhoods, organizations): the live fan-out shares
 * one set across the visibility classes of a change, so they are read once per change.
 */
export function publicIssueLoaders(orm: MikroORM, cache: boolean) {
  return {
    /** Issues by key (activity subjects); the contact stays behind its resolver's rule. */
    issue: new DataLoader<number, IssueRow | null>((pks) => readIssues(orm.em.fork(), pks), { cache }),
    neighborhood: new DataLoader<number, NeighborhoodRow | null>(
      async (pks) => {
        const rows = await readNeighborhoods(orm.em.fork(), pks);
        const byPk = new Map(rows.map((r) => [r.pk, r]));
        return pks.map((pk) => byPk.get(pk) ?? null);
      },
      { cache },
    ),
    issueOrganizations: new DataLoader<number, OrganizationRow[]>(
      (issuePks) => readIssueOrganizations(orm.em.fork(), issuePks),
      { cache },
    ),
  };
}
