import { createClient } from 'graphql-ws';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/** The Authorization header from GraphiQL's headers editor, if it holds a usable one. */
export function authorizationOf(headers: Record<string, unknown> | undefined): string | null {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  const value = typeof entry?.[1] === 'string' ? entry[1].trim() : '';
  // The template's empty "Bearer " sends nothing rather than a header the server refuses.
  return value === '' || /^bearer$/i.test(value) ? null : value;
}

/**
 * GraphiQL's fetcher for this server: queries and mutations over HTTP POST with the editor's
 * headers, subscriptions over graphql-ws on the same path, signed in with the editor's
 * Authorization header as `connectionParams.authorization`. One socket per header value, opened
 * on the first subscription.
 */
export function bridgeboardFetcher(origin: URL): Fetcher {
  const url = new URL('/graphql', origin).href;
  const wsUrl = url.replace(/^http/, 'ws');
  const fetchers = new Map<string, Fetcher>();
  const fetcherFor = (authorization: string | null): Fetcher => {
    const key = authorization ?? '';
    let fetcher = fetchers.get(key);
    if (!fetcher) {
      const wsClient = createClient({
        url: wsUrl,
        lazy: true,
        connectionParams: authorization ? { authorization } : {},
      });
      fetcher = createGraphiQLFetcher({ url, wsClient });
      fetchers.set(key, fetcher);
    }
    return fetcher;
  };
  return (params, options) => {
    const headers: Record<string, unknown> = { ...(options?.headers ?? {}) };
    const authorization = authorizationOf(headers);
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    if (authorization) headers.Authorization = authorization;
    return fetcherFor(authorization)(params, { ...options, headers });
  };
}
