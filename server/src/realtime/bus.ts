import type { MikroORM } from '@mikro-orm/core';
import { Activity, ActivitySequence } from '../modules/activity/activity.entity.js';
import type { ActivityEnvelope } from './envelope.js';
import type { Transport } from './transport.js';
import { log } from '../ops/log.js';

const REPAIR_BATCH = 200;
/** Recent changes kept in memory: subscribers resuming from a recent `after` replay without a query. */
const RECENT = 1000;

/** Turns a stored Activity row into the envelope subscribers receive. */
export function toEnvelope(row: Activity): ActivityEnvelope {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    kind: row.kind,
    visibility: row.visibility,
    summary: row.summary,
    actor: row.actor ? row.actor.unwrap().pk : null,
    actorOrganization: row.actorOrganization ? row.actorOrganization.unwrap().pk : null,
    issue: row.issue ? row.issue.unwrap().pk : null,
    event: row.event ? row.event.unwrap().pk : null,
    subjectVersion: row.subjectVersion ?? null,
    snapshot: row.snapshot,
  };
}

export interface ActivityBusOptions {
  /** How often the bus checks the database for changes the transport did not bring. */
  pollIntervalMs?: number;
}

/** Receives every committed change once, in seq order, with no gap. Must not throw. */
export type ActivityListener = (envelope: ActivityEnvelope) => void;

/**
 * One subscription to the transport per process, turned into one ordered, gapless feed. The
 * transport may deliver late, out of order, twice or never (another instance's publish, a Redis
 * hiccup): the bus holds early messages, reads what is missing from the database once for the
 * whole process, and hands each change to its listeners exactly once in `seq` order. Listeners
 * (the live fan-out) never repair anything themselves.
 *
 * Lifecycle: `start()` before serving, `close()` on shutdown.
 */
export class ActivityBus {
  private readonly listeners = new Set<ActivityListener>();
  /** Listeners that keep the bus polling (not passive). */
  private active = 0;
  /** The highest seq handed to listeners; every seq up to it has been, in order. */
  private deliveredSeq = 0;
  /** Messages that arrived ahead of a gap, by seq. */
  private readonly early = new Map<number, ActivityEnvelope>();
  private repairing: Promise<void> | null = null;
  /** The last delivered changes, contiguous, ending at `deliveredSeq`. */
  private recent: ActivityEnvelope[] = [];
  private poller: NodeJS.Timeout | null = null;
  private closed = false;
  private publishFailing = false;
  /** How many times the bus read the database for changes the transport did not bring. */
  repairs = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly transport: Transport<ActivityEnvelope>,
    private readonly options: ActivityBusOptions = {},
  ) {}

  async start(): Promise<void> {
    this.deliveredSeq = await this.latestSeq();
    // Boards reconnecting after a restart resume from just before it: have those changes at hand.
    const from = Math.max(0, this.deliveredSeq - RECENT);
    this.recent = await this.readSince(from, RECENT, this.deliveredSeq);
    if (this.recent.at(-1)?.seq !== this.deliveredSeq) this.recent = [];
    await this.transport.start((envelope) => this.receive(envelope));
    const interval = this.options.pollIntervalMs ?? 2000;
    this.poller = setInterval(() => void this.repair(), interval);
    this.poller.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    this.listeners.clear();
    this.active = 0;
    await this.repairing;
    await this.transport.close();
  }

  /**
   * Called after a change commits. This instance's streams have it at once; other instances
   * through the transport. Never waits on the transport, so a mutation answers as soon as it
   * commits: with Redis away, the publish fails at once (logged once per outage) and the other
   * instances read the change from the database at their next poll.
   */
  publish(envelope: ActivityEnvelope): void {
    this.receive(envelope);
    this.transport.publish(envelope).then(
      () => {
        if (this.publishFailing) log.info('activity publishing works again');
        this.publishFailing = false;
      },
      (error: unknown) => {
        if (!this.publishFailing) {
          log.error(
            { err: error, seq: envelope.seq },
            'activity publish failed; other instances catch up from the database',
          );
        }
        this.publishFailing = true;
      },
    );
  }

  /**
   * The seq up to which every change has been handed to listeners. A listener added now hears
   * exactly the changes after it, so "replay up to `delivered`, then listen" has no seam.
   */
  get delivered(): number {
    return this.deliveredSeq;
  }

  /**
   * Adds a listener for every change after `delivered`; returns its removal. A `passive`
   * listener hears every change but does not keep the bus reading the database on its own: the
   * bus polls only while a stream listens (the fan-out has subscribers), so an idle instance
   * sends no statement on a timer.
   */
  listen(listener: ActivityListener, options: { passive?: boolean } = {}): () => void {
    this.listeners.add(listener);
    if (!options.passive) this.active++;
    return () => {
      if (this.listeners.delete(listener) && !options.passive) this.active--;
    };
  }

  /** The newest committed seq (0 when nothing has happened yet). */
  async latestSeq(): Promise<number> {
    const row = await this.orm.em.fork().findOne(ActivitySequence, { id: 1 });
    return row?.value ?? 0;
  }

  /**
   * Committed activity with `after < seq <= upTo` (at most `limit` rows), oldest first: from
   * memory when it is recent, from the database otherwise.
   */
  async since(after: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<ActivityEnvelope[]> {
    const first = this.recent[0]?.seq;
    if (first != null && after >= first - 1 && upTo <= this.deliveredSeq) {
      const start = after - first + 1;
      return this.recent.slice(start, start + Math.min(limit, upTo - after));
    }
    return this.readSince(after, limit, upTo);
  }

  private async readSince(after: number, limit: number, upTo: number): Promise<ActivityEnvelope[]> {
    const rows = await this.orm.em
      .fork()
      .find(Activity, { seq: { $gt: after, $lte: upTo } }, { orderBy: { seq: 'asc' }, limit });
    return rows.map(toEnvelope);
  }

  private receive(envelope: ActivityEnvelope): void {
    if (envelope.seq <= this.deliveredSeq) return; // a repeat, or already read from the database
    if (envelope.seq === this.deliveredSeq + 1) {
      this.deliver(envelope);
      return;
    }
    // A gap: an earlier commit's message is late or lost. Hold this one; read the rest once.
    this.early.set(envelope.seq, envelope);
    void this.repair();
  }

  private deliver(envelope: ActivityEnvelope): void {
    this.handOut(envelope);
    // Whatever arrived early and now follows on.
    for (let next = this.early.get(this.deliveredSeq + 1); next; next = this.early.get(this.deliveredSeq + 1)) {
      this.early.delete(next.seq);
      this.handOut(next);
    }
    for (const seq of this.early.keys()) if (seq <= this.deliveredSeq) this.early.delete(seq);
  }

  private handOut(envelope: ActivityEnvelope): void {
    this.deliveredSeq = envelope.seq;
    this.recent.push(envelope);
    if (this.recent.length > RECENT * 1.5) this.recent = this.recent.slice(-RECENT);
    for (const listener of this.listeners) listener(envelope);
  }

  /**
   * Reads committed changes the transport has not brought (one read at a time for the whole
   * process, however many streams are open) and delivers them in order. Runs on a gap and on
   * every poll, so a lost last message arrives within one poll interval.
   */
  private repair(): Promise<void> {
    if (this.repairing || this.closed) return this.repairing ?? Promise.resolve();
    // Nobody is listening: nothing to repair for. A listener added later replays from the
    // database up to `delivered` and hears the rest from the next message or poll.
    if (this.active === 0) return Promise.resolve();
    this.repairing = (async () => {
      try {
        for (;;) {
          const latest = await this.latestSeq();
          if (latest <= this.deliveredSeq || this.closed) return;
          this.repairs++;
          const rows = await this.readSince(this.deliveredSeq, REPAIR_BATCH, latest);
          const before = this.deliveredSeq;
          for (const row of rows) if (row.seq === this.deliveredSeq + 1) this.deliver(row);
          if (this.deliveredSeq === before) return; // nothing readable yet; the next poll retries
        }
      } catch (error) {
        log.error({ err: error }, 'activity catch-up failed; retrying at the next poll');
      } finally {
        this.repairing = null;
      }
    })();
    return this.repairing;
  }
}
