import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Viewer } from './auth/viewer.js';
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
import { issueLoaders } from './modules/issues/issue.loaders.js';
import { eventLoaders } from './modules/events/event.loaders.js';

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
 * Batched lookups of the read path (plain rows, see issue.loaders.ts and event.loaders.ts), and the batched contact
 * access log. Each batch forks its own EntityManager so a loader is safe in
 * subscriptions, where one context outlives many events; `cache: false` there keeps later
 * events from seeing earlier answers (and logs every delivery of a contact).
 */
export function createLoaders(
  { orm, contactAccess }: Pick<Services, 'orm' | 'contactAccess'>,
  viewer: Viewer | null,
  cache = true,
) {
  return {
    /** `load(issuePk)` records that the viewer (a member) read the issue's contact. */
    contactRead: contactAccess.recorder(viewer?.kind === 'member' ? viewer : null, cache),
    ...issueLoaders(orm, viewer, cache),
    ...eventLoaders(orm, cache),
  };
}
