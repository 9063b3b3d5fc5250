import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../config.js';
import { ErrorCode } from '../common/errors.js';

/** Why an operation was refused before it ran: `extensions.reason` next to BAD_USER_INPUT. */
export enum LimitReason {
  MAX_DEPTH = 'MAX_DEPTH',
  MAX_ALIASES = 'MAX_ALIASES',
  MAX_DIRECTIVES = 'MAX_DIRECTIVES',
  MAX_COST = 'MAX_COST',
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_CONNECTIONS = 'TOO_MANY_CONNECTIONS',
}

/** A refusal a client can act on: BAD_USER_INPUT, the limit broken and its value. */
export function limitError(reason: LimitReason, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, reason, limit } });
}

/**
 * graphql-armor reports through this instead of throwing (`propagateOnRejection: false`), so its
 * refusals are ordinary validation errors on both transports. Its messages start with
 * "Syntax Error:", which they are not.
 */
const reportAs = (reason: LimitReason, limit: number, hint: string) => ({
  n: limit,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(reason, `${error.message.replace(/^Syntax Error: /, '')} ${hint}`, limit)),
  ],
});

/**
 * Validation rules added to graphql-js's own, the same for HTTP (Apollo) and WebSocket
 * (graphql-ws): depth (fragments add no level), aliases, directives, and introspection when it
 * is turned off.
 */
export function limitRules(limits: QueryLimits, introspection: boolean): ValidationRule[] {
  return [
    maxDepthRule({
      ...reportAs(LimitReason.MAX_DEPTH, limits.depth, 'Ask for less nested data.'),
      flattenFragments: true,
    }),
    maxAliasesRule(reportAs(LimitReason.MAX_ALIASES, limits.aliases, 'Send fewer aliased fields per operation.')),
    maxDirectivesRule(reportAs(LimitReason.MAX_DIRECTIVES, limits.directives, 'Use fewer directives.')),
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** Parser limits: graphql-js stops reading a document past `tokens` tokens. */
export const parseOptions = (limits: QueryLimits): ParseOptions => ({ maxTokens: limits.tokens });
