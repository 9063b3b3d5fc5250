import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { log } from '../ops/log.js';

/**
 * Carries JSON messages on one channel between server instances (activity envelopes,
 * presence beats). Delivery may be late, out of order or lost across instances: what is
 * built on it must repair that (the activity bus reads the database; presence beats expire).
 */
export interface Transport<T> {
  publish(message: T): Promise<void>;
  /** Resolves once messages are flowing to `onMessage`. */
  start(onMessage: (message: T) => void): Promise<void>;
  close(): Promise<void>;
}

/** Opens transports for channels: in-process, or Redis pub/sub shared by every instance. */
export interface TransportFactory {
  open<T>(channel: string): Transport<T>;
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

/** Redis pub/sub through graphql-redis-subscriptions, one publisher and one subscriber connection. */
export class RedisTransport<T> implements Transport<T> {
  private readonly pubsub: RedisPubSub;
  private readonly clients: Redis[];

  constructor(
    url: string,
    private readonly channel: string,
  ) {
    const connect = (role: string) => {
      const client = new Redis(url, { maxRetriesPerRequest: null });
      // Without a listener ioredis reports errors as unhandled; it reconnects by itself, and
      // what runs on the transport repairs anything lost while the link was down.
      client.on('error', (error: Error) => log.error({ err: error, role }, 'redis connection error'));
      return client;
    };
    this.clients = [connect('publisher'), connect('subscriber')];
    this.pubsub = new RedisPubSub({ publisher: this.clients[0], subscriber: this.clients[1] });
  }

  async publish(message: T): Promise<void> {
    await this.pubsub.publish(this.channel, message);
  }

  async start(onMessage: (message: T) => void): Promise<void> {
    // Subscribing before the ready check finishes puts the connection in subscriber mode
    // while ioredis still sends INFO, which it then rejects.
    await Promise.all(
      this.clients.map((c) => (c.status === 'ready' ? null : new Promise((resolve) => c.once('ready', resolve)))),
    );
    await this.pubsub.subscribe<T>(this.channel, onMessage);
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}

/**
 * Channels are named after the database's stream id, so servers that share a Redis but not a
 * database never hear each other.
 */
export function transports(redisUrl: string | null, streamId: string): TransportFactory {
  return {
    open: <T>(channel: string): Transport<T> =>
      redisUrl ? new RedisTransport<T>(redisUrl, `bridgeboard:${channel}:${streamId}`) : new LocalTransport<T>(),
  };
}
