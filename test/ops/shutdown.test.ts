import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, prepareCity, report, REPORT, resumingSubscriber, type City } from './support/city.js';
import { partialGet, slowPost, tryConnect } from './support/http.js';
import { startServer, stopAll, until, type ServerProcess } from './support/processes.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * SIGTERM on one of two instances (PostgreSQL + Redis), each the compiled server in its own
 * process: what a rolling restart does to the requests and the subscribers on it.
 */
let city: City;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  city = await prepareCity('postgres');
  const env = { DATABASE_URL: city.databaseUrl, REDIS_URL, SHUTDOWN_GRACE_SECONDS: '10' };
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await stopAll();
  await city?.db.drop();
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, and moves live subscribers to the other instance with every change once', async () => {
    const titles: string[] = [];
    const write = async (url: string, title: string) => {
      const res = await gql(url, REPORT, report(city, title));
      expect(res.data?.reportIssue.title, JSON.stringify(res.errors)).toBe(title);
      titles.push(title);
    };
    const after = (await gql<{ latestSeq: number }>(a.url, '{ latestSeq }')).data!.latestSeq;
    // Both try A first, and B when they reconnect (a load balancer would pick B: A refuses).
    const subscribers = [0, 1].map(() => resumingSubscriber([a.wsUrl, b.wsUrl], null, after));
    try {
      await until(() => subscribers.every((s) => s.connectedTo.length === 1), 10_000, 'subscribers to connect');
      expect(subscribers.map((s) => s.connectedTo)).toEqual([[a.wsUrl], [a.wsUrl]]);
      await write(a.url, 'Before, through A');
      await write(b.url, 'Before, through B');
      await until(() => subscribers.every((s) => s.changes.length === 2), 10_000, 'the first changes');

      // A report still sending its body, and a readiness probe still sending its headers.
      const slow = slowPost(a.port, { query: REPORT, variables: report(city, 'Sent to A as it stopped') });
      const probe = partialGet(a.port, '/readyz');
      await Promise.all([slow.sent, probe.sent]);
      await new Promise((r) => setTimeout(r, 200)); // both reached the server

      a.child.kill('SIGTERM');
      await until(async () => (await tryConnect(a.port)) === 'ECONNREFUSED', 5000, 'A to refuse new connections');
      const readiness = await probe.finish();
      expect(readiness.status).toBe(503);
      expect(readiness.headers).toMatch(/^connection: close$/im);
      expect(readiness.body).toMatchObject({ status: 'unavailable', checks: { shutdown: 'draining', database: 'up' } });

      // The other instance takes the writes meanwhile; A's subscribers still get them, live.
      await write(b.url, 'While A drains, through B');
      await until(() => subscribers.every((s) => s.changes.length === 3), 10_000, 'the change made during the drain');
      // WebSockets are closed only once the HTTP requests are done: the slow one is still running.
      expect(subscribers.map((s) => s.closeCodes)).toEqual([[], []]);

      const answer = await slow.finish();
      expect(answer.status, `${JSON.stringify(answer.body)}\n${a.output()}`).toBe(200);
      expect(answer.body.data.reportIssue.title).toBe('Sent to A as it stopped');
      titles.push('Sent to A as it stopped');

      expect(await a.exited).toEqual({ code: 0, signal: null });
      expect(a.output()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down/);
      await until(() => subscribers.every((s) => s.connectedTo.length === 2), 10_000, 'subscribers to reconnect');
      for (const s of subscribers) {
        expect(s.closeCodes[0]).toBe(1012);
        expect(s.connectedTo).toEqual([a.wsUrl, b.wsUrl]);
      }

      await write(b.url, 'After, through B');
      await until(
        () => subscribers.every((s) => s.changes.length >= titles.length),
        10_000,
        'every change on the new instance',
      );
      await new Promise((r) => setTimeout(r, 500)); // and nothing more arrives
      for (const s of subscribers) {
        expect(s.errors).toEqual([]);
        expect([...s.changes.map((c) => c.issue.title)].sort()).toEqual([...titles].sort());
        const seqs = s.changes.map((c) => c.seq);
        expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y)); // in order, none twice
      }
    } finally {
      await Promise.all(subscribers.map((s) => s.dispose()));
    }
  });

  it('cuts a request still running when SHUTDOWN_GRACE_SECONDS is over, and still exits 0', async () => {
    const short = await startServer({ DATABASE_URL: city.databaseUrl, REDIS_URL, SHUTDOWN_GRACE_SECONDS: '1' });
    const before = (await gql<{ latestSeq: number }>(b.url, '{ latestSeq }')).data!.latestSeq;
    const stuck = slowPost(short.port, { query: REPORT, variables: report(city, 'Never finished') });
    await stuck.sent;
    await new Promise((r) => setTimeout(r, 200));
    const signalled = Date.now();
    short.child.kill('SIGTERM');
    expect(await short.exited).toEqual({ code: 0, signal: null });
    // One second of grace, then the rest of the shutdown (which waits for nothing else here).
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1000);
    expect(await stuck.outcome).toMatch(/ECONNRESET|socket hang up/);
    expect(short.output()).toMatch(/"cut":1,.*"msg":"shutdown: cut HTTP requests still running/);
    // Nothing of the cut request was saved.
    expect((await gql<{ latestSeq: number }>(b.url, '{ latestSeq }')).data!.latestSeq).toBe(before);
  });
});
