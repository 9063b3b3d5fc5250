import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { TestServer } from './server.js';

/** The server's schema as a client sees it, through introspection. */
export async function introspect(server: TestServer): Promise<GraphQLSchema> {
  const res = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
  if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}

/**
 * The largest selection of `type` a client can write: every field, and below every object,
 * interface or union field its own largest selection, through every possible type of an
 * interface or union. A type already on the path is not entered again (the selection would be
 * infinite); `__typename` is selected everywhere so inline fragments are never empty. Inside an
 * inline fragment fields are aliased `Type_field`, since two possible types may have fields of
 * one name and different types. Fields that need arguments are left out (no field below the
 * roots takes any today).
 */
export function fullSelection(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  path: string[] = [],
  alias = false,
): string {
  if (isLeafType(type)) return '';
  const onPath = [...path, type.name];
  if (isInterfaceType(type) || isUnionType(type)) {
    const fragments = schema
      .getPossibleTypes(type)
      .filter((t) => !path.includes(t.name))
      .map((t) => `... on ${t.name} ${fullSelection(schema, t, onPath, true)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields())
    .filter((f) => !f.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined))
    .flatMap((f) => {
      const named = getNamedType(f.type);
      const name = alias ? `${type.name}_${f.name}: ${f.name}` : f.name;
      if (isLeafType(named)) return [name];
      if (onPath.includes(named.name)) return [];
      return [`${name} ${fullSelection(schema, named, onPath)}`];
    });
  return `{ __typename ${fields.join(' ')} }`;
}

/** The largest selection of what root field `Root.field` returns. */
export function fullSelectionOf(schema: GraphQLSchema, root: 'Query' | 'Subscription', field: string): string {
  const rootType = root === 'Query' ? schema.getQueryType() : schema.getSubscriptionType();
  const target = rootType?.getFields()[field];
  if (!target) throw new Error(`${root}.${field} is not in the schema`);
  return fullSelection(schema, getNamedType(target.type), [root]);
}
