import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, PASSWORD, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect } from '../support/live.js';
import { once } from '../support/ws.js';
import { captureLogs } from '../../server/src/ops/log.js';

const ISSUES = 'query Board { issues(first: 2) { edges { node { id title } } } }';
const CONTACT = 'query Contact($id: ID!) { issue(id: $id) { id contact } }';
const LOGIN = 'mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

type Entry = Record<string, unknown> & { msg?: string; reqId?: string };

async function post(server: TestServer, query: string, variables: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as any };
}

describe('logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ config: { trustProxy: ['loopback'] } });
  });
  afterAll(() => server?.close());

  it('gives each HTTP request an id (a sane incoming X-Request-Id is kept) and logs one JSON line with operation, outcome and duration', async () => {
    const capture = captureLogs('info');
    let kept: Awaited<ReturnType<typeof post>>,
      fresh: Awaited<ReturnType<typeof post>>,
      hostile: Awaited<ReturnType<typeof post>>;
    try {
      kept = await post(server, ISSUES, {}, { 'x-request-id': 'lb-7f3a9c21-0001' });
      fresh = await post(server, '{ nope }', {});
      hostile = await post(server, ISSUES, {}, { 'x-request-id': 'x"} {"level":60 injected' });
    } finally {
      capture.restore();
    }
    expect(kept.requestId).toBe('lb-7f3a9c21-0001');
    expect(fresh.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = capture.entries() as Entry[];
    const requests = lines.filter((entry) => entry.msg === 'request');
    expect(requests.find((entry) => entry.reqId === kept.requestId)).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Board',
      type: 'query',
      outcome: 'OK',
      ms: expect.any(Number),
    });
    expect(requests.find((entry) => entry.reqId === fresh.requestId)).toMatchObject({
      status: fresh.status,
      outcome: 'BAD_USER_INPUT',
    });
    expect(capture.lines.join('\n')).not.toContain('injected');
  });

  it('gives each WebSocket operation an id and logs its name, outcome and duration when it ends', async () => {
    const client = server.ws(null);
    const capture = captureLogs('info');
    try {
      expect((await once(client, 'query Seq { latestSeq }')).data?.latestSeq).toEqual(expect.any(Number));
      const live = collect(client, 'subscription Feed { activity { seq } }');
      await live.settle(200);
      await buildIssue(server, { title: 'Live one' });
      await live.waitFor(1);
      live.stop();
      await expect.poll(() => (capture.entries() as Entry[]).some((entry) => entry.operation === 'Feed')).toBe(true);
    } finally {
      capture.restore();
    }
    const operations = (capture.entries() as Entry[]).filter((entry) => entry.msg === 'websocket operation');
    expect(operations.find((entry) => entry.operation === 'Seq')).toMatchObject({
      type: 'query',
      outcome: 'OK',
      reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ms: expect.any(Number),
    });
    const feed = operations.find((entry) => entry.operation === 'Feed');
    expect(feed).toMatchObject({ type: 'subscription', outcome: 'OK' });
    expect(feed?.reqId).not.toBe(operations.find((entry) => entry.operation === 'Seq')?.reqId);
  });

  it('never writes a contact, a password, a token or a reporter\u2019s address, whatever the level', async () => {
    const email = 'resident.private@example.net';
    const phone = '+1 555 010 4477';
    const secret = 'wrong-but-private-password';
    const address = '203.0.113.77';
    const coordinator = await server.login(server.basics.emails.coordinator);
    const capture = captureLogs('trace');
    try {
      // A resident's report with a contact, from a forwarded address, and one anonymous.
      const report = await post(
        server,
        'mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
        {
          input: {
            title: 'Broken fence',
            category: 'OTHER',
            neighborhoodId: server.basics.neighborhoods.east,
            contact: `${email} ${phone}`,
          },
        },
        { 'x-forwarded-for': address },
      );
      expect(report.body.errors).toBeUndefined();
      await post(
        server,
        'mutation Anonymous($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
        {
          input: {
            title: 'Graffiti',
            category: 'OTHER',
            neighborhoodId: server.basics.neighborhoods.east,
            anonymous: true,
          },
        },
        { 'x-forwarded-for': address },
      );
      // Reading the contact back, a failed and a good sign-in (their tokens), a bad token.
      const read = await post(
        server,
        CONTACT,
        { id: report.body.data.reportIssue.id },
        {
          authorization: `Bearer ${coordinator}`,
        },
      );
      expect(read.body.data.issue.contact).toContain(email);
      expect((await post(server, LOGIN, { e: email, p: secret })).body.errors?.[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      const good = await post(server, LOGIN, { e: server.basics.emails.officer, p: PASSWORD });
      expect(good.body.data.login.token).toEqual(expect.any(String));
      expect((await post(server, ISSUES, {}, { authorization: 'Bearer not-a-real-token-1234567890' })).status).toBe(
        401,
      );
      // And over the WebSocket, signed in.
      const client = server.ws(coordinator);
      expect((await once(client, CONTACT, { id: report.body.data.reportIssue.id })).data?.issue.contact).toContain(
        email,
      );
      await client.dispose();
      await expect.poll(() => capture.lines.some((line) => line.includes('"Contact"'))).toBe(true);
      var logged = capture.lines.join('\n');
      var tokens = [coordinator, good.body.data.login.token as string];
    } finally {
      capture.restore();
    }
    expect(logged).toContain('"operation":"Report"'); // the requests were logged...
    for (const forbidden of [email, phone, '010 4477', secret, address, 'not-a-real-token', ...tokens]) {
      expect(logged).not.toContain(forbidden); // ...without any of these
    }
  });
});
