import { randomUUID } from 'node:crypto';
import type { Transport } from '../../realtime/transport.js';
import { PushQueue } from '../../realtime/queue.js';

/** A member shown as "on the board now". */
export interface PresentMember {
  memberPk: number;
  name: string;
  organizationName: string;
}

/** What instances tell each other: these members are here until `until` (ms epoch); 0 = gone. */
interface Beat {
  instance: string;
  members: { member: PresentMember; until: number }[];
}

const BEAT_MS = 10_000;
const TTL_MS = 25_000;

/**
 * Who is on the board now, across every instance. Each instance announces its own members
 * every 10 s (and at once on a change); an entry not renewed for 25 s expires, so a crashed
 * instance's members disappear by themselves. Nothing is stored: presence is ephemeral.
 *
 * Lifecycle: `start()` before serving, `close()` on shutdown.
 */
export class PresenceService {
  private readonly instance = randomUUID();
  /** Local members and how many of their connections share presence. */
  private readonly local = new Map<number, { member: PresentMember; connections: number }>();
  /** Everyone known, from every instance, with their expiry. */
  private readonly known = new Map<number, { member: PresentMember; until: number }>();
  private readonly watchers = new Set<PushQueue<PresentMember[]>>();
  private timer: NodeJS.Timeout | null = null;
  private lastSent = '';

  constructor(private readonly transport: Transport<Beat>) {}

  async start(): Promise<void> {
    await this.transport.start((beat) => this.receive(beat));
    this.timer = setInterval(() => {
      void this.beat();
      this.expire();
    }, BEAT_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const watcher of this.watchers) watcher.close();
    await this.transport.close();
  }

  /** Marks a member present until the returned function is called (once per connection). */
  join(member: PresentMember): () => void {
    const entry = this.local.get(member.memberPk);
    this.local.set(member.memberPk, { member, connections: (entry?.connections ?? 0) + 1 });
    // Shown here at once; other instances hear it from the beat.
    this.known.set(member.memberPk, { member, until: Date.now() + TTL_MS });
    this.notify();
    void this.beat();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const current = this.local.get(member.memberPk);
      if (!current) return;
      if (current.connections > 1) {
        current.connections -= 1;
        return;
      }
      this.local.delete(member.memberPk);
      this.known.delete(member.memberPk);
      this.notify();
      void this.transport.publish({ instance: this.instance, members: [{ member, until: 0 }] });
    };
  }

  /** The current list, then a new list each time it changes. */
  watch(): PushQueue<PresentMember[]> {
    const queue = new PushQueue<PresentMember[]>(() => this.watchers.delete(queue));
    this.watchers.add(queue);
    queue.push(this.list());
    return queue;
  }

  list(): PresentMember[] {
    return [...this.known.values()].map((e) => e.member).sort((a, b) => a.name.localeCompare(b.name));
  }

  private async beat(): Promise<void> {
    const until = Date.now() + TTL_MS;
    const members = [...this.local.values()].map((e) => ({ member: e.member, until }));
    if (members.length === 0) return;
    try {
      await this.transport.publish({ instance: this.instance, members });
    } catch (error) {
      console.error('[bridgeboard] presence beat failed', error);
    }
  }

  private receive(beat: Beat): void {
    for (const { member, until } of beat.members) {
      // A "gone" from one instance must not hide a member still here through another.
      if (until === 0 && beat.instance !== this.instance && this.local.has(member.memberPk)) continue;
      if (until === 0) this.known.delete(member.memberPk);
      else this.known.set(member.memberPk, { member, until });
    }
    this.notify();
  }

  private expire(): void {
    const now = Date.now();
    for (const [pk, entry] of this.known) if (entry.until < now && !this.local.has(pk)) this.known.delete(pk);
    this.notify();
  }

  private notify(): void {
    const list = this.list();
    const key = JSON.stringify(list);
    if (key === this.lastSent) return;
    this.lastSent = key;
    for (const watcher of this.watchers) watcher.push(list);
  }
}
