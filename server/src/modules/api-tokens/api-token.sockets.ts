import type { WebSocket } from 'ws';

/** graphql-ws's close code for a connection whose credentials are no longer accepted. */
export const CLOSE_FORBIDDEN = 4403;

/**
 * The open WebSockets of each API token on this instance, so that revoking a token ends its
 * live streams at once instead of when they next reconnect.
 */
export class TokenSockets {
  private readonly byToken = new Map<number, Set<WebSocket>>();

  /** Remembers `socket` as `tokenPk`'s until it closes. */
  track(tokenPk: number, socket: WebSocket): void {
    let sockets = this.byToken.get(tokenPk);
    if (!sockets) {
      sockets = new Set();
      this.byToken.set(tokenPk, sockets);
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byToken.get(tokenPk) === sockets) this.byToken.delete(tokenPk);
    });
  }

  /** Closes every socket of `tokenPk` with 4403, as a bad token at connection time would be. */
  closeAll(tokenPk: number): void {
    for (const socket of this.byToken.get(tokenPk) ?? []) socket.close(CLOSE_FORBIDDEN, 'Forbidden');
  }
}
