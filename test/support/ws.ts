import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { TestServer } from './server.js';

/** The first result (or refusal) of one operation over a graphql-ws client. */
export function once(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ data?: any; errors?: any[] }>((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          stop();
          resolve(value as { data?: any; errors?: any[] });
        },
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [error] }),
        complete: () => resolve({}),
      },
    );
  });
}

/** Resolves with the close code of `client`'s next close. */
export function nextClose(client: Client): Promise<number> {
  return new Promise((resolve) => {
    const off = client.on('closed', (event) => {
      off();
      resolve((event as { code: number }).code);
    });
  });
}

/**
 * Connects with `authorization` as the raw `connectionParams.authorization` value, tries a
 * subscription, and returns the code the server closed the socket with (or 0 if it accepted).
 */
export async function wsCloseCode(server: TestServer, authorization: unknown): Promise<number> {
  const client = createClient({
    url: server.app.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    const closed = nextClose(client);
    const result = await once(client, '{ latestSeq }');
    if (result.data) return 0;
    return await closed;
  } finally {
    await client.dispose();
  }
}
