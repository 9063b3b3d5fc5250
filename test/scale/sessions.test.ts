import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildMember } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { nextClose } from '../support/ws.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

// Two server instances on one PostgreSQL database, sharing the sessions channel through Redis.
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

describe('ending sessions across instances', () => {
  it('deactivating a member on instance A closes their socket on instance B within a second', async () => {
    const coordinator = await a.login(a.basics.emails.coordinator);
    const member = await buildMember(a, coordinator);
    const signedIn = await b.gql(LOGIN, { e: member.email, p: member.password });
    const onB = b.ws(signedIn.data.login.token);
    const feed = collect(onB, 'subscription { issueChanged { seq } }');
    await connected(onB);
    const closed = nextClose(onB);
    const res = await a.gql(
      'mutation($id: ID!) { deactivateMember(id: $id) { active } }',
      { id: member.id },
      coordinator,
    );
    expect(res.data?.deactivateMember).toEqual({ active: false });
    const answered = Date.now();
    expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r('still open'), 1000))])).toBe(4403);
    expect(Date.now() - answered).toBeLessThan(1000);
    feed.stop();
  });
});
