import { LoadStrategy, LockMode, type MikroORM } from '@mikro-orm/core';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { IssueStatus } from '../issues/issue.enums.js';
import { issueSnapshot } from '../issues/issue.snapshot.js';
import { log } from '../../ops/log.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the job runs after the first run at start. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
/** Issues erased per transaction: keeps the seq lock and the live deliveries of one batch short. */
const BATCH = 100;

/**
 * Erases residents' contact details and precise locations (lat, lng, address) from issues that
 * have been RESOLVED or CLOSED, untouched, for `days` days. What stays: the issue itself, its
 * neighborhood (so the map and the numbers by neighborhood still work), its updates.
 *
 * Each erasure is a change like any other (realtime/change.ts): it bumps the issue's `version`
 * and records an ISSUE_DETAILS_ERASED activity in the same transaction, so it takes a `seq`
 * (what result caches and resuming subscribers key on) and open boards hear it, the location
 * gone. `updatedAt` stays: nobody touched the issue, and it keeps its place in the lists.
 *
 * Any number of instances may run it at the same time: the due issues are read with a row lock
 * and re-checked under it, so each is erased (and recorded) once, by whichever gets there first,
 * and an issue reopened meanwhile no longer matches.
 *
 * Lifecycle: `start()` runs it once (in the background) and then every hour; `close()` stops it.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
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
    let total = 0;
    for (;;) {
      const erased = await this.eraseBatch(cutoff);
      total += erased;
      if (erased === 0) break;
    }
    if (total > 0) {
      log.info({ erased: total }, 'retention: erased contacts and precise locations of closed issues');
    }
    return total;
  }

  /** One transaction: up to BATCH due issues erased, each with its activity. */
  private eraseBatch(cutoff: Date): Promise<number> {
    return runChange(this.orm, this.bus, async (em, record) => {
      // FOR UPDATE (PostgreSQL) re-evaluates the condition once a concurrent run's lock is
      // released, so an issue another instance just erased is not returned again. Only on a
      // plain select: a joined populate with a limit moves the condition into a subquery that
      // is not re-evaluated, so the organizations load in a second statement.
      const due = await em.find(
        CommunityIssue,
        {
          status: { $in: [IssueStatus.RESOLVED, IssueStatus.CLOSED] },
          updatedAt: { $lt: cutoff },
          $or: [{ contact: { $ne: null } }, { lat: { $ne: null } }, { lng: { $ne: null } }, { address: { $ne: null } }],
        },
        {
          orderBy: { pk: 'asc' },
          limit: BATCH,
          lockMode: LockMode.PESSIMISTIC_WRITE,
          populate: ['organizations'],
          strategy: LoadStrategy.SELECT_IN,
        },
      );
      for (const issue of due) {
        issue.contact = null;
        issue.lat = null;
        issue.lng = null;
        issue.address = null;
        record({
          kind: ActivityKind.ISSUE_DETAILS_ERASED,
          visibility: ActivityVisibility.PUBLIC,
          // The same words whether or not the report had a contact: the feed is public.
          summary: `${issue.title}: precise location and contact details erased (closed over ${this.days} days)`,
          actor: null,
          actorOrganization: null,
          issue,
          snapshot: () => ({ issue: issueSnapshot(issue) }),
        });
      }
      return due.length;
    });
  }
}
