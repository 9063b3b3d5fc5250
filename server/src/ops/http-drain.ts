import type http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Lets an HTTP server finish what it is doing before it stops: attach it before the server
 * listens, call `drain()` once at shutdown. Unlike Apollo's drain plugin (which ends every socket
 * without a request, WebSockets included, before they can be told to reconnect), upgraded sockets
 * are left alone here: their owner closes them with its own code once the requests are done.
 */
export class HttpDrain {
  private readonly inFlight = new Set<http.ServerResponse>();
  private draining = false;
  private idle: (() => void) | null = null;
  private closed: Promise<void> | null = null;

  constructor(private readonly server: http.Server) {
    server.on('request', (_req, res) => {
      this.inFlight.add(res);
      // A request on a kept-alive socket during the drain is served, then its socket closes.
      if (this.draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        if (!this.draining) return;
        // A response already under way when the drain began kept its socket alive: close it now
        // it is idle (on the next tick, once the server has marked it so).
        setImmediate(() => server.closeIdleConnections());
        if (this.inFlight.size === 0) this.idle?.();
      });
    });
  }

  /**
   * Stops accepting connections (new ones are refused), closes idle kept-alive ones, and waits
   * for the requests in flight to finish, for at most `graceMs`; those still running then are cut.
   * Resolves with how many were cut. WebSockets stay open (see `closed()`).
   */
  async drain(graceMs: number): Promise<number> {
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    this.closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight.size > 0) {
      const idle = new Promise<void>((resolve) => (this.idle = resolve));
      const grace = new AbortController();
      await Promise.race([idle, delay(graceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
      grace.abort();
    }
    const cut = this.inFlight.size;
    // Every HTTP connection left, never the upgraded ones (Node leaves those to their owner).
    if (cut > 0) this.server.closeAllConnections();
    return cut;
  }

  /**
   * Resolves once every connection has closed, WebSockets included (after `drain()`), or after
   * `timeoutMs`, cutting what is left then.
   */
  async whenClosed(timeoutMs = 5000): Promise<void> {
    const late = new AbortController();
    const timedOut = await Promise.race([
      this.closed?.then(() => false),
      delay(timeoutMs, true, { signal: late.signal }).catch(() => false),
    ]);
    late.abort();
    if (timedOut) this.server.closeAllConnections();
  }
}
