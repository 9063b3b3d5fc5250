import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected, type Collector } from '../support/live.js';
import { readsOfActivity, recordStatements } from '../support/statements.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FEED = 'subscription { issueChanged { seq kind issue { id title status } } }';

// A and C share one live stream through Redis; B writes to the same database without Redis,
// so each of its changes is a broker message A and C never get. Safety-net polls are slowed
// to a minute: only the gap repair can bring the lost change, and it should read the database
// once per process, however many subscribers each instance holds.
let a: TestServer;
let b: TestServer;
let c: TestServer;

beforeAll(async () => {
  a = await startServer({ config: { redisUrl: REDIS_URL }, pollIntervalMs: 60_000 });
  b = await startServer({ db: a.db, seed: false, pollIntervalMs: 60_000 });
  c = await startServer({ db: a.db, seed: false, config: { redisUrl: REDIS_URL }, pollIntervalMs: 60_000 });
  Object.assign(b, { basics: a.basics });
  Object.assign(c, { basics: a.basics });
});
afterAll(async () => {
  await c?.stop();
  await b?.stop();
  await a?.close();
});

const clients: Client[] = [];
const feeds: { on: TestServer; feed: Collector }[] = [];
afterEach(async () => {
  for (const { feed } of feeds.splice(0)) feed.stop();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

/** `n` live subscribers on each of A and C. */
async function subscribers(n: number): Promise<void> {
  const opening: Promise<void>[] = [];
  for (const on of [a, c]) {
    while (feeds.filter((f) => f.on === on).length < n) {
      const client = on.ws(null);
      clients.push(client);
      opening.push(connected(client));
      feeds.push({ on, feed: collect(client, FEED) });
    }
  }
  await Promise.all(opening);
  await new Promise((r) => setTimeout(r, 300));
  const seen = feeds.map((f) => f.feed.events.length);
  await buildIssue(a, { title: `Warm-up for ${n}` });
  await Promise.all(feeds.map((f, i) => f.feed.waitFor(seen[i] + 1, 15_000)));
}

describe('a lost broker message, many instances', () => {
  it('is repaired once per instance, not once per subscriber, and reaches every subscriber once', async () => {
    const repair = async (n: number) => {
      await subscribers(n);
      const before = feeds.map((f) => f.feed.events.length);
      const onA = recordStatements(a);
      const onC = recordStatements(c);
      let reads: { a: number; c: number };
      try {
        await buildIssue(b, { title: `Lost with ${n}` });
        await buildIssue(c, { title: `Heard with ${n}` });
        await Promise.all(feeds.map((f, i) => f.feed.waitFor(before[i] + 2, 15_000)));
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        reads = { a: readsOfActivity(onA.stop()).length, c: readsOfActivity(onC.stop()).length };
      }
      for (const [i, { feed }] of feeds.entries()) {
        const got = feed.events.slice(before[i]).map((e) => [e.issueChanged.seq, e.issueChanged.issue.title]);
        expect(got.map((g) => g[1])).toEqual([`Lost with ${n}`, `Heard with ${n}`]);
        expect(got[1][0]).toBe(got[0][0] + 1);
      }
      return reads;
    };
    const few = await repair(3);
    const many = await repair(30);
    console.log(
      `lost message: reads of activity on A/C ${few.a}/${few.c} with 3 subscribers each, ${many.a}/${many.c} with 30`,
    );
    expect(few.a).toBeGreaterThanOrEqual(1);
    expect(few.c).toBeGreaterThanOrEqual(1);
    expect(many).toEqual(few);
  });
});
