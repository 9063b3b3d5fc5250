import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../common/errors.js';
import type { OperationGuard } from './guard.js';
import { limitRules, parseOptions } from './limits.js';

/** The HTTP context: the shared one, plus the client's address for rate limits. */
export type HttpContext = Context & { clientAddress: string };

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
      guardPlugin(guard),
    ],
  };
}

/** Runs the guard once the operation is known; a refusal is sent with 400 or 429 + Retry-After. */
function guardPlugin(guard: OperationGuard): ApolloServerPlugin<HttpContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
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
      };
    },
  };
}
