import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { log } from './log.js';

/** Where the numbers that are not counted as they happen are read from at each scrape. */
export interface MetricSources {
  /** WebSockets open on this instance. */
  webSockets(): number;
  /** Committed changes this instance's live fan-out has received and not yet sent. */
  backlog(): number;
  /** The seq up to which this instance has handed changes to its live fan-out. */
  deliveredSeq(): number;
  /** The newest committed seq (one small read). */
  committedSeq(): Promise<number>;
  orm: MikroORM;
}

// Latencies from a fast read (a few ms) to a slow export or a long-poll (tens of seconds).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
// Distinct operation names kept as labels; past this, "(other)": names are chosen by clients.
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The instance's Prometheus metrics, in a registry of its own (each `bootstrap` has one, so
 * servers started side by side in one process count apart). Counters and histograms are fed by
 * the request observer, the GraphQL hooks, the fan-out and the rate limiter; gauges read their
 * sources at scrape time.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly http = new Histogram({
    name: 'bridgeboard_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status (its _count is the number of requests)',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly operations = new Histogram({
    name: 'bridgeboard_graphql_operation_duration_seconds',
    help: 'GraphQL operations by transport, type, name and outcome (OK or the first error code); subscriptions: how long they stayed open',
    labelNames: ['transport', 'type', 'operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'bridgeboard_websocket_subscriptions',
    help: 'Subscriptions open on this instance',
    registers: [this.registry],
  });
  private readonly delivery = new Histogram({
    name: 'bridgeboard_live_delivery_delay_seconds',
    help: 'From the commit of a change to its payload written to the sockets of one group of identical subscriptions',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'bridgeboard_rate_limit_refusals_total',
    help: 'Calls refused by a rate limit (login, loginPair, account, report, mutation) or a connection limit (connections)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'bridgeboard_' });
    new Gauge({
      name: 'bridgeboard_websocket_connections',
      help: 'WebSockets open on this instance',
      registers: [this.registry],
      collect() {
        this.set(sources.webSockets());
      },
    });
    new Gauge({
      name: 'bridgeboard_activity_backlog',
      help: 'Committed changes received by the live fan-out and not yet sent',
      registers: [this.registry],
      collect() {
        this.set(sources.backlog());
      },
    });
    new Gauge({
      name: 'bridgeboard_activity_seq',
      help: 'The newest committed change (stage="committed") and the newest handed to live delivery here (stage="delivered")',
      labelNames: ['stage'] as const,
      registers: [this.registry],
      async collect() {
        this.set({ stage: 'delivered' }, sources.deliveredSeq());
        this.set({ stage: 'committed' }, await sources.committedSeq().catch(() => sources.deliveredSeq()));
      },
    });
    new Gauge({
      name: 'bridgeboard_db_pool_connections',
      help: 'Database connections by state: used, free, and pending (requests waiting for one)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = poolOf(sources.orm);
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending' }, pool.numPendingAcquires());
      },
    });
  }

  httpRequest(labels: { route: string; method: string; status: number }, seconds: number): void {
    this.http.observe({ route: labels.route, method: labels.method, status: String(labels.status) }, seconds);
  }

  /** One GraphQL operation ended: executed, refused, or (a subscription) closed. */
  operation(
    labels: { transport: 'http' | 'ws'; type: string; operation: string | null | undefined; outcome: string },
    seconds: number,
  ): void {
    this.operations.observe({ ...labels, operation: this.operationLabel(labels.operation) }, seconds);
  }

  subscriptionOpened(): void {
    this.subscriptions.inc();
  }

  subscriptionClosed(): void {
    this.subscriptions.dec();
  }

  /** A change committed at `committedAt` (ISO) was written to a group's sockets just now. */
  delivered(committedAt: string): void {
    const at = Date.parse(committedAt);
    if (Number.isFinite(at)) this.delivery.observe(Math.max(0, Date.now() - at) / 1000);
  }

  refused(limit: string): void {
    this.refusals.inc({ limit });
  }

  /** The label of an operation's name: bounded, since clients choose names. */
  private operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return '(other)';
    this.names.add(name);
    return name;
  }
}

interface Pool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Knex's connection pool (tarn) under MikroORM, when the driver has one. */
function poolOf(orm: MikroORM): Pool | null {
  try {
    const connection = orm.em.getConnection() as unknown as { getKnex?: () => { client?: { pool?: Pool } } };
    const pool = connection.getKnex?.().client?.pool;
    return pool && typeof pool.numUsed === 'function' ? pool : null;
  } catch {
    return null;
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics`: 404 when `token` is null (metrics off), 401 without `Authorization: Bearer
 * <token>`, else the registry in Prometheus' text format.
 */
export function metricsEndpoint(metrics: Metrics, token: string | null): RequestHandler {
  const expected = token ? digest(token) : null;
  return async (req, res) => {
    if (!expected) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    // Compared as digests: same length whatever was sent, so the time taken tells nothing.
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: 'unauthorized' });
      return;
    }
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      log.error({ err: error }, 'metrics collection failed');
      res.status(500).json({ error: 'metrics collection failed' });
    }
  };
}
