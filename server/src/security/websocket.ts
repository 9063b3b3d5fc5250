import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.js';
import type { Viewer } from '../auth/viewer.js';
import type { OperationGuard } from './guard.js';
import { LimitReason, limitError, limitRules, parseOptions } from './limits.js';
import { variableErrors, withoutSuggestions } from './suggestions.js';

/** What the WebSocket adapter keeps per connection that the guard needs. */
export type WsGuardExtra = {
  /** The client's address (after TRUST_PROXY), taken at the upgrade; the request itself is not kept. */
  readonly address: string;
  viewer?: Viewer | null;
};

type Checked = { query: string; document: DocumentNode } | { query: string; errors: readonly GraphQLError[] };

/**
 * Operation texts sent over WebSockets, each parsed and validated once. Thousands of boards send
 * the same few operations: they share one document (the live fan-out groups subscribers by it)
 * and, through `reviver`, one copy of the text instead of one per subscription.
 */
export class OperationDocuments {
  private readonly cache = new LRUCache<string, Checked>({ max: 500 });
  private readonly rules: ValidationRule[];

  constructor(
    private readonly config: Pick<Config, 'limits' | 'introspection'>,
    private readonly schema: GraphQLSchema,
  ) {
    this.rules = [...specifiedRules, ...limitRules(config.limits, config.introspection)];
  }

  /** graphql-ws's `jsonMessageReviver`: a known operation text is replaced by the cached copy. */
  readonly reviver = (key: string, value: unknown): unknown =>
    key === 'query' && typeof value === 'string' ? (this.cache.peek(value)?.query ?? value) : value;

  check(query: string): Checked {
    let entry = this.cache.get(query);
    if (!entry) {
      entry = this.parseAndValidate(query);
      this.cache.set(query, entry);
    }
    return entry;
  }

  private parseAndValidate(query: string): Checked {
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions(this.config.limits));
    } catch (error) {
      return {
        query,
        errors: [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed')],
      };
    }
    const invalid = validate(this.schema, document, this.rules);
    if (invalid.length > 0) {
      return { query, errors: this.config.introspection ? invalid : invalid.map(withoutSuggestions) };
    }
    return { query, document };
  }
}

/**
 * graphql-ws's `onSubscribe`: the same limits as HTTP for every operation sent over a socket
 * (subscriptions, and queries or mutations, which graphql-ws also runs). Refusals go back as
 * that operation's `error` message; the connection stays open. Message size is capped by the
 * socket itself (`maxPayload`: the client sees close code 1009).
 */
export function guardSubscribe(
  config: Pick<Config, 'limits' | 'introspection'>,
  schema: GraphQLSchema,
  guard: OperationGuard,
  documents: OperationDocuments,
) {
  const max = config.limits.subscriptions;
  return async (
    ctx: WsContext<Record<string, unknown>, WsGuardExtra>,
    _id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    // graphql-ws reserves the new operation's id before calling this hook, so it is counted.
    if (Object.keys(ctx.subscriptions).length > max) {
      return [
        limitError(
          LimitReason.TOO_MANY_SUBSCRIPTIONS,
          `This connection already runs ${max} operations, the limit; complete one before starting another.`,
          max,
        ),
      ];
    }
    const entry = documents.check(payload.query);
    if ('errors' in entry) return entry.errors;
    const { document } = entry;
    const operation = config.introspection ? null : getOperationAST(document, payload.operationName);
    const badVariables = operation ? variableErrors(schema, operation, payload.variables) : [];
    if (badVariables.length > 0) return badVariables;
    const refusal = await guard.check({
      document,
      operationName: payload.operationName,
      variables: payload.variables,
      viewer: ctx.extra.viewer ?? null,
      address: ctx.extra.address,
    });
    if (refusal) return [refusal];
    // No contextValue: graphql-ws builds it with the server's `context` option.
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}

/**
 * graphql-ws's `onOperation`: settles a mutation's rate-limit charges once it ran (a successful
 * sign-in gives its charges back; see OperationGuard.settle). Returns nothing: the result goes out as is.
 */
export function settleOperation(guard: OperationGuard) {
  return async (
    ctx: WsContext<Record<string, unknown>, WsGuardExtra>,
    _id: string,
    _payload: SubscribePayload,
    args: ExecutionArgs,
    result: unknown,
  ): Promise<undefined> => {
    if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return undefined;
    await guard.settle(
      {
        document: args.document,
        operationName: args.operationName,
        variables: args.variableValues,
        viewer: ctx.extra.viewer ?? null,
        address: ctx.extra.address,
      },
      (result as ExecutionResult).data,
    );
    return undefined;
  };
}
