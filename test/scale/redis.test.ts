import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two server instances on one PostgreSQL database, sharing one live stream through Redis.
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  a = await startServer({ config: { redisUrl: REDIS_URL } });
  b = await startServer({ db: a.db, seed: false, config: { redisUrl: REDIS_URL } });
  Object.assign(b, { basics: a.basics });
});
afterAll(async () => {
  await b?.stop();
  await a?.close();
});

describe('many instances: PostgreSQL + Redis', () => {
  it('a client on one instance sees changes made through the other within a second', async () => {
    const token = await a.login(a.basics.emails.officer);
    const onA = a.ws(token);
    const onB = b.ws(null);
    const feedA = collect(onA, 'subscription { issueChanged { seq kind issue { title } } }');
    const feedB = collect(onB, 'subscription { issueChanged { seq kind issue { title } } }');
    await Promise.all([connected(onA), connected(onB)]);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await buildIssue(b, { title: 'Reported through B' });
    await buildIssue(a, { title: 'Reported through A' });
    const [eventsA, eventsB] = await Promise.all([feedA.waitFor(2, 1500), feedB.waitFor(2, 1500)]);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(eventsA.map((e) => e.issueChanged.issue.title)).toEqual(['Reported through B', 'Reported through A']);
    expect(eventsB).toEqual(eventsA);
    feedA.stop();
    feedB.stop();
  });

  it('concurrent writes on both instances get a gapless seq, delivered to each client once and in order', async () => {
    const onA = a.ws(null);
    const onB = b.ws(null);
    const feedA = collect(onA, 'subscription { activity { seq summary } }');
    const feedB = collect(onB, 'subscription { activity { seq summary } }');
    await Promise.all([connected(onA), connected(onB)]);
    await new Promise((r) => setTimeout(r, 200));
    const writes = Array.from({ length: 20 }, (_, i) => buildIssue(i % 2 ? a : b, { title: `Concurrent ${i}` }));
    await Promise.all(writes);
    const [eventsA, eventsB] = await Promise.all([feedA.waitFor(20, 5000), feedB.waitFor(20, 5000)]);
    const seqA = eventsA.map((e) => e.activity.seq);
    const first = seqA[0];
    expect(seqA).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    expect(eventsB.map((e) => e.activity.seq)).toEqual(seqA);
    expect((await feedA.settle(300)).length).toBe(20);
    feedA.stop();
    feedB.stop();
  });
});

describe('presence across instances', () => {
  it('shows a member on instance B to a member on instance A, and drops them when they leave', async () => {
    const query = 'subscription { presence(share: true) { members { name } } }';
    const onA = a.ws(await a.login(a.basics.emails.officer));
    const feedA = collect(onA, query);
    await connected(onA);
    await feedA.waitFor(1);
    const onB = b.ws(await b.login(a.basics.emails.partner));
    const feedB = collect(onB, query);
    await feedB.waitFor(1);
    const names = (e: any) => e.presence.members.map((m: { name: string }) => m.name);
    await expect
      .poll(() => feedA.events.map(names).at(-1), { timeout: 3000 })
      .toEqual(['Oscar Officer', 'Paula Partner']);
    feedB.stop();
    await expect.poll(() => feedA.events.map(names).at(-1), { timeout: 3000 }).toEqual(['Oscar Officer']);
    feedA.stop();
  });
});
