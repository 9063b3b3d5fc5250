import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { apolloSecurity } from './apollo.js';
import { clientAddressOf } from './client.js';
import { OperationGuard, type ReplayCheck } from './guard.js';
import { graphqlHttp, jsonErrors, securityHeaders } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { guardSubscribe } from './websocket.js';

export type { HttpContext } from './apollo.js';
export type { WsGuardExtra } from './websocket.js';

/**
 * Everything that makes the endpoint safe to expose, built once from the config for `bootstrap`
 * to wire in: headers, CORS and body limits (HTTP), Apollo's options and plugins, graphql-ws's
 * `onSubscribe`, and the rate limiter both transports share. `close()` releases the limiter's
 * Redis connection.
 */
export async function createSecurity(
  config: Config,
  options: { schema: GraphQLSchema; streamId: string; isReplay?: ReplayCheck },
) {
  const rateLimiter = config.rateLimits
    ? await RateLimiter.create(config.rateLimits, { redisUrl: config.redisUrl, streamId: options.streamId })
    : null;
  const guard = new OperationGuard(options.schema, config.limits, rateLimiter, options.isReplay ?? null);
  const clientAddress = clientAddressOf(config.trustProxy);
  return {
    /** Security headers for every response. */
    headers: securityHeaders(),
    /** CORS and the JSON body parser for `/graphql`, before Apollo. */
    graphqlHttp: graphqlHttp(config),
    /** Spread into ApolloServer's options (merge `plugins`). */
    apollo: apolloSecurity(config, guard),
    /** graphql-ws's `onSubscribe`. */
    onSubscribe: guardSubscribe(config, options.schema, guard, clientAddress),
    /** Last in the chain: errors as GraphQL-shaped JSON (413 for oversized bodies). */
    errors: jsonErrors(config),
    clientAddress,
    /** The largest WebSocket message accepted (`ws`'s `maxPayload`). */
    maxMessageBytes: config.limits.requestBytes,
    close: async () => rateLimiter?.close(),
  };
}
