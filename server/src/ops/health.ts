import type { RequestHandler } from 'express';
import type { MikroORM, MigrationObject } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { Redis } from 'ioredis';
import { log } from './log.js';

/** One dependency's state as `/readyz` reports it. */
export type CheckStatus = 'up' | 'down' | 'applied' | 'pending' | 'unknown' | 'not configured' | 'running' | 'draining';

/** What `/readyz` answers: 200 when every check passes, 503 otherwise. */
export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: {
    database: CheckStatus;
    migrations: CheckStatus;
    redis: CheckStatus;
    shutdown: CheckStatus;
  };
}

export interface HealthOptions {
  /** The broker's URL when instances share one (`REDIS_URL`); null: in-process, nothing to ask. */
  redisUrl: string | null;
  /** The live stream's own link (realtime/transport.ts): both its connections must be up too. */
  broker?: { readonly ready: boolean };
  /** How long one check may take before it counts as down (default 2000 ms). */
  timeoutMs?: number;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Migration names as the migrator stores them (without a file extension).
const bare = (name: string) => name.replace(/\.[cm]?[jt]s$/, '');

/**
 * Liveness and readiness for load balancers and orchestrators. Created before the server listens
 * and closed with it. `/healthz` answers 200 for as long as the process serves HTTP; `/readyz`
 * answers 200 only while the database answers, every committed migration is applied, Redis
 * answers (when configured) and no shutdown has begun (`beginDrain()`), else 503. Answers carry
 * states only, never error text (they are public); a check that changes state is logged once.
 */
export class Health {
  private readonly timeoutMs: number;
  /** Its own connection, with no offline queue: a PING fails at once while Redis is away. */
  private readonly redis: Redis | null;
  private readonly broker: { readonly ready: boolean } | null;
  private draining = false;
  private readonly lastSeen = new Map<string, CheckStatus>();

  constructor(
    private readonly orm: MikroORM,
    options: HealthOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.broker = options.broker ?? null;
    this.redis = options.redisUrl
      ? new Redis(options.redisUrl, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectionName: 'bridgeboard:health',
        })
      : null;
    // Reconnects by itself (with ioredis' backoff); the transports already log the broker's errors.
    this.redis?.on('error', () => undefined);
  }

  /** Connects the Redis check's own client (a failure is only a "down" until it reconnects). */
  async start(): Promise<void> {
    await this.redis?.connect().catch(() => undefined);
  }

  /** From now on `/readyz` says 503 (`shutdown: draining`): the first step of a graceful shutdown. */
  beginDrain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Runs every check (in parallel, each bounded by the timeout). */
  async check(): Promise<Readiness> {
    const [database, migrations, redis] = await Promise.all([
      this.probe('database', async () => {
        await this.orm.em.getConnection().execute('select 1');
        return 'up';
      }),
      this.probe('migrations', () => this.migrations()),
      this.redis
        ? this.probe('redis', async () => {
            // Redis answers, and the live stream's publisher and subscriber are connected to it.
            await this.redis!.ping();
            if (this.broker && !this.broker.ready) throw new Error('the live stream is reconnecting');
            return 'up';
          })
        : Promise.resolve<CheckStatus>('not configured'),
    ]);
    const shutdown: CheckStatus = this.draining ? 'draining' : 'running';
    const ready =
      database === 'up' && migrations === 'applied' && (redis === 'up' || redis === 'not configured') && !this.draining;
    return { status: ready ? 'ready' : 'unavailable', checks: { database, migrations, redis, shutdown } };
  }

  /** GET /healthz: the process is alive and serving HTTP (also while it drains). */
  readonly live: RequestHandler = (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'alive' });
  };

  /** GET /readyz: 200 with every check passing, 503 otherwise; JSON either way. */
  readonly ready: RequestHandler = (_req, res, next) => {
    this.check().then((readiness) => {
      res
        .status(readiness.status === 'ready' ? 200 : 503)
        .set('cache-control', 'no-store')
        .json(readiness);
    }, next);
  };

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  /** Every committed migration of this build is recorded as executed in the database. */
  private async migrations(): Promise<CheckStatus> {
    const expected = (this.orm.config.get('migrations').migrationsList ?? []) as MigrationObject[];
    // The storage's own query (no "ensure database" round trips, unlike getPendingMigrations).
    const executed = await this.orm.getMigrator<Migrator>().getStorage().getExecutedMigrations();
    const done = new Set(executed.map((row) => bare(row.name)));
    return expected.every((migration) => done.has(bare(migration.name))) ? 'applied' : 'pending';
  }

  private async probe(name: string, run: () => Promise<CheckStatus>): Promise<CheckStatus> {
    let status: CheckStatus;
    let reason = '';
    try {
      status = await within(run(), this.timeoutMs);
    } catch (error) {
      status = name === 'migrations' ? 'unknown' : 'down';
      reason = error instanceof Error ? error.message : String(error);
    }
    const before = this.lastSeen.get(name);
    this.lastSeen.set(name, status);
    const good = status === 'up' || status === 'applied';
    if (before !== status && (before !== undefined || !good)) {
      log.warn({ check: name, status, was: before ?? null, reason: reason ?? null }, 'readiness changed');
    }
    return status;
  }
}
