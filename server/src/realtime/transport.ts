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
  private readonly clients: Redis[];

  constructor(url: string, streamId: string) {
    const connect = (role: string) => {
      const client = new Redis(url, { maxRetriesPerRequest: null });
      // Without a listener ioredis reports errors as unhandled; it reconnects by itself, and the
      // bus's database poll covers anything published while the link was down.
      client.on('error', (error: Error) => console.error(`[bridgeboard] redis ${role}: ${error.message}`));
      return client;
    };
    this.clients = [connect('publisher'), connect('subscriber')];
    this.pubsub = new RedisPubSub({ publisher: this.clients[0], subscriber: this.clients[1] });
    this.channel = `bridgeboard:activity:${streamId}`;
  }

  async publish(envelope: ActivityEnvelope): Promise<void> {
    await this.pubsub.publish(this.channel, envelope);
  }

  async start(onMessage: (envelope: ActivityEnvelope) => void): Promise<void> {
    // Subscribing before the ready check finishes puts the connection in subscriber mode
    // while ioredis still sends INFO, which it then rejects.
    await Promise.all(
      this.clients.map((c) => (c.status === 'ready' ? null : new Promise((resolve) => c.once('ready', resolve)))),
    );
    await this.pubsub.subscribe<ActivityEnvelope>(this.channel, onMessage);
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}
