import { createHash, randomBytes } from 'node:crypto';
import { requireText } from '../../common/text.js';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { DomainError, ErrorCode, badInput, notFound } from '../../common/errors.js';
import { pkOf, toGlobalId } from '../../common/relay.js';
import { Role } from '../../auth/roles.js';
import { formatScopes, parseScopes } from '../../auth/scopes.js';
import { memberRefOf, type MemberViewer, type TokenViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange, type ChangeWork } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { Organization, OrganizationKind } from '../organizations/organization.entity.js';
import { ApiToken } from './api-token.entity.js';
import type { CreateApiTokenInput } from './api-token.input.js';
import { idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';
import { log } from '../../ops/log.js';

const PREFIX = 'bbt_';
/** `bbt_` and 43 base64url characters (256 random bits). */
const SHAPE = /^bbt_[A-Za-z0-9_-]{43}$/;
const HINT_LENGTH = PREFIX.length + 6;
/** `lastUsedAt` is written at most this often per token, so a busy tool costs no write per call. */
const TOUCH_EVERY_MS = 60_000;

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Creates, lists, revokes and checks API tokens. A token acts as a member of its organization
 * would, limited to its scopes: OFFICER for the agency's tokens, PARTNER for a partner's, never
 * COORDINATOR (tokens cannot manage tokens or read the contact access log).
 *
 * A revocation names the token in its activity (`endsSessions`), so every instance closes the
 * token's open sockets when the change reaches it.
 */
export class ApiTokenService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {}

  /** Bearer values of this shape are API tokens; anything else is a member session token. */
  looksLikeApiToken(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  /** The viewer a token acts as, or null when it is malformed, unknown or revoked. */
  async authenticate(secret: string): Promise<TokenViewer | null> {
    if (!SHAPE.test(secret)) return null;
    const em = this.orm.em.fork();
    const token = await em.findOne(
      ApiToken,
      { secretHash: hashOf(secret), revokedAt: null },
      { populate: ['organization'] },
    );
    if (!token) return null;
    await this.touch(em, token);
    const organization = token.organization.getEntity();
    return {
      kind: 'token',
      tokenPk: token.pk,
      name: token.name,
      role: organization.kind === OrganizationKind.AGENCY ? Role.OFFICER : Role.PARTNER,
      organizationPk: organization.pk,
      organizationName: organization.name,
      scopes: new Set(parseScopes(token.scopeList)),
    };
  }

  /** Creates a token; the secret is returned here and never again. */
  async create(
    viewer: MemberViewer,
    input: CreateApiTokenInput,
    claim?: IdempotencyClaim | null,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    const name = requireText(input.name, 'name', 1, 100);
    const scopes = formatScopes(input.scopes);
    if (!scopes) throw badInput('scopes', 'scopes must name at least one scope');
    const organizationPk = input.organizationId
      ? pkOf(input.organizationId, 'Organization', 'organizationId')
      : viewer.organizationPk;
    const secret = PREFIX + randomBytes(32).toString('base64url');
    const work: ChangeWork<ApiToken> = async (em, record) => {
      const organization = await em.findOne(Organization, { pk: organizationPk });
      if (!organization) throw badInput('organizationId', 'organizationId names no organization');
      record({
        kind: ActivityKind.API_TOKEN_CREATED,
        visibility: ActivityVisibility.COORDINATORS,
        summary: `${viewer.name} created the API token "${name}" for ${organization.name}`,
        actor: viewer.memberPk,
        actorOrganization: viewer.organizationPk,
        snapshot: () => ({}),
      });
      return em.create(ApiToken, {
        name,
        secretHash: hashOf(secret),
        hint: `${secret.slice(0, HINT_LENGTH)}…`,
        scopeList: scopes,
        organization,
        createdBy: memberRefOf(em, viewer),
      });
    };
    const apiToken = await runChange(this.orm, this.bus, work, { idempotency: idempotent(claim, 'ApiToken') });
    // A replay re-reads the first token, whose secret was another one and is gone.
    if (apiToken.secretHash !== hashOf(secret)) secretShownOnce(apiToken);
    return { token: secret, apiToken };
  }

  /** Every token, newest first, revoked ones included (for the record). */
  list(em: EntityManager): Promise<ApiToken[]> {
    return em.find(ApiToken, {}, { orderBy: { pk: 'desc' } });
  }

  /**
   * Revokes a token: from the moment this returns, HTTP calls with it are UNAUTHENTICATED, and
   * its open WebSockets (on every instance) are closed with 4403. Revoking twice changes nothing.
   */
  async revoke(viewer: MemberViewer, id: string): Promise<ApiToken> {
    const pk = pkOf(id, 'ApiToken', 'id');
    return runChange(this.orm, this.bus, async (em, record) => {
      const token = await em.findOne(ApiToken, { pk }, { populate: ['organization'] });
      if (!token) throw notFound('API token');
      if (token.revokedAt) return token;
      token.revokedAt = new Date();
      token.revokedBy = memberRefOf(em, viewer);
      record({
        kind: ActivityKind.API_TOKEN_REVOKED,
        visibility: ActivityVisibility.COORDINATORS,
        summary: `${viewer.name} revoked the API token "${token.name}" of ${token.organization.getEntity().name}`,
        actor: viewer.memberPk,
        actorOrganization: viewer.organizationPk,
        snapshot: () => ({ endsSessions: { token: pk } }),
      });
      return token;
    });
  }

  private async touch(em: EntityManager, token: ApiToken): Promise<void> {
    const now = new Date();
    if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
    const stale = new Date(now.getTime() - TOUCH_EVERY_MS);
    // Conditional, so instances racing on one token write once; best effort, never fails a call.
    await em
      .nativeUpdate(
        ApiToken,
        { pk: token.pk, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] },
        { lastUsedAt: now },
      )
      .catch((error: unknown) => log.error({ err: error }, 'could not record an API token use'));
  }
}

/**
 * A retried createApiToken cannot answer like the first: the secret was shown once and only its
 * hash is kept. Rather than make a second token, it names the first, so the tool (or person)
 * can revoke it and create another.
 */
function secretShownOnce(first: ApiToken): never {
  throw new DomainError(
    ErrorCode.CONFLICT,
    `This idempotency key already created the API token "${first.name}" (${first.hint}); its secret was shown only once. Revoke it and create another if the secret was lost.`,
    { field: 'idempotencyKey', reason: 'IDEMPOTENT_SECRET_SHOWN_ONCE', apiTokenId: toGlobalId('ApiToken', first.pk) },
  );
}
