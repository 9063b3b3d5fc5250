import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected, type Collector } from '../support/live.js';
import { readsOfActivity, statementsOf } from '../support/statements.js';

// What one change costs the server should not depend on how many identical subscriptions
// are open: the subject is loaded once per change and the selection executed once per group.

/** The public board's subscription, as every resident's open page holds it. */
const PUBLIC_BOARD = `subscription { issueChanged {
  seq kind issue { id title status version supportersCount updateCount
    neighborhood { id name } organizations { id name } location { lat lng precise }
    latestUpdate { body visibility } }
} }`;

// Two instances on one database, each with its own in-process pub/sub: a change made through
// B commits (and takes its seq) but A never hears of it, exactly as if the broker lost the
// message. Safety-net polls are slowed to a minute so that only the gap repair can bring it.
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  a = await startServer({ pollIntervalMs: 60_000 });
  b = await startServer({ db: a.db, seed: false, pollIntervalMs: 60_000 });
  Object.assign(b, { basics: a.basics });
});
afterAll(async () => {
  await b?.stop();
  await a?.close();
});

const clients: Client[] = [];
const feeds: Collector[] = [];

/** Opens public subscribers on A until there are `n`, and waits until each has taken a live change. */
async function subscribers(n: number): Promise<Collector[]> {
  const opening: Promise<void>[] = [];
  while (feeds.length < n) {
    const client = a.ws(null);
    clients.push(client);
    opening.push(connected(client));
    feeds.push(collect(client, PUBLIC_BOARD));
  }
  await Promise.all(opening);
  await new Promise((r) => setTimeout(r, 300));
  // A warm-up change every subscriber receives: from here on, each is live.
  const seen = feeds.map((f) => f.events.length);
  await buildIssue(a, { title: `Warm-up for ${n}` });
  await Promise.all(feeds.map((f, i) => f.waitFor(seen[i] + 1, 15_000)));
  return feeds;
}

afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.stop();
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

/** Waits until every feed holds `count` more events than in `before`. */
const allReceive = (before: number[], count: number) =>
  Promise.all(feeds.map((f, i) => f.waitFor(before[i] + count, 15_000)));

describe('cost of one change with many identical subscribers', () => {
  it('runs as many SQL statements for 50 public subscribers as for 5', async () => {
    const perChange = async (n: number) => {
      await subscribers(n);
      const counts: number[] = [];
      for (let i = 0; i < 2; i++) {
        const before = feeds.map((f) => f.events.length);
        const statements = await statementsOf(a, async () => {
          await buildIssue(a, { title: `Counted with ${n} subscribers, ${i}` });
          await allReceive(before, 1);
        });
        counts.push(statements.length);
      }
      return Math.min(...counts);
    };
    const five = await perChange(5);
    const fifty = await perChange(50);
    console.log(`one change: ${five} SQL statements with 5 subscribers, ${fifty} with 50`);
    expect(fifty).toBe(five);
  });

  it('repairs a lost broker message once per process, not once per subscriber', async () => {
    const repair = async (n: number) => {
      await subscribers(n);
      const before = feeds.map((f) => f.events.length);
      const statements = await statementsOf(a, async () => {
        await buildIssue(b, { title: `Lost message with ${n} subscribers` });
        await buildIssue(a, { title: `Heard with ${n} subscribers` });
        await allReceive(before, 2);
      });
      // Every subscriber got both, the lost one first, once each.
      await new Promise((r) => setTimeout(r, 200));
      for (const [i, feed] of feeds.entries()) {
        const got = feed.events.slice(before[i]).map((e) => [e.issueChanged.seq, e.issueChanged.issue.title]);
        expect(got).toHaveLength(2);
        expect(got[1][0]).toBe(got[0][0] + 1);
        expect(got.map((g) => g[1])).toEqual([`Lost message with ${n} subscribers`, `Heard with ${n} subscribers`]);
      }
      return readsOfActivity(statements).length;
    };
    const five = await repair(5);
    const fifty = await repair(50);
    console.log(`lost message: ${five} reads of activity with 5 subscribers, ${fifty} with 50`);
    expect(five).toBeGreaterThanOrEqual(1);
    expect(fifty).toBe(five);
  });
});
