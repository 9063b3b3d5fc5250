import type { EntityManager, Ref } from '@mikro-orm/core';
import { Role } from './roles.js';
import type { ApiScope } from './scopes.js';
import { Member } from '../modules/members/member.entity.js';
import { unauthenticated } from '../common/errors.js';
import { passwordStamp, type TokenService } from './tokens.js';
import type { ApiTokenService } from '../modules/api-tokens/api-token.service.js';

interface ViewerBase {
  /** The member's name, or the API token's name. */
  name: string;
  /** What the caller may do. An API token acts as OFFICER for the agency's tokens, PARTNER otherwise; never COORDINATOR. */
  role: Role;
  organizationPk: number;
  organizationName: string;
}

/** A signed-in person. */
export interface MemberViewer extends ViewerBase {
  kind: 'member';
  memberPk: number;
  /** When the session token this viewer came from expires (ms since the epoch), if known. */
  sessionExpiresAt?: number;
}

/**
 * Another tool, calling with an API token. It acts as a member of the token's organization
 * would, but only within its scopes, and it never sees a resident's contact details.
 */
export interface TokenViewer extends ViewerBase {
  kind: 'token';
  tokenPk: number;
  scopes: ReadonlySet<ApiScope>;
}

/** Who makes a request; `null` in a context means a resident (public). */
export type Viewer = MemberViewer | TokenViewer;

/** How `Authorization` values are checked: member session tokens and API tokens (`bbt_…`). */
export interface Credentials {
  sessions: TokenService;
  apiTokens: ApiTokenService;
}

/**
 * Resolves an `Authorization` value ("Bearer <token>") to a viewer. Absent: null (public).
 * Present but forged, expired, revoked or for a removed member: UNAUTHENTICATED, never
 * silently public.
 */
export async function viewerFromAuthorization(
  em: EntityManager,
  credentials: Credentials,
  authorization: unknown,
): Promise<Viewer | null> {
  if (authorization == null || authorization === '') return null;
  if (typeof authorization !== 'string') throw unauthenticated('The authorization value must be "Bearer <token>"');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The authorization value must be "Bearer <token>"');
  const token = match[1];
  if (credentials.apiTokens.looksLikeApiToken(token)) {
    const viewer = await credentials.apiTokens.authenticate(token);
    if (!viewer) throw unauthenticated('This API token is unknown or has been revoked');
    return viewer;
  }
  const claims = await credentials.sessions.verify(token);
  if (!claims) throw unauthenticated('Your session token is invalid or has expired; sign in again');
  const member = await em.findOne(Member, { pk: claims.memberPk }, { populate: ['organization', 'passwordHash'] });
  if (!member) throw unauthenticated('Your account no longer exists');
  if (member.deactivatedAt) throw unauthenticated('Your account has been deactivated');
  if (passwordStamp(member.passwordHash) !== claims.passwordStamp) {
    throw unauthenticated('Your password was changed since you signed in; sign in again');
  }
  return { ...viewerOf(member), sessionExpiresAt: claims.expiresAt };
}

export const viewerOf = (member: Member): MemberViewer => ({
  kind: 'member',
  memberPk: member.pk,
  name: member.name,
  role: member.role,
  organizationPk: member.organization.unwrap().pk,
  organizationName: member.organization.getEntity().name,
});

export const isStaff = (viewer: Viewer | null): boolean =>
  viewer?.role === Role.COORDINATOR || viewer?.role === Role.OFFICER;

/**
 * Whether the caller may see or do what `scope` covers beyond what the public may: members
 * always (their role decides the rest), an API token only when it holds the scope, the public
 * never. Resolvers ask this before showing members-only data.
 */
export const hasScope = (viewer: Viewer | null, scope: ApiScope): boolean =>
  viewer != null && (viewer.kind === 'member' || viewer.scopes.has(scope));

/** The signed-in member's key; null for the public and for API tokens. */
export const memberPkOf = (viewer: Viewer | null): number | null =>
  viewer?.kind === 'member' ? viewer.memberPk : null;

/** The signed-in member as an author or actor reference; null for the public and API tokens. */
export const memberRefOf = (em: EntityManager, viewer: Viewer | null): Ref<Member> | null => {
  const pk = memberPkOf(viewer);
  return pk == null ? null : em.getReference(Member, pk, { wrapped: true });
};

/**
 * What about a viewer can change what they are shown, apart from who exactly they are: their
 * kind, role and organization, and a token's scopes. Two viewers of one class see the same
 * answer to the same operation unless a resolver reads their identity (see `classViewer`), so
 * live changes are executed once per class and operation. Never merge across it.
 */
export function visibilityClass(viewer: Viewer | null): string {
  if (!viewer) return 'public';
  if (viewer.kind === 'member') return `member:${viewer.role}:${viewer.organizationPk}`;
  return `token:${viewer.role}:${viewer.organizationPk}:${[...viewer.scopes].sort().join(',')}`;
}

/** Who exactly a viewer is, for answers that depend on it (a member's own email). */
export function identityOf(viewer: Viewer | null): string {
  if (!viewer) return 'public';
  return viewer.kind === 'member'
    ? `member:${viewer.memberPk}:${viewer.sessionExpiresAt ?? ''}`
    : `token:${viewer.tokenPk}`;
}

const CLASS_FIELDS = new Set<PropertyKey>(['kind', 'role', 'organizationPk', 'organizationName', 'scopes']);

/** Thrown by a class viewer when a resolver asks who exactly the viewer is. */
export class IdentityRequired extends Error {
  override name = 'IdentityRequired';
}

/**
 * `viewer` as its visibility class: the class's fields read as usual, and reading anything else
 * (`memberPk`, `name`, `tokenPk`, …) calls `onIdentity` and throws `IdentityRequired`, so an
 * answer executed once for a class can never carry one member's identity to another. The live
 * fan-out then executes that operation per identity instead.
 */
export function classViewer(viewer: Viewer | null, onIdentity: () => void): Viewer | null {
  if (!viewer) return null;
  return new Proxy(viewer, {
    get(target, property, receiver) {
      if (CLASS_FIELDS.has(property) || !(property in target)) return Reflect.get(target, property, receiver);
      onIdentity();
      throw new IdentityRequired(`This answer depends on who the viewer is (${String(property)})`);
    },
  });
}

/**
 * `viewer` as itself, but reading anything beyond its visibility class (`memberPk`, `name`,
 * `tokenPk`, `sessionExpiresAt`, …) calls `onIdentity` first: the same line `classViewer` draws,
 * for answers that are executed for the viewer and may be shared with its class afterwards (the
 * result cache, security/result-cache.ts). An answer whose execution never called `onIdentity`
 * depends on the class alone. Build every per-request helper that keeps the viewer (loaders,
 * the contact log) from the watched viewer, or its reads go unseen.
 */
export function watchIdentity(viewer: Viewer | null, onIdentity: () => void): Viewer | null {
  if (!viewer) return null;
  return new Proxy(viewer, {
    get(target, property, receiver) {
      if (!CLASS_FIELDS.has(property) && property in target) onIdentity();
      return Reflect.get(target, property, receiver);
    },
    // Spreading or serializing the viewer copies who it is.
    ownKeys(target) {
      onIdentity();
      return Reflect.ownKeys(target);
    },
  });
}
