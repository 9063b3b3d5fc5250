import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimit, RateLimits } from '../config.js';
import { log } from '../ops/log.js';

export type RateLimitName = keyof RateLimits;

/** One unit of use to count: `points` against the limit `name` for `key` (an address, member or email). */
export interface Charge {
  name: RateLimitName;
  key: string;
  points: number;
}

/** A charge that went over its limit: which one, and how long until it would fit. */
export interface Refusal {
  name: RateLimitName;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters per limit name, in this process's memory or, with Redis, shared by every
 * instance (so a limit holds however many instances sit behind the load balancer). If Redis is
 * unreachable each instance falls back to its own memory counters rather than failing requests.
 *
 * Keys are hashed with the stream id before they are stored, so neither addresses nor emails sit
 * in memory or Redis in the clear, and deployments sharing one Redis never share counters.
 */
export class RateLimiter {
  // The Redis client is the caller's (security/index.ts), shared with the connection limits.
  private constructor(
    private readonly limiters: Record<RateLimitName, RateLimiterAbstract>,
    private readonly salt: string,
  ) {}

  static async create(limits: RateLimits, options: { redis: Redis | null; streamId: string }): Promise<RateLimiter> {
    const { redis } = options;
    const make = (name: RateLimitName, { points, seconds }: RateLimit): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: name });
      if (!redis) return memory;
      return new RateLimiterRedis({
        storeClient: redis,
        points,
        duration: seconds,
        keyPrefix: `bridgeboard:rate:${options.streamId}:${name}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    const limiters = {
      login: make('login', limits.login),
      loginPair: make('loginPair', limits.loginPair),
      account: make('account', limits.account),
      report: make('report', limits.report),
      mutation: make('mutation', limits.mutation),
    };
    return new RateLimiter(limiters, options.streamId);
  }

  /**
   * Counts every charge (refused attempts count too, so hammering keeps a client out) and returns
   * the refusal that lasts longest, or null when all fit.
   */
  async consume(charges: Charge[]): Promise<Refusal | null> {
    const outcomes = await Promise.all(
      charges.map(async ({ name, key, points }): Promise<Refusal | null> => {
        try {
          await this.limiters[name].consume(this.hash(name, key), points);
          return null;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          return { name, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
      }),
    );
    return outcomes.reduce<Refusal | null>(
      (worst, refusal) =>
        refusal && (!worst || refusal.retryAfterSeconds > worst.retryAfterSeconds) ? refusal : worst,
      null,
    );
  }

  /** Gives back what `consume` took (a sign-in that succeeded). Failures are ignored: the window ends anyway. */
  async reward(charges: Charge[]): Promise<void> {
    await Promise.all(
      charges.map(({ name, key, points }) =>
        this.limiters[name].reward(this.hash(name, key), points).catch(() => undefined),
      ),
    );
  }

  private hash(name: string, key: string): string {
    return createHash('sha256').update(`${this.salt}:${name}:${key}`).digest('base64url').slice(0, 32);
  }
}

/** A Redis client for counters: commands fail fast while it is down (the memory fallback takes over). */
export async function connectCounters(url: string): Promise<Redis> {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', (error: Error) => log.error({ err: error }, 'redis counters connection error'));
  // Counters taken before the connection is ready would go to the memory fallback; wait a moment
  // for it, but never refuse to start because Redis is slow.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}
