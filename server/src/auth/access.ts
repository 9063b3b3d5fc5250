import { Authorized, Extensions } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { Role } from './roles.js';

/**
 * Who may call an operation, stated on every query, mutation and subscription. The statement
 * is also written into the schema's field extensions (`access`), so `assertAccessDeclared`
 * can refuse to start a server where an operation states nothing.
 */
export function Allow(...roles: readonly Role[]): MethodDecorator {
  const authorized = Authorized(...roles);
  const extensions = Extensions({ access: roles.join(',') });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

/** Open to anyone, signed in or not (residents). Finer rules live in the service. */
export function Public(): MethodDecorator {
  return Extensions({ access: 'PUBLIC' });
}

/** Names of root operations (`Query.x`, `Mutation.y`, …) that declare no access. */
export function undeclaredOperations(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots.flatMap((root) =>
    root
      ? Object.values(root.getFields())
          .filter((f) => typeof f.extensions?.access !== 'string')
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
