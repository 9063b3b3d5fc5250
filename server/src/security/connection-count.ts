import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Gives back the place a connection held; calling it again does nothing. */
export type Release = () => void;

// A connection's entry lives this long unless its instance renews it: an instance that dies
// (kill -9, a lost host) leaves counts that vanish within this time instead of for ever.
const ENTRY_TTL_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

// KEYS[1]: one sorted set per subject, members = connections, scores = their expiry (Redis time).
// Drops expired entries, then adds this one if there is room, atomically.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// Pushes the expiry of this instance's live entries (ARGV[2..]) forward; never re-adds a removed one.
const RENEW = `
local t = redis.call('TIME')
local expires = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', expires, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

type ScriptRedis = Redis & {
  connAcquire(key: string, entry: string, limit: number, ttlMs: number): Promise<number>;
  connRenew(key: string, ttlMs: number, ...entries: string[]): Promise<number>;
};

/**
 * How many connections each subject (an address, a member, an API token) holds open, against
 * a limit. In memory for one instance; with Redis, across every instance sharing it: each open
 * connection is an entry with an expiry in a sorted set per subject, renewed by the instance
 * holding it, removed when it closes. Keys are opaque (hashed by the caller).
 *
 * If Redis fails, an instance counts its own connections only, for as long as it fails.
 */
export class ConnectionCount {
  private readonly local = new Map<string, number>();
  /** This instance's live Redis entries, by key. */
  private readonly held = new Map<string, Set<string>>();
  private readonly instance = randomUUID();
  private next = 0;
  private readonly renewal: NodeJS.Timeout | null;

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
  ) {
    if (redis) {
      redis.defineCommand('connAcquire', { numberOfKeys: 1, lua: ACQUIRE });
      redis.defineCommand('connRenew', { numberOfKeys: 1, lua: RENEW });
      this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
      this.renewal.unref();
    } else {
      this.renewal = null;
    }
  }

  /** Takes a place for `key` if it holds fewer than `limit`; null when it is full. */
  async acquire(key: string, limit: number): Promise<Release | null> {
    const count = this.local.get(key) ?? 0;
    if (!this.redis) return count < limit ? this.takeLocal(key) : null;
    const entry = `${this.instance}:${this.next++}`;
    const redisKey = `${this.prefix}:${key}`;
    try {
      const admitted = await (this.redis as ScriptRedis).connAcquire(redisKey, entry, limit, ENTRY_TTL_MS);
      if (admitted !== 1) return null;
    } catch {
      // Redis is down: hold this instance's own count to the limit meanwhile.
      return (this.local.get(key) ?? 0) < limit ? this.takeLocal(key) : null;
    }
    const entries = this.held.get(redisKey) ?? new Set<string>();
    entries.add(entry);
    this.held.set(redisKey, entries);
    const releaseLocal = this.takeLocal(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      releaseLocal();
      entries.delete(entry);
      if (entries.size === 0) this.held.delete(redisKey);
      // If this fails the entry simply expires.
      this.redis?.zrem(redisKey, entry).catch(() => {});
    };
  }

  /** Stops renewing and gives back this instance's places (the server is shutting down). */
  async close(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.map(([key, entries]) => this.redis?.zrem(key, ...entries).catch(() => 0)));
  }

  private takeLocal(key: string): Release {
    this.local.set(key, (this.local.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.local.get(key) ?? 1) - 1;
      if (left > 0) this.local.set(key, left);
      else this.local.delete(key);
    };
  }

  private async renew(): Promise<void> {
    const redis = this.redis as ScriptRedis | null;
    if (!redis) return;
    await Promise.all(
      [...this.held].map(([key, entries]) =>
        entries.size > 0 ? redis.connRenew(key, ENTRY_TTL_MS, ...entries).catch(() => 0) : 0,
      ),
    );
  }
}
