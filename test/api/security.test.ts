import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startServer, PASSWORD, type TestServer } from '../support/server.js';
import { buildIssue, countRows } from '../support/factories.js';
import { theError } from '../support/assert.js';
import { DEFAULT_QUERY_LIMITS, type RateLimits } from '../../server/src/config.js';

/** What a client gets back from a raw POST: status, headers and the parsed body. */
interface Raw {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } | null;
}

async function post(server: TestServer, body: string, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: Raw['body'] = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left null: the test asserts JSON where it matters
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

const gql = (server: TestServer, query: string, variables: Record<string, unknown> = {}, headers = {}) =>
  post(server, JSON.stringify({ query, variables }), headers);

/** The one error of a refused request: a code, a human message, no internals. */
function refusal(res: Raw) {
  expect(res.body?.data ?? null, res.text).toBeNull();
  expect(res.body?.errors, res.text).toHaveLength(1);
  return theError({ status: res.status, errors: res.body!.errors as any });
}

/** The first result (or refusal) of one operation over a graphql-ws client. */
function once(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ data?: any; errors?: any[] }>((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          stop();
          resolve(value as { data?: any; errors?: any[] });
        },
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [error] }),
        complete: () => {},
      },
    );
  });
}

/** A graphql-ws client whose upgrade request carries `headers` (X-Forwarded-For behind a proxy). */
function wsWithHeaders(server: TestServer, headers: Record<string, string>, token?: string): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: server.app.wsUrl,
    webSocketImpl: WithHeaders,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

const REPORT = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ACTIVITY = 'subscription { activity { seq } }';
// `__type { fields { type { ofType … } } }`: 13 levels, a legitimate-looking introspection query.
const DEEP_INTROSPECTION = `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(9)}name${' }'.repeat(9)} } } } }`;
const ALIASES = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: neighborhoods { id }`).join(' ')} }`;
// Every issue's timeline with each author's organization and its neighborhoods: lists in lists.
const COSTLY = `query($first: Int) { issues(first: $first) { edges { node { id
  updates { body author { name organization { name neighborhoods { name } } } }
  organizations { name neighborhoods { name } } } } } }`;

// Three copies of every linked issue's timeline, per activity event.
const COSTLY_SUBSCRIPTION = `subscription { activity { event { a: issues { ...Heavy } b: issues { ...Heavy } c: issues { ...Heavy } } } }
fragment Heavy on CommunityIssue {
  updates { author { organization { neighborhoods { name } } } } organizations { neighborhoods { name } }
}`;

let server: TestServer;
const clients: Client[] = [];
const reportInput = () => ({
  title: 'Broken bench',
  category: 'OTHER',
  neighborhoodId: server.basics.neighborhoods.east,
});

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server?.close();
});

describe('query limits over HTTP', () => {
  it('refuses a query nested deeper than the limit, and runs a board-sized one', async () => {
    const res = await gql(server, DEEP_INTROSPECTION);
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_DEPTH', limit: 10 });
    expect(error.message).toMatch(/depth limit of 10 exceeded, found 13/);

    const board = await gql(server, '{ issues(first: 50) { edges { node { id neighborhood { name } } } } }');
    expect(board.status).toBe(200);
    expect(board.body?.errors).toBeUndefined();
  });

  it('refuses an alias flood', async () => {
    expect((await gql(server, ALIASES(DEFAULT_QUERY_LIMITS.aliases))).body?.errors).toBeUndefined();
    const res = await gql(server, ALIASES(DEFAULT_QUERY_LIMITS.aliases + 1));
    expect(res.status).toBe(400);
    expect(refusal(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_ALIASES' });
  });

  it('refuses a directive flood and a document with too many tokens', async () => {
    // __typename aliases do not count as aliases; each carries one directive.
    const flood = Array.from({ length: 21 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ');
    const directives = await gql(server, `{ ${flood} }`);
    expect(refusal(directives).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_DIRECTIVES' });

    const tokens = await gql(server, `{ ${'__typename '.repeat(2100)} }`);
    expect(tokens.status).toBe(400);
    const error = refusal(tokens);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/more th\w+ 2000 tokens/);
  });

  it('refuses a query whose lists multiply past the cost budget, and runs it with a smaller page', async () => {
    const res = await gql(server, COSTLY, { first: 100 });
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_COST', limit: 5000 });
    expect(error.extensions?.cost).toBeGreaterThan(5000);
    expect(error.message).toMatch(/smaller `first`/);

    await buildIssue(server);
    const small = await gql(server, COSTLY, { first: 5 });
    expect(small.body?.errors).toBeUndefined();
    expect(small.body?.data.issues.edges.length).toBeGreaterThan(0);
  });

  it('refuses fragments that multiply exponentially, without trying to expand them', async () => {
    // 2^40 copies of `neighborhoods` in about 450 tokens.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const bomb = `{ ...F0 } ${fragments.join(' ')} fragment F40 on Query { neighborhoods { id } }`;
    const started = Date.now();
    const res = await gql(server, bomb);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(400);
    expect(refusal(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_COST' });
  });

  it('refuses a huge `first` with a message naming it', async () => {
    for (const query of ['{ issues(first: 1000000) { totalCount } }', '{ activities(first: 1000000) { seq } }']) {
      const error = refusal(await gql(server, query));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/first must be between 1 and 100/);
    }
  });

  it('answers an oversized body with 413 and a JSON GraphQL error, and malformed JSON with 400', async () => {
    const before = await countRows(server, 'community_issue');
    const huge = JSON.stringify({
      query: REPORT,
      variables: { input: { ...reportInput(), description: 'x'.repeat(70 * 1024) } },
    });
    const res = await post(server, huge);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(refusal(res).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PAYLOAD_TOO_LARGE',
      limit: 64 * 1024,
    });
    expect(await countRows(server, 'community_issue')).toBe(before);

    const malformed = await post(server, '{"query":');
    expect(malformed.status).toBe(400);
    expect(malformed.text).not.toMatch(/<html|body-parser|at JSON\.parse/i);
    expect(refusal(malformed).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('query limits over WebSocket', () => {
  it('refuses deep, aliased and costly operations, and keeps the connection for the next one', async () => {
    const client = server.ws(null);
    const deep = await once(client, DEEP_INTROSPECTION);
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_DEPTH' });
    const aliases = await once(client, ALIASES(DEFAULT_QUERY_LIMITS.aliases + 1));
    expect(aliases.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_ALIASES' });
    const costly = await once(client, COSTLY, { first: 100 });
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_COST' });
    const tokens = await once(client, `{ ${'__typename '.repeat(2100)} }`);
    expect(tokens.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const costlySubscription = await once(client, COSTLY_SUBSCRIPTION);
    expect(costlySubscription.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_COST' });
    const fine = await once(client, '{ neighborhoods { name } }');
    expect(fine.errors).toBeUndefined();
    expect(fine.data.neighborhoods).toHaveLength(2);
  });

  it('refuses more than the limit of subscriptions on one connection, and takes one again after a complete', async () => {
    const client = server.ws(null);
    const max = DEFAULT_QUERY_LIMITS.subscriptions;
    const stops: (() => void)[] = [];
    for (let i = 0; i < max; i++) {
      stops.push(client.subscribe({ query: ACTIVITY }, { next: () => {}, error: () => {}, complete: () => {} }));
    }
    const extra = await once(client, ACTIVITY);
    expect(extra.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_SUBSCRIPTIONS' });
    expect(extra.errors?.[0].message).toMatch(/already runs 20 operations/);

    stops[0]();
    await new Promise((r) => setTimeout(r, 100));
    const events: unknown[] = [];
    const stop = client.subscribe(
      { query: ACTIVITY },
      { next: (v) => events.push(v), error: () => {}, complete: () => {} },
    );
    await buildIssue(server, { title: 'Seen by the new one' });
    await expect.poll(() => events.length).toBeGreaterThan(0);
    stop();
    stops.slice(1).forEach((s) => s());
  });

  it('closes a connection that sends a message over the size limit with 1009', async () => {
    const client = server.ws(null);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.on('closed', (event) => resolve(event as { code: number; reason: string })),
    );
    const result = once(client, REPORT, { input: { ...reportInput(), description: 'x'.repeat(70 * 1024) } });
    const event = await closed;
    expect(event.code).toBe(1009); // "Message Too Big"
    await result;
  });
});

describe('CSRF, CORS and headers', () => {
  it('refuses a form post and a text/plain post before anything runs', async () => {
    const before = await countRows(server, 'community_issue');
    const mutation = `mutation { reportIssue(input: { title: "Forged", category: OTHER, neighborhoodId: "${server.basics.neighborhoods.east}" }) { id } }`;
    const form = await fetch(`${server.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: mutation }).toString(),
    });
    const text = await fetch(`${server.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: mutation }),
    });
    for (const res of [form, text]) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as Raw['body'];
      expect(body?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(body?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    }
    const get = await fetch(`${server.app.url}/graphql?query=${encodeURIComponent('{ latestSeq }')}`);
    expect(get.status).toBe(400);
    expect(await countRows(server, 'community_issue')).toBe(before);
  });

  it('sends no CORS headers by default: only the board itself (same origin) may call from a browser', async () => {
    const preflight = await fetch(`${server.app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await gql(server, '{ latestSeq }', {}, { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets security headers, with a CSP that allows only this origin and no stack-revealing headers', async () => {
    for (const headers of [(await fetch(`${server.app.url}/`)).headers, (await gql(server, '{ latestSeq }')).headers]) {
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/connect-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'self'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('serves introspection by default (tools build on the schema), but no third-party landing page', async () => {
    const res = await gql(server, '{ __schema { queryType { name } } }');
    expect(res.body?.data.__schema.queryType.name).toBe('Query');
    const page = await fetch(`${server.app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/cdn\.apollographql\.com/);
  });
});

// Tight limits, TRUST_PROXY=loopback so each test is a different client (X-Forwarded-For),
// CORS for one tool origin, introspection off, production.
const TIGHT: RateLimits = {
  login: { points: 5, seconds: 60 },
  loginPair: { points: 3, seconds: 60 },
  account: { points: 6, seconds: 60 },
  report: { points: 3, seconds: 60 },
  mutation: { points: 8, seconds: 60 },
};

describe('a server with tight limits behind a proxy, CORS for one tool, introspection off, in production', () => {
  let strict: TestServer;
  let nextAddress = 10;
  /** A new client address for each test, as a proxy would forward it. */
  const fromNewAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextAddress++}` });

  beforeAll(async () => {
    strict = await startServer({
      config: {
        rateLimits: TIGHT,
        trustProxy: ['loopback'],
        corsOrigins: ['https://tools.example.org'],
        introspection: false,
        production: true,
      },
    });
  });
  afterAll(() => strict?.close());

  it('slows down login brute force with RATE_LIMITED and a retry-after, the same for unknown emails', async () => {
    const from = fromNewAddress();
    const attempt = (email: string, password = 'wrong password', headers = from) =>
      gql(strict, LOGIN, { e: email, p: password }, headers);
    const known = [];
    const unknown = [];
    const elsewhere = fromNewAddress();
    for (let i = 0; i < 4; i++) known.push(await attempt(strict.basics.emails.officer));
    for (let i = 0; i < 4; i++) unknown.push(await attempt('nobody@test.local', 'wrong password', elsewhere));
    const shape = (r: Raw) => [
      r.status,
      r.body?.errors?.[0].extensions?.code,
      r.body?.errors?.[0].message.replace(/\d+/g, 'N'),
    ];
    // Three wrong passwords per email from one address, then that pair is held back, whether the
    // account exists or not.
    expect(known.map(shape).map((s) => s.slice(0, 2))).toEqual([
      [200, 'UNAUTHENTICATED'],
      [200, 'UNAUTHENTICATED'],
      [200, 'UNAUTHENTICATED'],
      [429, 'RATE_LIMITED'],
    ]);
    expect(unknown.map(shape)).toEqual(known.map(shape));
    const limited = known[3];
    const error = refusal(limited);
    expect(error.message).toMatch(/^Too many sign-in attempts; try again in (\d+ seconds?|1 minute)\.$/);
    const retryAfter = error.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Number(limited.headers.get('retry-after'))).toBe(retryAfter);

    // Even the right password waits now; then this address is out of attempts altogether.
    expect((await attempt(strict.basics.emails.officer, PASSWORD)).status).toBe(429);
    const other = await attempt(strict.basics.emails.partner, PASSWORD);
    expect(refusal(other).message).toMatch(/from your address/);

    // The same counters hold over the WebSocket.
    const client = wsWithHeaders(strict, from);
    clients.push(client);
    const ws = await once(client, LOGIN, { e: strict.basics.emails.coordinator, p: PASSWORD });
    expect(ws.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(ws.errors?.[0].extensions?.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('lets another address sign in while one is held back', async () => {
    const res = await gql(strict, LOGIN, { e: strict.basics.emails.partner, p: PASSWORD }, fromNewAddress());
    expect(res.body?.errors).toBeUndefined();
    expect(res.body?.data.login.token).toEqual(expect.any(String));
  });

  it('stops a report flood (aliases count each report) and writes nothing once refused', async () => {
    const from = fromNewAddress();
    const input = { title: 'Broken bench', category: 'OTHER', neighborhoodId: strict.basics.neighborhoods.east };
    for (let i = 0; i < 2; i++) expect((await gql(strict, REPORT, { input }, from)).body?.errors).toBeUndefined();
    const before = await countRows(strict, 'community_issue');
    const twoAtOnce = `mutation($input: ReportIssueInput!) { a: reportIssue(input: $input) { id } b: reportIssue(input: $input) { id } }`;
    const res = await gql(strict, twoAtOnce, { input }, from);
    expect(res.status).toBe(429);
    const error = refusal(res);
    expect(error.extensions?.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/Too many reports/);
    expect(Number(res.headers.get('retry-after'))).toBe(error.extensions?.retryAfter);
    expect(await countRows(strict, 'community_issue')).toBe(before);

    // A signed-in member is counted by account, not by the address they share.
    const signIn = await gql(strict, LOGIN, { e: strict.basics.emails.coordinator, p: PASSWORD }, fromNewAddress());
    const token = signIn.body?.data.login.token as string;
    const asMember = await gql(strict, REPORT, { input }, { ...from, authorization: `Bearer ${token}` });
    expect(asMember.body?.errors).toBeUndefined();
  });

  it('limits every other mutation per client, over HTTP and WebSocket alike', async () => {
    const from = fromNewAddress();
    const issue = await buildIssue(strict, {}, null);
    const support = 'mutation($id: ID!) { supportIssue(id: $id) { supportersCount } }';
    const results = [];
    for (let i = 0; i < TIGHT.mutation.points; i++) results.push(await gql(strict, support, { id: issue.id }, from));
    expect(results.every((r) => r.body?.errors === undefined)).toBe(true);
    const http = await gql(strict, support, { id: issue.id }, from);
    expect(http.status).toBe(429);
    expect(refusal(http).message).toMatch(/Too many changes in a short time; try again in (\d+ seconds?|1 minute)\./);

    const client = wsWithHeaders(strict, from);
    clients.push(client);
    const ws = await once(client, support, { id: issue.id });
    expect(ws.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Queries are not rate limited (the cost budget bounds them).
    expect((await once(client, '{ latestSeq }')).data?.latestSeq).toEqual(expect.any(Number));
  });

  it('honours the CORS allow-list', async () => {
    const preflight = (origin: string) =>
      fetch(`${strict.app.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://tools.example.org');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tools.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await gql(strict, '{ latestSeq }', {}, { origin: 'https://tools.example.org' });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://tools.example.org');
    expect(simple.headers.get('vary')).toMatch(/Origin/);
  });

  it('refuses introspection on both transports when it is off, and gives no field suggestions', async () => {
    // One error per introspection field selected.
    const http = await gql(strict, '{ __schema { types { name } } }');
    expect(http.status).toBe(400);
    expect(http.body?.data).toBeUndefined();
    expect(http.body?.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/introspection has been disabled/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const typeQuery = await gql(strict, '{ __type(name: "Member") { name } }');
    expect(refusal(typeQuery).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(strict, '{ __typename }')).body?.data).toEqual({ __typename: 'Query' });
    const typo = refusal(await gql(strict, '{ neighbourhoods { id } }'));
    expect(typo.message).toMatch(/Cannot query field "neighbourhoods"/);
    expect(typo.message).not.toMatch(/Did you mean/);

    const client = strict.ws(null);
    const ws = await once(client, '{ __schema { types { name } } }');
    expect(ws.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(ws.errors?.[0].message).toMatch(/introspection/i);
    const wsTypo = await once(client, 'subscription { isueChanged { seq } }');
    expect(wsTypo.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('never sends stack traces or internal messages in production, over HTTP or WebSocket', async () => {
    const { bus, live } = strict.app.services;
    const original = { latestSeq: bus.latestSeq, join: live.join };
    const secret = 'connect ECONNREFUSED db.internal:5432 at /srv/bridgeboard/bus.ts:42';
    bus.latestSeq = async () => {
      throw new Error(secret);
    };
    live.join = () => {
      throw new Error(secret);
    };
    try {
      const http = await gql(strict, '{ latestSeq }');
      expect(http.text).not.toMatch(/ECONNREFUSED|bus\.ts|stacktrace/);
      expect(http.body?.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });

      const client = strict.ws(null);
      for (const query of ['{ latestSeq }', ACTIVITY]) {
        const ws = await once(client, query);
        expect(JSON.stringify(ws)).not.toMatch(/ECONNREFUSED|bus\.ts|stacktrace/);
        expect(ws.errors?.[0]).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      }
    } finally {
      Object.assign(bus, { latestSeq: original.latestSeq });
      Object.assign(live, { join: original.join });
    }
    const malformed = await post(strict, '{"query":');
    expect(malformed.text).not.toMatch(/at JSON\.parse|node_modules/);
    expect(malformed.body?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('without TRUST_PROXY', () => {
  let direct: TestServer;
  beforeAll(async () => {
    direct = await startServer({ config: { rateLimits: TIGHT } });
  });
  afterAll(() => direct?.close());

  it('ignores X-Forwarded-For, so a client cannot dodge a limit by inventing addresses', async () => {
    const results = [];
    for (let i = 0; i < TIGHT.login.points + 1; i++) {
      const res = await gql(
        direct,
        LOGIN,
        { e: `user${i}@test.local`, p: 'wrong' },
        {
          'x-forwarded-for': `198.51.100.${i}`,
        },
      );
      results.push(res.body?.errors?.[0].extensions?.code);
    }
    expect(results).toEqual([...Array(TIGHT.login.points).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });
});

describe.runIf(process.env.BB_TEST_DB === 'postgres')('several instances sharing Redis', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    const config = { rateLimits: TIGHT, redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
    first = await startServer({ config });
    second = await startServer({ db: first.db, config, seed: false });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.close();
  });

  it('counts sign-in attempts across instances', async () => {
    const email = first.basics.emails.officer;
    const codes = [];
    for (const instance of [first, second, first, second]) {
      const res = await gql(instance, LOGIN, { e: email, p: 'wrong' });
      codes.push(res.body?.errors?.[0].extensions?.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});
