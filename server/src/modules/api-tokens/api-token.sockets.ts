import type { WebSocket } from 'ws';
import type { Viewer } from '../../auth/viewer.js';

/** graphql-ws's close code for a connection whose credentials are no longer accepted. */
export const CLOSE_FORBIDDEN = 4403;

/** How often sessions that expired are looked for (a session ends within this after its expiry). */
const EXPIRY_SWEEP_MS = 1_000;

/**
 * The open WebSockets on this instance of each API token and of each signed-in member, so that
 * revoking a token, or deactivating a member or changing their password, role or organization,
 * ends their live streams at once instead of when they next reconnect.
 */
export class ViewerSockets {
  private readonly byOwner = new Map<string, Set<WebSocket>>();
  /** When each member's sessions last ended here (kept a minute), for sockets checked just before. */
  private readonly endedAt = new Map<number, number>();
  /** Members' sockets and when their session expires: one sweep for all, not a timer per socket. */
  private readonly expiries = new Map<WebSocket, number>();
  private sweep: NodeJS.Timeout | null = null;

  /**
   * Remembers `socket` as the viewer's (by API token, or by member) until it closes. `checkedAt`
   * is when its credentials were checked: if the member's sessions ended since, the check may
   * have read them from before the change, so nothing is tracked and the answer is false (refuse
   * the connection; the client reconnects and is checked afresh).
   */
  track(viewer: Viewer, socket: WebSocket, checkedAt: number): boolean {
    if (viewer.kind === 'member' && (this.endedAt.get(viewer.memberPk) ?? -Infinity) >= checkedAt) return false;
    const owner = viewer.kind === 'token' ? tokenKey(viewer.tokenPk) : memberKey(viewer.memberPk);
    let sockets = this.byOwner.get(owner);
    if (!sockets) {
      sockets = new Set();
      this.byOwner.set(owner, sockets);
    }
    sockets.add(socket);
    // A session ends at its token's expiry: the socket too, as a fresh connection would be refused.
    if (viewer.kind === 'member' && viewer.sessionExpiresAt != null) {
      this.expiries.set(socket, viewer.sessionExpiresAt);
      this.sweep ??= setInterval(() => this.closeExpired(), EXPIRY_SWEEP_MS).unref();
    }
    socket.once('close', () => {
      this.expiries.delete(socket);
      sockets.delete(socket);
      if (sockets.size === 0 && this.byOwner.get(owner) === sockets) this.byOwner.delete(owner);
    });
    return true;
  }

  /** Stops the expiry sweep (the server is closing). */
  close(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
  }

  private closeExpired(): void {
    const now = Date.now();
    for (const [socket, expiresAt] of this.expiries) {
      if (expiresAt > now) continue;
      this.expiries.delete(socket);
      socket.close(CLOSE_FORBIDDEN, 'Session expired');
    }
    if (this.expiries.size === 0 && this.sweep) {
      clearInterval(this.sweep);
      this.sweep = null;
    }
  }

  /** Closes every socket of the API token with 4403, as a bad token at connection time would be. */
  closeToken(tokenPk: number): void {
    this.closeAll(tokenKey(tokenPk));
  }

  /** Closes every socket of the member with 4403; a client that reconnects is checked afresh. */
  closeMember(memberPk: number): void {
    const now = Date.now();
    for (const [pk, at] of this.endedAt) if (now - at > 60_000) this.endedAt.delete(pk);
    this.endedAt.set(memberPk, now);
    this.closeAll(memberKey(memberPk));
  }

  private closeAll(owner: string): void {
    for (const socket of this.byOwner.get(owner) ?? []) socket.close(CLOSE_FORBIDDEN, 'Forbidden');
  }
}

const tokenKey = (pk: number) => `token:${pk}`;
const memberKey = (pk: number) => `member:${pk}`;
