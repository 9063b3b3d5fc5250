import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type WebSocket from 'ws';
import type { Viewer } from '../auth/viewer.js';
import type { Config } from '../config.js';
import { apolloSecurity } from './apollo.js';
import { clientAddressOf } from './client.js';
import { OperationGuard, type ReplayCheck } from './guard.js';
import { graphqlHttp, jsonErrors, securityHeaders } from './http.js';
import { RateLimiter, connectCounters } from './rate-limit.js';
import { ConnectionLimits } from './connections.js';
import { OperationDocuments, guardSubscribe, settleOperation } from './websocket.js';

export type { HttpContext } from './apollo.js';
export type { WsGuardExtra } from './websocket.js';

/**
 * Everything that makes the endpoint safe to expose, built once from the config for `bootstrap`
 * to wire in: headers, CORS and body limits (HTTP), Apollo's options and plugins, graphql-ws's
 * `onSubscribe`, the rate limiter both transports share, and the WebSocket connection limits.
 * `close()` releases their Redis connection.
 */
export async function createSecurity(
  config: Config,
  options: {
    schema: GraphQLSchema;
    streamId: string;
    isReplay?: ReplayCheck;
    /** Told the limit's name each time a rate or connection limit refuses something (metrics). */
    onRefused?: (limit: string) => void;
  },
) {
  const redis = config.redisUrl ? await connectCounters(config.redisUrl) : null;
  const rateLimiter = config.rateLimits
    ? await RateLimiter.create(config.rateLimits, { redis, streamId: options.streamId })
    : null;
  const guard = new OperationGuard(
    options.schema,
    config.limits,
    rateLimiter,
    options.isReplay ?? null,
    options.onRefused,
  );
  const clientAddress = clientAddressOf(config.trustProxy);
  const documents = new OperationDocuments(config, options.schema);
  const connections = new ConnectionLimits(config.limits, clientAddress, options.streamId, redis, options.onRefused);
  return {
    /** Security headers for every response. */
    headers: securityHeaders(),
    /** CORS and the JSON body parser for `/graphql`, before Apollo. */
    graphqlHttp: graphqlHttp(config),
    /** Spread into ApolloServer's options (merge `plugins`). */
    apollo: apolloSecurity(config, guard),
    /** graphql-ws's `onSubscribe`. */
    onSubscribe: guardSubscribe(config, options.schema, guard, documents),
    /** An operation text's parsed document when it is valid (cached; the same check as onSubscribe). */
    validDocument: (query: string) => {
      const entry = documents.check(query);
      return 'document' in entry ? entry.document : null;
    },
    /** graphql-ws's `jsonMessageReviver`: one copy of each operation text for all its subscribers. */
    jsonMessageReviver: documents.reviver,
    /** graphql-ws's `onOperation`: a successful sign-in gives back its rate-limit charges. */
    onOperation: settleOperation(guard),
    /** Last in the chain: errors as GraphQL-shaped JSON (413 for oversized bodies). */
    errors: jsonErrors(config),
    clientAddress,
    /** `ws`'s `verifyClient`: WebSockets per address, refused with HTTP 429. */
    verifyUpgrade: connections.verifyUpgrade,
    /** At `connection_init`: WebSockets per member or API token; false once it closed the socket (4429). */
    admitConnection: (socket: WebSocket, viewer: Viewer | null) => connections.admit(socket, viewer),
    /** The largest WebSocket message accepted (`ws`'s `maxPayload`). */
    maxMessageBytes: config.limits.requestBytes,
    close: async () => {
      await connections.close();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
