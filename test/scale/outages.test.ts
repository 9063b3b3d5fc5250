import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startServer, type TestServer } from '../support/server.js';
import { buildApiToken, buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { nextClose } from '../support/ws.js';
import { startRedis, type TestRedis } from '../support/redis.js';

// Two instances on one PostgreSQL database and a Redis of the test's own, which goes away
// mid-stream and comes back: the partnership keeps working, and no change is lost or repeated.
const ISSUE_CHANGED = 'subscription { issueChanged { seq kind issue { id title status } } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id status } }';

let redis: TestRedis;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  redis = await startRedis();
  a = await startServer({ config: { redisUrl: redis.url } });
  b = await startServer({ db: a.db, seed: false, config: { redisUrl: redis.url } });
  Object.assign(b, { basics: a.basics });
});
afterAll(async () => {
  await b?.stop();
  await a?.close();
  await redis?.stop();
});

/** Fails instead of hanging when a call waits for Redis to come back. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

describe('Redis goes away and comes back', () => {
  it('mutations answer at once, both instances stay live from the database, nothing lost or repeated', async () => {
    const officer = await a.login(a.basics.emails.officer);
    const coordinator = await a.login(a.basics.emails.coordinator);
    const tool = await buildApiToken(a, coordinator, ['ISSUES_READ']);
    const onA = a.ws(officer);
    const onB = b.ws(null);
    const toolOnB = b.ws(tool.token, { retry: false });
    const feedA = collect(onA, ISSUE_CHANGED);
    const feedB = collect(onB, ISSUE_CHANGED);
    collect(toolOnB, ISSUE_CHANGED);
    await Promise.all([connected(onA), connected(onB), connected(toolOnB)]);
    await new Promise((r) => setTimeout(r, 200));

    const issue = await buildIssue(b, { title: 'Before the outage' });
    await Promise.all([feedA.waitFor(1), feedB.waitFor(1)]);

    await redis.stop();
    // Changes on both instances while Redis is down: each answers as soon as it commits.
    const statuses = ['ACKNOWLEDGED', 'IN_PROGRESS', 'ACKNOWLEDGED'];
    for (const [i, s] of statuses.entries()) {
      const res = await within(a.gql(SET_STATUS, { id: issue.id, s }, officer), 5000, `change ${i} on A`);
      expect(res.errors).toBeUndefined();
    }
    await within(buildIssue(b, { title: 'During the outage' }), 5000, 'report on B');
    // Reads keep working too.
    const read = await within(b.gql('{ issues(first: 5) { totalCount } }'), 5000, 'query on B');
    expect(read.data.issues.totalCount).toBeGreaterThanOrEqual(2);
    // Each instance's clients hear every change, from the database, while Redis is still down.
    const [duringA, duringB] = await Promise.all([feedA.waitFor(5, 8000), feedB.waitFor(5, 8000)]);
    expect(duringB.map((e) => e.issueChanged.seq)).toEqual(duringA.map((e) => e.issueChanged.seq));

    // A token revoked on A while Redis is down: its socket on B closes all the same.
    const closed = nextClose(toolOnB);
    const revoked = await within(
      a.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: tool.id }, coordinator),
      5000,
      'revoke on A',
    );
    expect(revoked.errors).toBeUndefined();
    expect(await within(closed, 8000, 'the revoked socket on B')).toBe(4403);

    await redis.start();
    await new Promise((r) => setTimeout(r, 1500)); // ioredis reconnects (backoff up to 2 s)
    await a.gql(SET_STATUS, { id: issue.id, s: 'RESOLVED' }, officer);
    await buildIssue(b, { title: 'After the outage' });

    const [allA, allB] = await Promise.all([feedA.waitFor(7, 8000), feedB.waitFor(7, 8000)]);
    await new Promise((r) => setTimeout(r, 700)); // a repeat would arrive by now
    const seqs = feedA.events.map((e) => e.issueChanged.seq);
    expect(seqs).toHaveLength(7);
    expect(new Set(seqs).size).toBe(7);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(feedB.events.map((e) => e.issueChanged.seq)).toEqual(seqs);
    expect(allA.at(-1)!.issueChanged.issue.title).toBe('After the outage');
    // Each payload shows the issue as it is when the instance sends it: the last one, as it ended.
    expect(allA.at(-2)!.issueChanged.issue.status).toBe('RESOLVED');
    expect(allB.at(-2)!.issueChanged.issue.status).toBe('RESOLVED');
  });

  it('after the outage, changes cross instances through Redis again within a second', async () => {
    const onA = a.ws(null);
    const feed = collect(onA, ISSUE_CHANGED);
    await connected(onA);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await buildIssue(b, { title: 'Live again' });
    await feed.waitFor(1, 3000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('PostgreSQL drops connections', () => {
  it('after every backend of the pool is terminated, the next requests succeed', async () => {
    const officer = await a.login(a.basics.emails.officer);
    // Warm the pool: several connections open.
    await Promise.all(Array.from({ length: 4 }, () => a.gql('{ issues(first: 5) { totalCount } }', {}, officer)));
    // Every backend serving this database, ended from outside the pool as an administrator would.
    const url = (a.db.config as { url: string }).url;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const ended = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    const after = await Promise.all(
      Array.from({ length: 4 }, () => a.gql('{ issues(first: 5) { totalCount } }', {}, officer)),
    );
    for (const res of after) expect(res.errors).toBeUndefined();
    const write = await buildIssue(a, { title: 'After the blip' });
    expect(write.id).toBeTruthy();
  });
});
