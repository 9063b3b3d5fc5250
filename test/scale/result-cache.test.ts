import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BOARD = 'query Board { latestSeq issues(first: 50) { edges { node { id title status version } } } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id version } }';

// Instances on one PostgreSQL database. A's result cache must never answer from before a change
// committed through another instance, however late A's live stream hears of it.
let a: TestServer;
let b: TestServer;
let isolated: TestServer;

beforeAll(async () => {
  // The bus's safety-net poll is slowed down: only Redis (or nothing) tells A about B's changes.
  a = await startServer({ config: { redisUrl: REDIS_URL }, pollIntervalMs: 60_000 });
  b = await startServer({ db: a.db, seed: false, config: { redisUrl: REDIS_URL }, pollIntervalMs: 60_000 });
  // An instance whose changes never reach A's live stream at all (no Redis).
  isolated = await startServer({ db: a.db, seed: false, config: { redisUrl: null }, pollIntervalMs: 60_000 });
  Object.assign(b, { basics: a.basics });
  Object.assign(isolated, { basics: a.basics });
});
afterAll(async () => {
  await isolated?.stop();
  await b?.stop();
  await a?.close();
});

const board = async (server: TestServer, token: string) => {
  const res = await server.gql(BOARD, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data as { latestSeq: number; issues: { edges: { node: { id: string; status: string } }[] } };
};
const statusOf = (page: Awaited<ReturnType<typeof board>>, id: string) =>
  page.issues.edges.find((e) => e.node.id === id)?.node.status;

describe('result cache across instances', () => {
  it("serves another instance's change on the very next read, with Redis between them", async () => {
    const officerOnA = await a.login(a.basics.emails.officer);
    const officerOnB = await b.login(a.basics.emails.officer);
    const issue = await buildIssue(b, { title: 'Flooded underpass' });
    await board(a, officerOnA);
    const hits = a.app.resultCache!.stats().hits;
    expect(statusOf(await board(a, officerOnA), issue.id)).toBe('OPEN');
    expect(a.app.resultCache!.stats().hits).toBe(hits + 1);

    expect((await b.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, officerOnB)).errors).toBeUndefined();
    expect(statusOf(await board(a, officerOnA), issue.id)).toBe('ACKNOWLEDGED');
  });

  it('does so even when its own live stream has not heard of the change', async () => {
    const officerOnA = await a.login(a.basics.emails.officer);
    const officerElsewhere = await isolated.login(a.basics.emails.officer);
    const issue = await buildIssue(isolated, { title: 'Fallen tree on Oak' });
    const before = await board(a, officerOnA);
    expect(statusOf(await board(a, officerOnA), issue.id)).toBe('OPEN');

    expect((await isolated.gql(SET_STATUS, { id: issue.id, s: 'IN_PROGRESS' }, officerElsewhere)).errors).toBe(
      undefined,
    );
    // A's bus is behind the database (nothing told it), yet its next read is the new state.
    expect(a.app.services.bus.delivered).toBeLessThan(await a.app.services.bus.latestSeq());
    const after = await board(a, officerOnA);
    expect(statusOf(after, issue.id)).toBe('IN_PROGRESS');
    expect(after.latestSeq).toBeGreaterThan(before.latestSeq);
  });
});
