import { randomUUID } from 'node:crypto';
import type { Transport } from '../../realtime/transport.js';
import { toGlobalId } from '../../common/relay.js';
import { PresenceWatch } from './presence.watch.js';
import { log } from '../../ops/log.js';

/** A member shown as "on the board now". */
export interface PresentMember {
  memberPk: number;
  name: string;
  organizationName: string;
}

/** A member as every board receives it: `id` is the Member's global id. */
export interface PresentMemberView {
  readonly id: string;
  readonly name: string;
  readonly organizationName: string;
}

/**
 * Who is on the board at one moment: how many share their presence, and the first few of them
 * by name. Frozen, and the same object for every watcher of one emission (the subscription's
 * root value), so identical subscriptions can share one execution.
 */
export interface PresenceSnapshot {
  readonly count: number;
  readonly members: readonly PresentMemberView[];
}

/** What instances tell each other: these members are here until `until` (ms epoch); 0 = gone. */
interface Beat {
  instance: string;
  members: { member: PresentMember; until: number }[];
}

export interface PresenceOptions {
  /** Milliseconds between two emissions of presence (and two beats with joins and leaves); default 2000. */
  intervalMs?: number;
}

/** How many names a snapshot carries; `count` tells the rest. */
export const PRESENCE_FIRST = 5;
const BEAT_MS = 10_000;
const TTL_MS = 25_000;

const collator = new Intl.Collator();
/** By name, then by id: a stable order even when two people share a name. */
const byName = (a: PresentMember, b: PresentMember): number =>
  collator.compare(a.name, b.name) || a.memberPk - b.memberPk;
const sameMember = (a: PresentMember, b: PresentMember): boolean =>
  a.name === b.name && a.organizationName === b.organizationName;

/**
 * Who is on the board now, across every instance.
 *
 * Coalesced: joins, leaves and beats heard from other instances only mark the state changed; at
 * most once every `intervalMs` the service builds one snapshot and offers it to every watcher,
 * and publishes the joins and leaves of that interval in one beat. A burst of N joins thus costs
 * each open board one message, not N. A new watcher gets the current state at once.
 *
 * Across instances: each instance also announces all its members every 10 s; an entry not
 * renewed for 25 s expires, so a crashed instance's members disappear by themselves. Nothing is
 * stored: presence is ephemeral.
 *
 * Cost: a join or leave is O(1) (plus O(members) to find the first few again when one of them
 * leaves, at most once per snapshot); an emission is O(watchers).
 *
 * Lifecycle: `start()` before serving, `close()` on shutdown (ends every watcher).
 */
export class PresenceService {
  private readonly instance = randomUUID();
  private readonly intervalMs: number;
  /** Local members and how many of their connections share presence. */
  private readonly local = new Map<number, { member: PresentMember; connections: number }>();
  /** Everyone known, from every instance, with their expiry (local ones never expire). */
  private readonly known = new Map<number, { member: PresentMember; until: number }>();
  /** The first PRESENCE_FIRST of `known` by name; null when one of them left and they must be found again. */
  private first: PresentMember[] | null = [];
  /** Joins and leaves of this instance not yet told to the others, by member. */
  private readonly unannounced = new Map<number, { member: PresentMember; until: number }>();
  private readonly watchers = new Set<PresenceWatch<PresenceSnapshot>>();
  private current: PresenceSnapshot = Object.freeze({ count: 0, members: Object.freeze([]) });
  /** `known` changed since `current` was built. */
  private dirty = false;
  private beatTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private beatFailing = false;

  constructor(
    private readonly transport: Transport<Beat>,
    options: PresenceOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 2000;
  }

  async start(): Promise<void> {
    await this.transport.start((beat) => this.receive(beat));
    this.beatTimer = setInterval(() => {
      void this.beat();
      this.expire();
    }, BEAT_MS);
    this.beatTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.beatTimer) clearInterval(this.beatTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const watcher of this.watchers) watcher.close();
    await this.transport.close();
  }

  /** Marks a member present until the returned function is called (once per connection). */
  join(member: PresentMember): () => void {
    const entry = this.local.get(member.memberPk);
    this.local.set(member.memberPk, { member, connections: (entry?.connections ?? 0) + 1 });
    const until = Date.now() + TTL_MS;
    this.setKnown(member, until);
    if (!entry) this.announce(member, until);
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
      this.deleteKnown(member.memberPk);
      this.announce(member, 0);
    };
  }

  /** The current snapshot at once, then each new one (at most one per interval) until closed. */
  watch(): PresenceWatch<PresenceSnapshot> {
    const watcher = new PresenceWatch<PresenceSnapshot>(() => this.watchers.delete(watcher));
    if (this.closed) {
      watcher.close();
      return watcher;
    }
    this.watchers.add(watcher);
    watcher.offer(this.snapshot());
    return watcher;
  }

  /** The current state: the snapshot last built, or a new one if something changed since. */
  snapshot(): PresenceSnapshot {
    if (!this.dirty) return this.current;
    this.dirty = false;
    const first = this.first ?? this.findFirst();
    this.first = first;
    const next: PresenceSnapshot = {
      count: this.known.size,
      members: first.map((m) =>
        Object.freeze({ id: toGlobalId('Member', m.memberPk), name: m.name, organizationName: m.organizationName }),
      ),
    };
    // A join and a leave within one interval: nothing to tell anyone.
    if (sameSnapshot(next, this.current)) return this.current;
    Object.freeze(next.members);
    this.current = Object.freeze(next);
    return this.current;
  }

  private announce(member: PresentMember, until: number): void {
    this.unannounced.set(member.memberPk, { member, until });
    this.schedule();
  }

  private setKnown(member: PresentMember, until: number): void {
    const entry = this.known.get(member.memberPk);
    if (entry && sameMember(entry.member, member)) {
      entry.until = Math.max(entry.until, until);
      return;
    }
    this.known.set(member.memberPk, { member, until });
    if (entry)
      this.first = null; // renamed or moved: find the first few again
    else if (this.first) this.first = insertFirst(this.first, member);
    this.changed();
  }

  private deleteKnown(memberPk: number): void {
    if (!this.known.delete(memberPk)) return;
    if (this.first?.some((m) => m.memberPk === memberPk)) this.first = null;
    this.changed();
  }

  private findFirst(): PresentMember[] {
    let first: PresentMember[] = [];
    for (const { member } of this.known.values()) first = insertFirst(first, member);
    return first;
  }

  private changed(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Trailing edge: the first change after a quiet spell waits one interval, gathering the rest. */
  private schedule(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(() => this.flush(), this.intervalMs);
    this.flushTimer.unref();
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.unannounced.size > 0) {
      const members = [...this.unannounced.values()];
      this.unannounced.clear();
      void this.publish(members);
    }
    const snapshot = this.snapshot();
    for (const watcher of this.watchers) watcher.offer(snapshot);
  }

  /** Every local member, renewed: what keeps them alive on the other instances. */
  private async beat(): Promise<void> {
    const until = Date.now() + TTL_MS;
    const members = [...this.local.values()].map((e) => ({ member: e.member, until }));
    if (members.length > 0) await this.publish(members);
  }

  private async publish(members: Beat['members']): Promise<void> {
    try {
      await this.transport.publish({ instance: this.instance, members });
      this.beatFailing = false;
    } catch (error) {
      // Once per outage: the other instances' copies expire, and the next beat renews them.
      if (!this.beatFailing) log.error({ err: error }, 'presence beat failed');
      this.beatFailing = true;
    }
  }

  private receive(beat: Beat): void {
    // This instance's own members are known from join and leave; an echo may be out of date.
    if (beat.instance === this.instance) return;
    for (const { member, until } of beat.members) {
      // A "gone" from one instance must not hide a member still here through this one.
      if (this.local.has(member.memberPk)) continue;
      if (until === 0) this.deleteKnown(member.memberPk);
      else this.setKnown(member, until);
    }
  }

  private expire(): void {
    const now = Date.now();
    for (const [pk, entry] of this.known) if (entry.until < now && !this.local.has(pk)) this.deleteKnown(pk);
  }
}

/** `first` with `member` in its place, still at most PRESENCE_FIRST long (a new array). */
function insertFirst(first: PresentMember[], member: PresentMember): PresentMember[] {
  if (first.length >= PRESENCE_FIRST && byName(member, first[first.length - 1]) >= 0) return first;
  const next = first.filter((m) => m.memberPk !== member.memberPk);
  const at = next.findIndex((m) => byName(member, m) < 0);
  next.splice(at === -1 ? next.length : at, 0, member);
  return next.slice(0, PRESENCE_FIRST);
}

function sameSnapshot(a: PresenceSnapshot, b: PresenceSnapshot): boolean {
  return (
    a.count === b.count &&
    a.members.length === b.members.length &&
    a.members.every((m, i) => {
      const o = b.members[i];
      return m.id === o.id && m.name === o.name && m.organizationName === o.organizationName;
    })
  );
}
