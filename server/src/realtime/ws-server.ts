import type { WebSocketServer } from 'ws';
import WebSocket from 'ws';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';

/**
 * What each connection keeps for the hooks: its socket and the client's address. Not the upgrade
 * request (graphql-ws's own adapter keeps it): at city scale that is kilobytes per connection.
 */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly address: string;
}

/**
 * graphql-ws on a `ws` server: graphql-ws's own `use/ws` adapter (which its authors invite
 * projects to copy), changed in how it treats a client that goes away. A socket that drops
 * while a fan-out is writing to it (a phone losing signal, a tab killed, a client resetting
 * the connection) makes pending writes fail with `ECONNRESET`, `EPIPE` or "write after
 * destroy". graphql-ws turns each failed write into an operation error that the server logs
 * with a stack trace: thousands of them for one busy disconnect. Here a write to a socket
 * that is no longer open simply ends, a protocol error from the client is one log line, and
 * only failures while the socket is still open are logged in full.
 *
 * Same options as graphql-ws's `useServer`, and the same keep-alive (a ping every `keepAlive` ms,
 * dropped without a pong by the next one) from one timer for all sockets instead of one per
 * connection. `dispose()` closes every socket with 1012 (service restart) and stops the server.
 */
export function useServer<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, SocketExtra & Partial<E>> & {
    isProd: boolean;
    /** The client's address from the upgrade request, kept instead of the request itself. */
    addressOf: (request: IncomingMessage) => string;
  },
  ws: WebSocketServer,
  keepAlive = 12_000,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  const closeReason = (error: unknown) =>
    options.isProd ? 'Internal server error' : limit(error instanceof Error ? error.message : String(error));
  ws.options.handleProtocols = handleProtocols;
  ws.once('error', (error) => {
    console.error('[bridgeboard] WebSocket server error:', error);
    for (const client of ws.clients) client.close(CloseCode.InternalServerError, closeReason(error));
  });

  // One heartbeat for all sockets (not a timer per connection): each tick pings every socket
  // that answered the previous ping and drops those that did not, the peer gone without a word.
  const answered = new WeakSet<WebSocket>();
  const heartbeat =
    keepAlive > 0 && Number.isFinite(keepAlive)
      ? setInterval(() => {
          for (const socket of ws.clients) {
            if (socket.readyState !== WebSocket.OPEN) continue;
            if (!answered.has(socket)) {
              socket.terminate();
              continue;
            }
            answered.delete(socket);
            socket.ping();
          }
        }, keepAlive)
      : null;
  heartbeat?.unref();
  function markAnswered(this: WebSocket) {
    answered.add(this);
  }

  ws.on('connection', (socket, request) => {
    // `ws` emits 'error' only for what the client sent (an oversized or malformed frame) and
    // closes the socket itself with the matching code (1009, 1002, …): the client's mistake.
    socket.on('error', clientError);
    answered.add(socket);
    socket.on('pong', markAnswered);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            // A write that fails because the peer went away is no error of the operation.
            socket.send(data, (error) => (error && !gone(socket, error) ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          // Not an async listener: graphql-ws keeps a subscription's handling suspended for as
          // long as it runs, and an await here would keep this frame (and the message) with it.
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              if (gone(socket, error)) return; // it failed because the client left
              console.error('[bridgeboard] WebSocket message handling failed:', error);
              socket.close(CloseCode.InternalServerError, closeReason(error));
            });
          }),
      },
      { socket, address: options.addressOf(request) } as SocketExtra & Partial<E>,
    );

    socket.once('close', (code, reason) => {
      answered.delete(socket);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      if (heartbeat) clearInterval(heartbeat);
      // 1012 Service Restart: graphql-ws clients (the board's, the README's) reconnect, reaching
      // another instance through the load balancer, and resume with `after`.
      for (const client of ws.clients) client.close(1012, 'Service restart');
      ws.removeAllListeners();
      const closed = new Promise<void>((resolve, reject) => ws.close((error) => (error ? reject(error) : resolve())));
      // A peer that never answers the close frame is not waited for (ws itself would wait 30 s).
      const stragglers = setTimeout(() => {
        for (const client of ws.clients) client.terminate();
      }, CLOSE_HANDSHAKE_MS);
      await closed.finally(() => clearTimeout(stragglers));
    },
  };
}

/** How long `dispose()` waits for peers to answer the close frame before cutting their sockets. */
const CLOSE_HANDSHAKE_MS = 3000;

function clientError(error: Error & { code?: string }) {
  console.warn(`[bridgeboard] WebSocket closed: ${error.code ?? 'error'}: ${error.message}`);
}

// What a write to a peer that has gone away fails with. The callback of the write that meets the
// reset runs before `ws` has marked the socket closing, so the code tells, not the state.
const DISCONNECTS = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);

/** Whether `error` only says that the client is no longer there. */
function gone(socket: WebSocket, error: unknown): boolean {
  if (socket.readyState !== WebSocket.OPEN) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && DISCONNECTS.has(code);
}

/** A close reason fits in 123 bytes. */
function limit(reason: string): string {
  return Buffer.byteLength(reason) > 123 ? 'Internal server error' : reason;
}
