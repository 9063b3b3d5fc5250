/**
 * The common approach: graphql-ws' default `useServer` (graphql-ws/use/ws) on the committed
 * schema (graphql-js `buildSchema`), default resolvers reading an in-memory payload of the same
 * shape as Bridgeboard's, and an in-process pub/sub async iterator per subscriber. Every
 * subscriber validates and executes its own subscription for every change, but nothing touches
 * a database.
 *
 * Env: PORT, BENCH_TEMPLATES, BENCH_LATEST_SEQ, BENCH_SCHEMA. POST /change {seq, version}.
 */
import fs from 'node:fs';
import http from 'node:http';
import { buildSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { mergedChange, readJson, readTemplates } from './templates.js';

type Event = { issueChanged: unknown };

const schema = buildSchema(fs.readFileSync(process.env.BENCH_SCHEMA!, 'utf8'));
const change = mergedChange(readTemplates(process.env.BENCH_TEMPLATES!));
let latest = Number(process.env.BENCH_LATEST_SEQ ?? 0);

const event = (seq: number, version: number): Event => ({
  issueChanged: { ...change, seq, issue: { ...change.issue, version } },
});

/** An async iterator fed by `push`, removed from the pub/sub when the subscription ends. */
class Subscription implements AsyncIterableIterator<Event> {
  private readonly queue: Event[] = [];
  private waiting: ((result: IteratorResult<Event>) => void) | null = null;
  private done = false;

  push(value: Event): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else {
      this.queue.push(value);
    }
  }

  next(): Promise<IteratorResult<Event>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Event>> {
    this.done = true;
    pubsub.delete(this);
    this.waiting?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

const pubsub = new Set<Subscription>();

const roots = {
  subscription: {
    issueChanged: ({ after }: { after?: number | null }) => {
      const subscription = new Subscription();
      if (typeof after === 'number') for (let seq = after + 1; seq <= latest; seq++) subscription.push(event(seq, seq));
      pubsub.add(subscription);
      return subscription;
    },
  },
};

const server = http.createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/change') {
    readJson(request).then(
      ({ seq, version }) => {
        latest = Math.max(latest, seq);
        const payload = event(seq, version);
        for (const subscription of pubsub) subscription.push(payload);
        response.writeHead(204).end();
      },
      () => response.writeHead(400).end(),
    );
    return;
  }
  response.writeHead(request.url === '/healthz' ? 200 : 404).end();
});

useServer({ schema, roots }, new WebSocketServer({ server, path: '/graphql' }));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
