import { GraphQLError, Kind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';

/** The mutations that take an idempotency key (an `idempotencyKey` input field or argument). */
export const KEYED_MUTATIONS: ReadonlySet<string> = new Set([
  'reportIssue',
  'addIssueUpdate',
  'createEvent',
  'rsvpEvent',
  'createOrganization',
  'createMember',
  'createApiToken',
  'createNeighborhood',
]);

/**
 * The `Idempotency-Key` header names one change, so it is accepted only on an operation that is
 * exactly one keyed mutation; anywhere else it would be ambiguous (which of two reports does it
 * guard?) or meaningless, and silently ignoring it would let a client believe it is protected.
 */
export function idempotencyHeaderPlugin<T extends Context>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.idempotencyKey == null || !operation) return;
          const selections = operation.selectionSet.selections;
          const only = selections.length === 1 ? selections[0] : null;
          const fits =
            operation.operation === 'mutation' && only?.kind === Kind.FIELD && KEYED_MUTATIONS.has(only.name.value);
          if (fits) return;
          throw new GraphQLError(
            `The Idempotency-Key header applies to an operation with a single creating mutation (${[...KEYED_MUTATIONS].join(', ')}); use the idempotencyKey field of each mutation instead`,
            {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                field: 'Idempotency-Key',
                reason: 'IDEMPOTENCY_HEADER_NOT_APPLICABLE',
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}
