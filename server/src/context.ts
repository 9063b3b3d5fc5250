import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { hasScope, type Viewer } from './auth/viewer.js';
import { ApiScope } from './auth/scopes.js';
import type { TokenService } from './auth/tokens.js';
import type { ActivityBus } from './realtime/bus.js';
import type { IssueService } from './modules/issues/issue.service.js';
import type { EventService } from './modules/events/event.service.js';
import type { PresenceService } from './modules/presence/presence.service.js';
import type { ApiTokenService } from './modules/api-tokens/api-token.service.js';
import type { MemberService } from './modules/members/member.service.js';
import type { OrganizationService } from './modules/organizations/organization.service.js';
import type { ContactAccessService } from './modules/privacy/contact-access.service.js';
import type { RetentionJob } from './modules/privacy/retention.js';
import type { LinkIssuer } from './modules/access-links/access-link.codes.js';
import type { InvitationService } from './modules/access-links/invitation.service.js';
import type { PasswordLinkService } from './modules/access-links/password-link.service.js';
import type { PartnershipService } from './modules/partnership/partnership.service.js';
import type { SetupService } from './modules/setup/setup.service.js';
import type { AccessLinkService } from './modules/access-links/access-link.service.js';
import type { IdempotencyService } from './modules/idempotency/idempotency.js';
import type { NeighborhoodService } from './modules/neighborhoods/neighborhood.service.js';
import type { LiveFanOut, LiveTarget } from './realtime/fanout.js';
import { IssueUpdate } from './modules/issues/issue-update.entity.js';
import { UpdateVisibility } from './modules/issues/issue.enums.js';

export interface Services {
  orm: MikroORM;
  bus: ActivityBus;
  tokens: TokenService;
  issues: IssueService;
  events: EventService;
  presence: PresenceService;
  apiTokens: ApiTokenService;
  organizations: OrganizationService;
  members: MemberService;
  contactAccess: ContactAccessService;
  retention: RetentionJob;
  /** Builds one-time links (setup, invitations, passwords) on the board's public address. */
  links: LinkIssuer;
  /** `endSessions(memberPk)` closes a member's open sockets on every instance (after a committed change). */
  invitations: InvitationService;
  passwordLinks: PasswordLinkService;
  partnership: PartnershipService;
  setup: SetupService;
  /** What a one-time link is for; spending PASSWORD links. */
  accessLinks: AccessLinkService;
  /** Scopes and hashes clients' idempotency keys for creating mutations. */
  idempotency: IdempotencyService;
  neighborhoods: NeighborhoodService;
  /** Delivers live changes to subscribers, once per group of identical subscriptions. */
  live: LiveFanOut;
}

/** Built once per HTTP request, and once per WebSocket subscription. */
export interface Context {
  services: Services;
  /** The request's own identity map. Subscriptions fork a fresh one per event instead. */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  /** The request's `Idempotency-Key` header (HTTP only); a creating mutation's input field may carry one too. */
  idempotencyKey?: string | null;
  /** The client's address (after TRUST_PROXY): scopes residents' idempotency keys. */
  clientAddress?: string;
  /** On a WebSocket: the operation's socket and id, where the live fan-out writes its payloads. */
  live?: LiveTarget;
}

/**
 * A context for an operation sent over a WebSocket. Its EntityManager and loaders are made only
 * when a resolver first asks: a live subscription never does (the fan-out executes each change
 * with the change's own), so an open subscription holds nothing per connection but this object.
 */
export function socketContext(
  services: Services,
  viewer: Viewer | null,
  extra: Pick<Context, 'clientAddress' | 'live'>,
): Context {
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  return {
    services,
    viewer,
    ...extra,
    get em() {
      return (em ??= services.orm.em.fork());
    },
    get loaders() {
      return (loaders ??= createLoaders(services, viewer, false));
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Batched lookups that MikroORM's own dataloaders do not cover (aggregates), and the batched
 * contact access log. Each batch forks its own EntityManager so a loader is safe in
 * subscriptions, where one context outlives many events; `cache: false` there keeps later
 * events from seeing earlier answers (and logs every delivery of a contact).
 */
export function createLoaders(
  { orm, contactAccess }: Pick<Services, 'orm' | 'contactAccess'>,
  viewer: Viewer | null,
  cache = true,
) {
  const visible = hasScope(viewer, ApiScope.ISSUES_READ)
    ? [UpdateVisibility.PUBLIC, UpdateVisibility.PARTNERS]
    : [UpdateVisibility.PUBLIC];
  const visibleSql = visible.map(() => '?').join(', ');
  return {
    /** `load(issuePk)` records that the viewer (a member) read the issue's contact. */
    contactRead: contactAccess.recorder(viewer?.kind === 'member' ? viewer : null, cache),
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
