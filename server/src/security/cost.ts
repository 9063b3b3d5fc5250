import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/relay.js';

// The CommonJS build, required: the ESM build imports `graphql/index.mjs`, a second copy of
// graphql next to the one the schema is built with ("from another module or realm"), and ESM
// loaders disagree on what a default import of the CommonJS build is.
const complexity = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

/** How many items an unpaged list (an issue's updates, an event's RSVPs, …) is assumed to hold. */
export const LIST_SIZE_GUESS = 10;

/** Selections visited (fragments expanded) before giving up: bounds the work of costing itself. */
const MAX_VISITED_NODES = 10_000;

/**
 * Roughly the number of objects resolving a field may produce: scalars and enums come with their
 * object (0), an object field 1 plus what is selected below it, a paged field (`first`) that many
 * times over, any other list `LIST_SIZE_GUESS` times. Lists inside a connection (`edges`) are
 * already counted by the connection's `first`. Introspection costs nothing.
 */
export const objectCountEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  if (isLeafType(getNamedType(field.type))) return 0;
  return itemsOf(type.name, field, args) * (1 + childComplexity);
};

function itemsOf(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((arg) => arg.name === 'first')) {
    // An out-of-range `first` is refused by the resolver with its own message; cost it at the cap.
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
  }
  if (isListType(getNullableType(field.type)) && !parentType.endsWith('Connection')) return LIST_SIZE_GUESS;
  return 1;
}

export type CostResult = { cost: number } | { tooLarge: true } | { invalidVariables: true };

/**
 * The cost of the operation `operationName` selects in `document` (already validated). A field's
 * own `complexity` (type-graphql's `@Field({ complexity })`) wins over the estimate. Variables
 * that do not fit their types are reported by execution, not here.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): CostResult {
  try {
    const cost = complexity.getComplexity({
      schema,
      query: document,
      operationName,
      variables: variables ?? {},
      estimators: [complexity.fieldExtensionsEstimator(), objectCountEstimator],
      maxQueryNodes: MAX_VISITED_NODES,
    });
    return { cost };
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return { tooLarge: true };
    }
    if (error instanceof GraphQLError) return { invalidVariables: true };
    throw error;
  }
}
