import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import type { ErrorLike } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws/client';
import type { ConnectionMonitor } from './connection.js';
import { bearer } from './session.js';

/** Same origin in production (the server serves the board) and through Vite's proxy in dev. */
const GRAPHQL_PATH = '/graphql';

/** The WebSocket close code the server uses when it refuses connectionParams.authorization. */
const CLOSE_FORBIDDEN = 4403;

export interface ApolloSessionOptions {
  /** The member's token, or null for the public (resident) view. */
  token: string | null;
  /** Receives graphql-ws connection events for the live indicator. */
  monitor: ConnectionMonitor;
  /** Called when the server rejects the token (expired, revoked); the app signs out. */
  onTokenRejected: () => void;
}

export interface ApolloSession {
  client: ApolloClient;
  /** Closes the WebSocket and stops every query. Call once, when the session ends. */
  dispose: () => void;
}

/**
 * One Apollo client per session (signed out, or signed in with one token). Signing in or out
 * makes a new session rather than mutating headers on a live one: the cache of a member's view
 * (contacts, internal notes) must never leak into the public view, and the WebSocket must
 * reconnect anyway because the server authenticates it once, in `onConnect`.
 */
export function createApolloSession({ token, monitor, onTokenRejected }: ApolloSessionOptions): ApolloSession {
  let disposed = false;
  const rejectToken = (): void => {
    if (disposed || !token) return;
    onTokenRejected();
  };

  const wsClient = createClient({
    url: () => websocketUrl(GRAPHQL_PATH),
    connectionParams: () => (token ? { authorization: bearer(token) } : {}),
    // The board stays open for hours: never give up, but back off up to about half a minute.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries))),
    // Keep the socket through a quick unmount/remount (StrictMode, switching views).
    lazyCloseTimeout: 3_000,
    on: {
      connecting: (isRetry) => monitor.connecting(isRetry),
      connected: () => monitor.connected(),
      closed: (event) => {
        const code = closeCode(event);
        if (disposed) return;
        if (code === CLOSE_FORBIDDEN) rejectToken();
        monitor.closed(code);
      },
    },
  });

  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    headers: token ? { authorization: bearer(token) } : {},
  });

  const errorLink = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) rejectToken();
  });

  const transport = ApolloLink.split(
    ({ query }) => isSubscriptionOperation(query),
    new GraphQLWsLink(wsClient),
    httpLink,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: new InMemoryCache({
      // There is one partnership and its type has no id: a singleton, so a mutation answering
      // with Partnership (updatePartnershipSettings) updates what Query.partnership shows.
      typePolicies: { Partnership: { keyFields: [] } },
    }),
  });

  return {
    client,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      client.stop();
      // dispose() awaits a pending connection attempt and rejects with its close event when that
      // attempt failed (e.g. the server refused the token); there is nothing left to tell anyone.
      void Promise.resolve()
        .then(() => wsClient.dispose())
        .catch(() => undefined);
    },
  };
}

function websocketUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

/** 1 s, 2 s, 4 s … capped at 30 s, with jitter so a restarted server is not hit all at once. */
function backoffMs(retries: number): number {
  const base = Math.min(30_000, 1_000 * 2 ** retries);
  return base / 2 + Math.random() * (base / 2);
}

function closeCode(event: unknown): number {
  if (typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number') {
    return event.code;
  }
  return 1006; // an error rather than a close event: treat it as an abnormal closure
}

function isUnauthenticated(error: ErrorLike): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}
