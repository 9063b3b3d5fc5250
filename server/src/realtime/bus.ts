import type { MikroORM } from '@mikro-orm/core';
import { Activity, ActivitySequence } from '../modules/activity/activity.entity.js';
import { badInput } from '../common/errors.js';
import type { ActivityEnvelope } from './envelope.js';
import type { Transport } from './transport.js';
import { PushQueue, endWith } from './queue.js';

const REPLAY_BATCH = 200;

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

/**
 * One subscription to the transport per process, fanned out to every open stream. Streams
 * resume from the database and repair gaps, so each subscriber gets every change it may see
 * exactly once, in `seq` order, whatever the transport does.
 *
 * Lifecycle: `start()` before serving, `close()` on shutdown.
 */
export class ActivityBus {
  private readonly listeners = new Set<PushQueue<ActivityEnvelope>>();
  private highestSeen = 0;
  private poller: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly transport: Transport<ActivityEnvelope>,
    private readonly options: ActivityBusOptions = {},
  ) {}

  async start(): Promise<void> {
    this.highestSeen = await this.latestSeq();
    await this.transport.start((envelope) => this.dispatch(envelope));
    const interval = this.options.pollIntervalMs ?? 2000;
    this.poller = setInterval(() => void this.poll(), interval);
    this.poller.unref();
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    for (const listener of this.listeners) listener.close();
    await this.transport.close();
  }

  /** Called after a change commits. A failed publish is logged: the poller repairs it. */
  async publish(envelope: ActivityEnvelope): Promise<void> {
    try {
      await this.transport.publish(envelope);
    } catch (error) {
      console.error('[bridgeboard] activity publish failed; subscribers catch up by polling', error);
    }
  }

  /** The newest committed seq (0 when nothing has happened yet). */
  async latestSeq(): Promise<number> {
    const row = await this.orm.em.fork().findOne(ActivitySequence, { id: 1 });
    return row?.value ?? 0;
  }

  /** Committed activity with `seq > after`, oldest first. */
  async since(after: number, limit: number): Promise<ActivityEnvelope[]> {
    const rows = await this.orm.em.fork().find(Activity, { seq: { $gt: after } }, { orderBy: { seq: 'asc' }, limit });
    return rows.map(toEnvelope);
  }

  /**
   * Every change after `after` (or from now when null) that `accept` lets through, in seq
   * order, without gaps or repeats; then live changes as they commit. Ends when the consumer
   * stops iterating.
   */
  stream(
    after: number | null,
    accept: (envelope: ActivityEnvelope) => boolean | Promise<boolean>,
  ): AsyncIterableIterator<ActivityEnvelope> {
    // Listen before reading the database, so nothing committed in between is missed.
    const queue = new PushQueue<ActivityEnvelope>(() => this.listeners.delete(queue));
    this.listeners.add(queue);
    return endWith(this.replayThenLive(queue, after, accept), queue);
  }

  private async *replayThenLive(
    queue: PushQueue<ActivityEnvelope>,
    after: number | null,
    accept: (envelope: ActivityEnvelope) => boolean | Promise<boolean>,
  ): AsyncGenerator<ActivityEnvelope> {
    try {
      const latest = await this.latestSeq();
      if (after != null && (after < 0 || after > latest)) {
        throw badInput('after', `after must be between 0 and the latest seq (${latest})`);
      }
      let last = after ?? latest;
      const catchUp = async function* (this: ActivityBus, upTo: number) {
        while (last < upTo) {
          const rows = await this.since(last, Math.min(REPLAY_BATCH, upTo - last));
          if (rows.length === 0) return;
          for (const row of rows) {
            last = row.seq;
            if (await accept(row)) yield row;
          }
        }
      }.bind(this);

      yield* catchUp(latest);
      for await (const envelope of queue) {
        if (envelope.seq <= last) continue;
        // A gap means an earlier commit's message is late (another instance) or lost.
        if (envelope.seq > last + 1) yield* catchUp(envelope.seq - 1);
        if (envelope.seq <= last) continue;
        last = envelope.seq;
        if (await accept(envelope)) yield envelope;
      }
    } finally {
      queue.close();
    }
  }

  private dispatch(envelope: ActivityEnvelope): void {
    if (envelope.seq > this.highestSeen) this.highestSeen = envelope.seq;
    for (const listener of this.listeners) listener.push(envelope);
  }

  /** Safety net for lost transport messages: deliver what the database has and we have not. */
  private async poll(): Promise<void> {
    if (this.polling || this.listeners.size === 0) return;
    this.polling = true;
    try {
      const latest = await this.latestSeq();
      if (latest <= this.highestSeen) return;
      const missed = await this.since(this.highestSeen, REPLAY_BATCH);
      for (const envelope of missed) this.dispatch(envelope);
    } catch (error) {
      console.error('[bridgeboard] activity poll failed', error);
    } finally {
      this.polling = false;
    }
  }
}
