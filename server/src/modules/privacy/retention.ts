import { raw, type MikroORM } from '@mikro-orm/core';
import { CommunityIssue } from '../issues/issue.entity.js';
import { IssueStatus } from '../issues/issue.enums.js';
import { log } from '../../ops/log.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the job runs after the first run at start. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Erases residents' contact details and precise locations (lat, lng, address) from issues that
 * have been RESOLVED or CLOSED, untouched, for `days` days. What stays: the issue itself, its
 * neighborhood (so the map and the numbers by neighborhood still work), its updates.
 *
 * The erasure is one conditional UPDATE, so any number of instances may run it at the same time:
 * each row is erased once, by whichever gets there first, and an issue reopened meanwhile no
 * longer matches. It does not bump `version` or write an activity: nobody's edit is overruled,
 * and the live stream never carried these fields.
 *
 * Lifecycle: `start()` runs it once (in the background) and then every hour; `close()` stops it.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: MikroORM,
    /** `null`: retention is off and the job never erases anything. */
    readonly days: number | null,
    private readonly intervalMs = RETENTION_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.days == null) return;
    const tick = () => {
      this.run().catch((error) => log.error({ err: error }, 'retention job failed; retrying next hour'));
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

  /** Erases what is due at `now`; returns how many issues were erased. */
  run(now: Date = new Date()): Promise<number> {
    const run = this.erase(now);
    this.running = run;
    return run;
  }

  private async erase(now: Date): Promise<number> {
    if (this.days == null) return 0;
    const cutoff = new Date(now.getTime() - this.days * DAY_MS);
    const erased = await this.orm.em.fork().nativeUpdate(
      CommunityIssue,
      {
        status: { $in: [IssueStatus.RESOLVED, IssueStatus.CLOSED] },
        updatedAt: { $lt: cutoff },
        $or: [{ contact: { $ne: null } }, { lat: { $ne: null } }, { lng: { $ne: null } }, { address: { $ne: null } }],
      },
      // Naming `version` keeps MikroORM from bumping it: see the class comment.
      { contact: null, lat: null, lng: null, address: null, version: raw('version') },
    );
    if (erased > 0) {
      log.info({ erased }, 'retention: erased contacts and precise locations of closed issues');
    }
    return erased;
  }
}
