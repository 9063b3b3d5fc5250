import type { MikroORM } from '@mikro-orm/core';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { log } from '../../ops/log.js';

/** How often expired keys are deleted after the first run at start. */
export const IDEMPOTENCY_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes idempotency keys older than 24 hours. A key past its 24 hours is already ignored when
 * a request uses it (see `storedAnswer`), so the job only keeps the table small and forgets
 * which keyed requests were made. One conditional DELETE: any number of instances may run it.
 *
 * Lifecycle: `start()` runs it once (in the background) and then every hour; `close()` stops it.
 */
export class IdempotencyPurgeJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly intervalMs = IDEMPOTENCY_PURGE_INTERVAL_MS,
  ) {}

  start(): void {
    const tick = () => {
      this.run().catch((error) => log.error({ err: error }, 'idempotency purge failed; retrying next hour'));
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /** Deletes the keys expired at `now`; returns how many. */
  run(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    const run = this.orm.em.fork().nativeDelete(IdempotencyKey, { createdAt: { $lt: cutoff } });
    this.running = run;
    return run;
  }
}
