import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import type WebSocket from 'ws';
import type { VerifyClientCallbackAsync } from 'ws';
import type { QueryLimits } from '../config.js';
import type { Viewer } from '../auth/viewer.js';
import { ErrorCode } from '../common/errors.js';
import { ConnectionCount } from './connection-count.js';
import { LimitReason } from './limits.js';
import { log } from '../ops/log.js';

/** The close code of a socket refused at `connection_init` for holding too many connections. */
export const TOO_MANY_CONNECTIONS_CLOSE = 4429;
// Connections do not free up on a schedule; a minute is a fair guess for a client to wait.
const RETRY_AFTER_SECONDS = 60;
// One log line per refused subject per this long, with how many refusals it stands for.
const LOG_EVERY_MS = 60_000;

/**
 * Limits on open WebSockets per client: `connections` per address (checked at the HTTP
 * upgrade, so the public and everyone else count there) and `memberConnections` per member or
 * API token (checked at `connection_init`, once the viewer is known). A place is held for as
 * long as the TCP connection lives. With Redis the counts are shared by every instance.
 *
 * Addresses never appear in the clear: counters and log lines use a salted hash, as the rate
 * limits do.
 */
export class ConnectionLimits {
  private readonly count: ConnectionCount;
  private readonly logged = new Map<string, { at: number; refused: number }>();

  constructor(
    private readonly limits: Pick<QueryLimits, 'connections' | 'memberConnections'>,
    private readonly addressOf: (req: IncomingMessage) => string,
    private readonly salt: string,
    redis: Redis | null,
    /** Told `connections` or `memberConnections` each time a WebSocket is refused (metrics). */
    private readonly onRefused: (limit: string) => void = () => {},
  ) {
    this.count = new ConnectionCount(redis, `bridgeboard:connections:${salt}`);
  }

  /**
   * `ws`'s `verifyClient`: admits the upgrade if the address holds fewer than `connections`
   * sockets; otherwise answers HTTP 429 with a JSON GraphQL error and `Retry-After`.
   */
  readonly verifyUpgrade: VerifyClientCallbackAsync = (info, done) => {
    const subject = this.hash(`address:${this.addressOf(info.req)}`);
    const limit = this.limits.connections;
    this.count
      .acquire(subject, limit)
      .then((release) => {
        if (!release) {
          this.onRefused('connections');
          this.logRefusal(subject, `${limit} WebSockets already open from client ${subject.slice(0, 12)}`);
          const body = JSON.stringify({
            errors: [
              {
                message: `Too many connections from your address: at most ${limit} at once. Close some before opening more.`,
                extensions: {
                  code: ErrorCode.RATE_LIMITED,
                  reason: LimitReason.TOO_MANY_CONNECTIONS,
                  limit,
                  retryAfter: RETRY_AFTER_SECONDS,
                },
              },
            ],
          });
          done(false, 429, body, { 'Content-Type': 'application/json', 'Retry-After': String(RETRY_AFTER_SECONDS) });
          return;
        }
        holdWhileOpen(info.req.socket.destroyed, info.req.socket, release);
        done(true);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'connection limits could not count; the connection is let in');
        done(true); // never refuse a client because counting failed
      });
  };

  /**
   * At `connection_init`: admits a member's or API token's socket if it holds fewer than
   * `memberConnections`; otherwise closes it with 4429 "Too many connections" and returns false.
   * The public has no viewer and was counted by address already.
   */
  async admit(socket: WebSocket, viewer: Viewer | null): Promise<boolean> {
    if (!viewer) return true;
    const who = viewer.kind === 'member' ? `member ${viewer.memberPk}` : `API token ${viewer.tokenPk}`;
    const subject = this.hash(viewer.kind === 'member' ? `member:${viewer.memberPk}` : `token:${viewer.tokenPk}`);
    const limit = this.limits.memberConnections;
    const release = await this.count.acquire(subject, limit);
    if (!release) {
      this.onRefused('memberConnections');
      this.logRefusal(subject, `${limit} WebSockets already open for ${who}`);
      socket.close(TOO_MANY_CONNECTIONS_CLOSE, 'Too many connections');
      return false;
    }
    holdWhileOpen(socket.readyState === socket.CLOSED, socket, release);
    return true;
  }

  close(): Promise<void> {
    return this.count.close();
  }

  private logRefusal(subject: string, reason: string): void {
    const now = Date.now();
    const last = this.logged.get(subject);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.refused += 1;
      return;
    }
    const more = last && last.refused > 0 ? ` (${last.refused} more refused in the last minute)` : '';
    log.warn(`refused a WebSocket: too many connections: ${reason}${more}`);
    this.logged.set(subject, { at: now, refused: 0 });
    if (this.logged.size > 10_000) this.logged.clear(); // a flood of subjects must not grow this for ever
  }

  private hash(subject: string): string {
    return createHash('sha256').update(`${this.salt}:connections:${subject}`).digest('base64url').slice(0, 32);
  }
}

/** Keeps `release` until the connection closes (at once if it already has). */
function holdWhileOpen(
  closed: boolean,
  connection: { once(event: 'close', listener: () => void): unknown },
  release: () => void,
): void {
  if (closed) return release();
  connection.once('close', release);
}
