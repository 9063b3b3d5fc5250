import { Authorized, Extensions } from 'type-graphql';
import type { GraphQLField, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role } from './roles.js';
import { ALL_SCOPES, type ApiScope } from './scopes.js';
import type { Viewer } from './viewer.js';

/** `scope` extension of an operation open to everyone: any API token may call it too. */
export const ANY_TOKEN = 'ANY';
/** `scope` extension of an operation no API token may call (e.g. managing tokens). */
export const NO_TOKEN = 'NONE';

export interface AllowOptions {
  /** Member roles that may call it. */
  roles: readonly Role[];
  /** The scope an API token needs to call it; `null`: no token may, whatever its scopes. */
  scope: ApiScope | null;
}

/**
 * Who may call an operation, stated on every query, mutation and subscription: member roles,
 * and the scope an API token needs. Both are also written into the schema's field extensions
 * (`access`: the roles, `scope`: the scope, `NONE` or, for public operations, `ANY`), so
 * `assertAccessDeclared` can refuse to start a server where an operation states nothing and the
 * auth checker enforces exactly what the schema says.
 */
export function Allow({ roles, scope }: AllowOptions): MethodDecorator {
  const authorized = Authorized(...roles);
  const extensions = Extensions({ access: roles.join(','), scope: scope ?? NO_TOKEN });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

/**
 * Open to anyone, signed in or not (residents), and to any API token. What a token sees inside
 * the answer still depends on its read scopes (see `hasScope`). Finer rules live in the service.
 */
export function Public(): MethodDecorator {
  return Extensions({ access: 'PUBLIC', scope: ANY_TOKEN });
}

/** What an operation declares, read back from its field extensions. */
export interface Declaration {
  roles: Role[] | 'PUBLIC';
  scope: ApiScope | typeof ANY_TOKEN | typeof NO_TOKEN;
}

const ROLES = new Set<string>(Object.values(Role));
const SCOPES = new Set<string>([...ALL_SCOPES, ANY_TOKEN, NO_TOKEN]);

/** The declaration on a root field, or null when it states nothing usable. */
export function declarationOf(field: GraphQLField<unknown, unknown>): Declaration | null {
  const { access, scope } = field.extensions ?? {};
  if (typeof access !== 'string' || typeof scope !== 'string' || !SCOPES.has(scope)) return null;
  if (access === 'PUBLIC') return scope === ANY_TOKEN ? { roles: 'PUBLIC', scope } : null;
  const roles = access.split(',');
  if (roles.length === 0 || !roles.every((r) => ROLES.has(r)) || scope === ANY_TOKEN) return null;
  return { roles: roles as Role[], scope: scope as Declaration['scope'] };
}

/**
 * Whether `viewer` may call an operation declared so: true, false (a member whose role is not
 * listed: type-graphql's FORBIDDEN), or it throws UNAUTHENTICATED for the public and FORBIDDEN,
 * naming the missing scope, for an API token.
 */
export function mayCall(viewer: Viewer | null, declaration: Declaration): boolean {
  if (declaration.roles === 'PUBLIC') return true;
  if (!viewer) throw unauthenticated();
  if (viewer.kind === 'token') {
    if (declaration.scope === NO_TOKEN) throw forbidden('API tokens may not do this; a member must sign in');
    if (!viewer.scopes.has(declaration.scope as ApiScope)) {
      throw forbidden(`This API token lacks the ${declaration.scope} scope`);
    }
  }
  return declaration.roles.includes(viewer.role);
}

/** type-graphql's auth checker: enforces the declaration of the field being resolved. */
export function checkDeclaredAccess(viewer: Viewer | null, info: GraphQLResolveInfo): boolean {
  const declaration = declarationOf(info.parentType.getFields()[info.fieldName]);
  // Only @Allow reaches the checker, and buildAppSchema refuses undeclared operations.
  if (!declaration) throw new Error(`${info.parentType.name}.${info.fieldName} declares no access`);
  return mayCall(viewer, declaration);
}

/** Names of root operations (`Query.x`, `Mutation.y`, …) that declare no access or no token scope. */
export function undeclaredOperations(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots.flatMap((root) =>
    root
      ? Object.values(root.getFields())
          .filter((f) => declarationOf(f) == null)
          .map((f) => `${root.name}.${f.name}`)
      : [],
  );
}

/** Throws at start-up when an operation was added without saying who may call it. */
export function assertAccessDeclared(schema: GraphQLSchema): void {
  const missing = undeclaredOperations(schema);
  if (missing.length > 0) {
    throw new Error(`These operations do not declare who may call them: ${missing.join(', ')}`);
  }
}
