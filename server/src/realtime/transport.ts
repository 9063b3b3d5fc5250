import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { ActivityEnvelope } from './envelope.js';

/**
 * Carries committed activity envelopes between server instances. Delivery may be late or
 * out of order across instances; `ActivityBus` repairs both from the database, so a
 * transport only has to be fast, not perfect.
 */
export interface ActivityTransport {
  publish(envelope: ActivityEnvelope): Promise<void>;
  /** Resolves once messages are flowing to `onMessage`. */
  start(onMessage: (envelope: ActivityEnvelope) => void): Promise<void>;
  close(): Promise<void>;
}

/** One process: an EventEmitter. */
export class LocalTransport implements ActivityTransport {
  private readonly emitter = new EventEmitter();

  async publish(envelope: ActivityEnvelope): Promise<void> {
    this.emitter.emit('activity', envelope);
  }

  async start(onMessage: (envelope: ActivityEnvelope) => void): Promise<void> {
    this.emitter.on('activity', onMessage);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * Redis pub/sub through graphql-redis-subscriptions, on a channel named after the database's
 * stream id so that servers sharing a Redis but not a database never hear each other.
 */
export class RedisTransport implements ActivityTransport {
  private readonly pubsub: RedisPubSub;
  private readonly channel: string;

  constructor(url: string, streamId: string) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false };
    this.pubsub = new RedisPubSub({
      publisher: new Redis(url, options),
      subscriber: new Redis(url, options),
    });
    this.channel = `bridgeboard:activity:${streamId}`;
  }

  async publish(envelope: ActivityEnvelope): Promise<void> {
    await this.pubsub.publish(this.channel, envelope);
  }

  async start(onMessage: (envelope: ActivityEnvelope) => void): Promise<void> {
    await this.pubsub.subscribe<ActivityEnvelope>(this.channel, onMessage);
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}
