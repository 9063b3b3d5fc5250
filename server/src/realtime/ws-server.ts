import type { RawData, WebSocketServer } from 'ws';
import WebSocket from 'ws';
import {
  CloseCode,
  MessageType,
  handleProtocols,
  makeServer,
  parseMessage,
  type Context as WsContext,
  type Message,
  type ServerOptions,
  type SubscribePayload,
} from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import { subscribeLive } from './ws-subscribe.js';
import { log, withLogScope } from '../ops/log.js';
import type { Metrics } from '../ops/metrics.js';
import { observeSocketOperations } from '../ops/operations.js';

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
 *
 * A `subscribe` for a live stream (`live(payload)` is true: the fan-out writes its payloads
 * itself) is served by `subscribeLive` with the same hooks and messages as graphql-ws, holding
 * far less per open operation; everything else goes to graphql-ws. Per connection it keeps one
 * object (the connection, which is also graphql-ws's `extra`) and no closures of its own.
 */
export function useServer<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, SocketExtra & Partial<E>> & {
    isProd: boolean;
    /** The client's address from the upgrade request, kept instead of the request itself. */
    addressOf: (request: IncomingMessage) => string;
    /** Each operation counted and logged with its request id, name, outcome and duration. */
    metrics?: Metrics;
    /** Whether a `subscribe` is for a live stream, served by `subscribeLive` (must be cheap: cached). */
    live?: (payload: SubscribePayload) => boolean;
  },
  ws: WebSocketServer,
  keepAlive = 12_000,
): { dispose(): Promise<void> } {
  const initWait = options.connectionInitWaitTimeout ?? 3_000;
  // Metrics and logs wrap the hooks once; live streams served here go through the same ones.
  const observed = options.metrics ? observeSocketOperations(options, options.metrics) : options;
  const onConnect = observed.onConnect;
  const server = makeServer({
    ...observed,
    // The wait for `connection_init` is the sweep below, not a timer per connection.
    connectionInitWaitTimeout: 0,
    onConnect: async (ctx) => {
      const connection = ctx.extra as unknown as Connection;
      connection.ctx = ctx as unknown as Connection['ctx'];
      waiting.delete(connection);
      try {
        return await onConnect?.(ctx);
      } finally {
        // Read at connection_init only; kept, a token would stay in memory as long as the socket.
        delete (ctx as { connectionParams?: unknown }).connectionParams;
      }
    },
  });
  // Connections still to send `connection_init`, closed with 4408 once they waited `initWait`
  // (graphql-ws's rule), by one sweep for all instead of a timer per connection.
  const waiting = new Map<Connection, number>();
  const initSweep =
    initWait > 0 && Number.isFinite(initWait)
      ? setInterval(
          () => {
            const now = Date.now();
            for (const [connection, openedAt] of waiting) {
              if (now - openedAt < initWait) break; // in the order they opened
              waiting.delete(connection);
              connection.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
            }
          },
          Math.min(1_000, initWait / 3),
        )
      : null;
  initSweep?.unref();
  const closeReason = (error: unknown) =>
    options.isProd ? 'Internal server error' : limit(error instanceof Error ? error.message : String(error));
  ws.options.handleProtocols = handleProtocols;
  ws.once('error', (error) => {
    log.error({ err: error }, 'WebSocket server error');
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

  const connections = new WeakMap<WebSocket, Connection>();
  const live = options.live;
  const reviver = options.jsonMessageReviver;
  const liveOptions = observed as unknown as Parameters<typeof subscribeLive>[0];

  // Shared listeners (this: the socket), not closures per connection.
  function markAnswered(this: WebSocket) {
    answered.add(this);
  }
  function onMessage(this: WebSocket, data: RawData) {
    // Each message in its own log scope: an operation's lines carry its request id.
    withLogScope(() => handleMessage(this, data));
  }
  function handleMessage(socket: WebSocket, data: RawData) {
    const connection = connections.get(socket);
    if (!connection?.handle) return;
    let message: string | Message = String(data);
    const ctx = connection.ctx;
    if (live && ctx?.acknowledged) {
      try {
        message = parseMessage(message, reviver);
      } catch {
        // graphql-ws answers it (4400 Invalid message received)
      }
      if (typeof message === 'object' && message.type === MessageType.Subscribe) {
        // A duplicate id is left to graphql-ws (4409); a live stream is served here.
        if (!(message.id in ctx.subscriptions) && live(message.payload)) {
          const failed = (error: unknown) => connection.failed(error);
          subscribeLive(liveOptions, ctx, connection, message, failed).catch(failed);
          return;
        }
      }
    }
    // graphql-ws parses a string, and takes an already parsed message as it is.
    connection.handle(message as string).catch((error: unknown) => connection.failed(error));
  }
  function onClose(this: WebSocket, code: number, reason: Buffer) {
    answered.delete(this);
    const connection = connections.get(this);
    connections.delete(this);
    if (connection) waiting.delete(connection);
    void connection?.closed?.(code, String(reason));
  }

  ws.on('connection', (socket, request) => {
    // `ws` emits 'error' only for what the client sent (an oversized or malformed frame) and
    // closes the socket itself with the matching code (1009, 1002, …): the client's mistake.
    socket.on('error', clientError);
    answered.add(socket);
    socket.on('pong', markAnswered);
    const connection = new Connection(socket, options.addressOf(request), closeReason);
    connections.set(socket, connection);
    waiting.set(connection, Date.now());
    socket.on('message', onMessage);
    socket.once('close', onClose);
    connection.closed = server.opened(connection, connection as unknown as SocketExtra & Partial<E>);
  });

  return {
    async dispose() {
      if (heartbeat) clearInterval(heartbeat);
      if (initSweep) clearInterval(initSweep);
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

/**
 * One connection: graphql-ws's socket (`send`, `close`, `onMessage`) and its `extra` in one
 * object, plus graphql-ws's context once `connection_init` arrived.
 */
class Connection {
  readonly protocol: string;
  handle: ((data: string) => Promise<void>) | null = null;
  closed: ((code: number, reason: string) => Promise<void>) | null = null;
  ctx: WsContext<Record<string, unknown> | undefined, Record<PropertyKey, unknown>> | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly address: string,
    private readonly closeReason: (error: unknown) => string,
  ) {
    this.protocol = socket.protocol;
  }

  send(data: string): Promise<void> {
    const socket = this.socket;
    return new Promise<void>((resolve, reject) => {
      if (socket.readyState !== WebSocket.OPEN) return resolve();
      // A write that fails because the peer went away is no error of the operation.
      socket.send(data, (error) => (error && !gone(socket, error) ? reject(error) : resolve()));
    });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    // Not an async listener: graphql-ws keeps an operation's handling suspended for as long as
    // it runs, and an await here would keep this frame (and the message) with it.
    this.handle = handle;
  }

  /** Message handling failed: logged and the socket closed with 1011, unless the client left. */
  failed(error: unknown): void {
    if (gone(this.socket, error)) return; // it failed because the client left
    log.error({ err: error }, 'WebSocket message handling failed');
    this.socket.close(CloseCode.InternalServerError, this.closeReason(error));
  }
}

/** How long `dispose()` waits for peers to answer the close frame before cutting their sockets. */
const CLOSE_HANDSHAKE_MS = 3000;

function clientError(error: Error & { code?: string }) {
  log.warn(
    { code: error.code ?? 'error', reason: error.message },
    'WebSocket closed after a protocol error from the client',
  );
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
