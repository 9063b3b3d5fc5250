import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { watchRedis } from '../common/redis.js';

/**
 * Carries JSON messages on one channel between server instances (activity envelopes,
 * presence beats). Delivery may be late, out of order or lost across instances: what is
 * built on it must repair that (the activity bus reads the database; presence beats expire).
 */
export interface Transport<T> {
  /** Rejects at once (or within a second) while the transport is down: callers never wait on it. */
  publish(message: T): Promise<void>;
  /** Resolves once messages are flowing to `onMessage`. */
  start(onMessage: (message: T) => void): Promise<void>;
  close(): Promise<void>;
}

/** One process: an EventEmitter per channel. */
export class LocalTransport<T> implements Transport<T> {
  private readonly emitter = new EventEmitter();

  async publish(message: T): Promise<void> {
    this.emitter.emit('message', message);
  }

  async start(onMessage: (message: T) => void): Promise<void> {
    this.emitter.on('message', onMessage);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * One Redis link for every channel of a process: a publisher connection that fails fast while
 * Redis is away (no offline queue, a 1 s command timeout), so nothing that publishes ever waits
 * for Redis to return, and a subscriber connection that reconnects by itself with backoff
 * (ioredis: 50 ms more per attempt, at most 2 s) and subscribes again to every channel. An outage
 * is logged once when it starts and once when it ends. Lifecycle: channels `start()`, `close()`;
 * the connections close with the last channel.
 */
class RedisLink {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly pubsub: RedisPubSub;
  private open = 0;
  private closing: Promise<void> | null = null;

  constructor(url: string) {
    this.publisher = watchRedis(new Redis(url, { enableOfflineQueue: false, commandTimeout: 1_000 }), 'publisher');
    this.subscriber = watchRedis(new Redis(url, { maxRetriesPerRequest: null }), 'subscriber');
    this.pubsub = new RedisPubSub({ publisher: this.publisher, subscriber: this.subscriber });
  }

  /** Both connections are up (what `/readyz` reports). */
  get ready(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  publish(channel: string, message: unknown): Promise<void> {
    return this.pubsub.publish(channel, message);
  }

  async subscribe<T>(channel: string, onMessage: (message: T) => void): Promise<number> {
    this.open++;
    // Subscribing before the ready check finishes puts the connection in subscriber mode
    // while ioredis still sends INFO, which it then rejects.
    await Promise.all(
      [this.publisher, this.subscriber].map((c) =>
        c.status === 'ready' ? null : new Promise((resolve) => c.once('ready', resolve)),
      ),
    );
    return this.pubsub.subscribe<T>(channel, onMessage);
  }

  async unsubscribe(id: number | null): Promise<void> {
    if (id != null) this.pubsub.unsubscribe(id);
    if (--this.open > 0) return;
    this.closing ??= this.pubsub.close().then(() => undefined);
    await this.closing;
  }
}

/** One channel on the process's Redis link. */
class RedisTransport<T> implements Transport<T> {
  private id: number | null = null;
  private started = false;

  constructor(
    private readonly link: RedisLink,
    private readonly channel: string,
  ) {}

  publish(message: T): Promise<void> {
    return this.link.publish(this.channel, message);
  }

  async start(onMessage: (message: T) => void): Promise<void> {
    this.started = true;
    this.id = await this.link.subscribe<T>(this.channel, onMessage);
  }

  async close(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.link.unsubscribe(this.id);
  }
}

/** Opens transports for channels: in-process, or Redis pub/sub shared by every instance. */
export interface TransportFactory {
  open<T>(channel: string): Transport<T>;
  /** Whether messages can cross instances now: always in one process; with Redis, while it is up. */
  readonly ready: boolean;
}

/**
 * Channels are named after the database's stream id, so servers that share a Redis but not a
 * database never hear each other.
 */
export function transports(redisUrl: string | null, streamId: string): TransportFactory {
  if (!redisUrl) return { open: <T>() => new LocalTransport<T>(), ready: true };
  const link = new RedisLink(redisUrl);
  return {
    open: <T>(channel: string): Transport<T> => new RedisTransport<T>(link, `bridgeboard:${channel}:${streamId}`),
    get ready() {
      return link.ready;
    },
  };
}
