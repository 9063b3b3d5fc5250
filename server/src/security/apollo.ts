import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { RequestRecord } from '../ops/requests.js';
import { ErrorCode } from '../common/errors.js';
import type { OperationGuard } from './guard.js';
import { limitRules, parseOptions } from './limits.js';
import { variableErrors } from './suggestions.js';
import type { CacheScope } from './result-cache.js';

/**
 * The HTTP context: the shared one, plus the client's address for rate limits, the request's
 * record for the access log (ops/requests.ts) and, with the result cache on, the request's part
 * in it (its `viewer` is then the watched one).
 */
export type HttpContext = Context & { clientAddress: string; request?: RequestRecord; cacheScope?: CacheScope };

/**
 * Apollo's share of the limits. Introspection is governed by the shared validation rules (so
 * HTTP and WebSocket answer alike), not by Apollo's own flag. With it off, "Did you mean …?"
 * hints are dropped too, since they would spell out the schema.
 */
export function apolloSecurity(
  config: Pick<Config, 'limits' | 'introspection'>,
  guard: OperationGuard,
): Pick<
  ApolloServerOptions<HttpContext>,
  'introspection' | 'csrfPrevention' | 'validationRules' | 'parseOptions' | 'hideSchemaDetailsFromClientErrors'
> & { plugins: ApolloServerPlugin<HttpContext>[] } {
  return {
    introspection: true,
    csrfPrevention: true,
    validationRules: limitRules(config.limits, config.introspection),
    parseOptions: parseOptions(config.limits),
    hideSchemaDetailsFromClientErrors: !config.introspection,
    plugins: [
      // Apollo's landing page loads scripts from Apollo's CDN into this origin, where the board
      // keeps its session token.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver to collect cache hints
      // the schema never gives; all it ever concluded was `no-store`, which noStorePlugin sends.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      guardPlugin(guard, config.introspection),
    ],
  };
}

/** Every answer is per viewer and live: `Cache-Control: no-store`, as Apollo's default plugin sent. */
function noStorePlugin(): ApolloServerPlugin<HttpContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/**
 * Runs the guard once the operation is known; a refusal is sent with 400 or 429 + Retry-After.
 * Before it: subscriptions, which HTTP cannot carry, and (with introspection off) variables
 * that do not fit, so that their errors name no field or enum value.
 */
function guardPlugin(guard: OperationGuard, introspection: boolean): ApolloServerPlugin<HttpContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue, operation, schema }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions need the WebSocket at /graphql (graphql-ws protocol)', {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          const [badVariable] = introspection || !operation ? [] : variableErrors(schema, operation, request.variables);
          if (badVariable) {
            throw new GraphQLError(badVariable.message, {
              nodes: badVariable.nodes,
              extensions: { ...badVariable.extensions, http: { status: 400 } },
            });
          }
          const refusal = await guard.check({
            document,
            operationName: request.operationName,
            variables: request.variables,
            viewer: contextValue.viewer,
            address: contextValue.clientAddress,
            idempotencyKey: contextValue.idempotencyKey,
          });
          if (!refusal) return;
          const limited = refusal.extensions.code === ErrorCode.RATE_LIMITED;
          throw new GraphQLError(refusal.message, {
            extensions: {
              ...refusal.extensions,
              http: limited
                ? { status: 429, headers: new HeaderMap([['retry-after', String(refusal.extensions.retryAfter)]]) }
                : { status: 400 },
            },
          });
        },
        async willSendResponse({ document, request, contextValue, response }) {
          if (!document || response.body.kind !== 'single') return;
          await guard.settle(
            {
              document,
              operationName: request.operationName,
              variables: request.variables,
              viewer: contextValue.viewer,
              address: contextValue.clientAddress,
            },
            response.body.singleResult.data,
          );
        },
      };
    },
  };
}
