import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Viewer } from './auth/viewer.js';
import type { TokenService } from './auth/tokens.js';
import type { ActivityBus } from './realtime/bus.js';
import type { IssueService } from './modules/issues/issue.service.js';
import type { EventService } from './modules/events/event.service.js';
import type { PresenceService } from './modules/presence/presence.service.js';
import { IssueUpdate } from './modules/issues/issue-update.entity.js';
import { UpdateVisibility } from './modules/issues/issue.enums.js';

export interface Services {
  orm: MikroORM;
  bus: ActivityBus;
  tokens: TokenService;
  issues: IssueService;
  events: EventService;
  presence: PresenceService;
}

/** Built once per HTTP request, and once per WebSocket subscription. */
export interface Context {
  services: Services;
  /** The request's own identity map. Subscriptions fork a fresh one per event instead. */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Batched lookups that MikroORM's own dataloaders do not cover (aggregates). Each batch forks
 * its own EntityManager so a loader is safe in subscriptions, where one context outlives
 * many events; `cache: false` there keeps later events from seeing earlier answers.
 */
export function createLoaders(orm: MikroORM, viewer: Viewer | null, cache = true) {
  const visible = viewer ? [UpdateVisibility.PUBLIC, UpdateVisibility.PARTNERS] : [UpdateVisibility.PUBLIC];
  const visibleSql = visible.map(() => '?').join(', ');
  return {
    latestUpdate: new DataLoader<number, IssueUpdate | null>(
      async (issuePks) => {
        const em = orm.em.fork();
        const marks = issuePks.map(() => '?').join(', ');
        const rows = await em
          .getConnection()
          .execute<
            { id: number }[]
          >(`select max(id) as id from issue_update where issue_id in (${marks}) and visibility in (${visibleSql}) group by issue_id`, [...issuePks, ...visible]);
        const updates = rows.length
          ? await em.find(IssueUpdate, { pk: { $in: rows.map((r: { id: number }) => Number(r.id)) } })
          : [];
        const byIssue = new Map(updates.map((u) => [u.issue.unwrap().pk, u]));
        return issuePks.map((pk) => byIssue.get(pk) ?? null);
      },
      { cache },
    ),
    updates: new DataLoader<number, IssueUpdate[]>(
      async (issuePks) => {
        const updates = await orm.em
          .fork()
          .find(
            IssueUpdate,
            { issue: { $in: [...issuePks] }, visibility: { $in: visible } },
            { orderBy: { pk: 'asc' } },
          );
        const byIssue = new Map<number, IssueUpdate[]>(issuePks.map((pk) => [pk, []]));
        for (const update of updates) byIssue.get(update.issue.unwrap().pk)?.push(update);
        return issuePks.map((pk) => byIssue.get(pk) ?? []);
      },
      { cache },
    ),
    updateCount: new DataLoader<number, number>(
      async (issuePks) => {
        const marks = issuePks.map(() => '?').join(', ');
        const rows = await orm.em
          .fork()
          .getConnection()
          .execute<{ issue_id: number; n: number }[]>(
            `select issue_id, count(*) as n from issue_update where issue_id in (${marks}) and visibility in (${visibleSql}) group by issue_id`,
            [...issuePks, ...visible],
          );
        const counts = new Map<number, number>(
          rows.map((r: { issue_id: number; n: number }) => [Number(r.issue_id), Number(r.n)]),
        );
        return issuePks.map((pk) => counts.get(pk) ?? 0);
      },
      { cache },
    ),
  };
}
