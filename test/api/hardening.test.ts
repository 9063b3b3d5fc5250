import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../server/src/ops/log.js';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startServer, PASSWORD, type TestServer } from '../support/server.js';
import { buildMember } from '../support/factories.js';
import { once } from '../support/ws.js';
import type { RateLimit } from '../../server/src/config.js';

const ISSUES = 'query($f: IssueFilter) { issues(first: 1, filter: $f) { edges { node { id } } } }';
const REPORT = 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

interface Answer {
  status: number;
  headers: Headers;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: any;
}

async function post(server: TestServer, query: string, variables = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) } as Answer;
}

/** Every warning or error the server logs while `work` runs. */
async function consoleDuring(work: () => Promise<void>): Promise<string[]> {
  const capture = captureLogs('warn');
  try {
    await work();
  } finally {
    capture.restore();
  }
  return capture.lines;
}

describe('with INTROSPECTION=false', () => {
  let server: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startServer({ config: { introspection: false } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
  });

  const badVariables = () =>
    [
      [ISSUES, { f: { serch: 'bench' } }, /"serch" is not defined by type "IssueFilter"/],
      [
        REPORT,
        { input: { title: 'Tags on the wall', category: 'GRAFITI', neighborhoodId: server.basics.neighborhoods.east } },
        /Value "GRAFITI" does not exist in "IssueCategory" enum/,
      ],
    ] as const;

  it('names no field or enum value in variable errors over HTTP', async () => {
    for (const [query, variables, problem] of badVariables()) {
      const res = await post(server, query, variables);
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].message).toMatch(problem);
      expect(res.errors?.[0].message).not.toMatch(/Did you mean|search|GRAFFITI/);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('names no field or enum value in variable errors over the WebSocket', async () => {
    const client = createClient({ url: server.app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    for (const [query, variables, problem] of badVariables()) {
      const res = await once(client, query, variables as Record<string, unknown>);
      expect(res.errors?.[0].message).toMatch(problem);
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|search|GRAFFITI/);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    // With a correct spelling the same operation runs.
    expect((await once(client, ISSUES, { f: { search: 'bench' } })).data?.issues.edges).toEqual([]);
  });
});

describe('small refusals that used to be internal errors or unclear', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('answers a subscription POSTed over HTTP with 400 BAD_USER_INPUT pointing at the WebSocket, and logs nothing', async () => {
    let res: Answer | undefined;
    const logged = await consoleDuring(async () => {
      res = await post(server, 'subscription { activity { seq } }');
    });
    expect(res?.status).toBe(400);
    expect(res?.errors).toEqual([
      {
        message: 'Subscriptions need the WebSocket at /graphql (graphql-ws protocol)',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('says which coordinate is out of range once, without repeating the field name', async () => {
    const input = {
      title: 'Pothole',
      category: 'TRAFFIC',
      neighborhoodId: server.basics.neighborhoods.east,
      location: { lat: 91, lng: -200 },
    };
    const res = await post(server, REPORT, { input });
    expect(res.errors?.[0].message).toBe(
      'location.lat must be between -90 and 90; location.lng must be between -180 and 180',
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['location.lat', 'location.lng'],
    });
  });

  it('refuses titles and names made only of invisible characters, and drops direction overrides', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const invisible = '\u200B\u200C\u200D\u2060\uFEFF\u202E';
    const report = await post(server, REPORT, {
      input: { title: invisible, category: 'OTHER', neighborhoodId: server.basics.neighborhoods.east },
    });
    expect(report.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const organization = await post(
      server,
      'mutation { createOrganization(input: { name: "\u200B\u3164", kind: OTHER }) { id } }',
      {},
      { authorization: `Bearer ${coordinator}` },
    );
    expect(organization.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });

    const spoofed = await post(server, 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { title } }', {
      input: { title: 'Invoice \u202Efdp.exe', category: 'OTHER', neighborhoodId: server.basics.neighborhoods.east },
    });
    expect(spoofed.data.reportIssue.title).toBe('Invoice fdp.exe');
  });
});

describe('lockout without lock-in', () => {
  let server: TestServer;
  const PAIR: RateLimit = { points: 3, seconds: 600 };
  const ACCOUNT: RateLimit = { points: 8, seconds: 3600 };
  let nextAddress = 1;
  const newAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextAddress++}` });
  const signIn = (email: string, password: string, from: Record<string, string>) =>
    post(server, LOGIN, { e: email, p: password }, from);

  beforeAll(async () => {
    server = await startServer({
      config: {
        trustProxy: ['loopback'],
        rateLimits: {
          login: { points: 20, seconds: 600 },
          loginPair: PAIR,
          account: ACCOUNT,
          report: { points: 100, seconds: 60 },
          mutation: { points: 1000, seconds: 60 },
        },
      },
    });
  });
  afterAll(() => server?.close());

  it("lets the owner sign in from their own address while a guesser's address is held back, and says when to try again", async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const owner = await buildMember(server, coordinator);
    const guesser = newAddress();
    const guesses = [];
    for (let i = 0; i < 10; i++) guesses.push(await signIn(owner.email, `guess ${i}`, guesser));
    expect(guesses.map((r) => r.errors?.[0].extensions?.code)).toEqual([
      ...Array(PAIR.points).fill('UNAUTHENTICATED'),
      ...Array(10 - PAIR.points).fill('RATE_LIMITED'),
    ]);
    const held = guesses[PAIR.points];
    expect(held.status).toBe(429);
    expect(held.errors?.[0].message).toBe('Too many sign-in attempts; try again in 10 minutes.');
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(540);

    // The owner, at home, is not locked out by someone else's guesses.
    const home = newAddress();
    const mine = await signIn(owner.email, owner.password, home);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.login.token).toEqual(expect.any(String));
    // Nor is another member signing in from the guesser's address.
    const colleague = await signIn(server.basics.emails.partner, PASSWORD, guesser);
    expect(colleague.errors).toBeUndefined();
  });

  it('counts only failed sign-ins, so a whole office signing in from one address never runs out', async () => {
    const office = newAddress();
    class FromOffice extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: office });
      }
    }
    const client = createClient({ url: server.app.wsUrl, webSocketImpl: FromOffice, retryAttempts: 0 });
    try {
      // More successful sign-ins than the address limit (20), over HTTP and the WebSocket.
      const emails = [server.basics.emails.partner, server.basics.emails.officer, server.basics.emails.coordinator];
      for (let i = 0; i < 24; i++) {
        const email = emails[i % emails.length];
        const res =
          i % 4 === 3 ? await once(client, LOGIN, { e: email, p: PASSWORD }) : await signIn(email, PASSWORD, office);
        expect(res.errors, `sign-in ${i}`).toBeUndefined();
      }
      // Failed ones still count, for that email from this address.
      const wrong = [];
      for (let i = 0; i < PAIR.points + 1; i++) wrong.push(await signIn(emails[0], 'wrong', office));
      expect(wrong.map((r) => r.errors?.[0].extensions?.code)).toEqual([
        ...Array(PAIR.points).fill('UNAUTHENTICATED'),
        'RATE_LIMITED',
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('still stops guesses spread over many addresses, at the loose cap per email', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const target = await buildMember(server, coordinator);
    const codes = [];
    for (let i = 0; i < ACCOUNT.points + 1; i++) codes.push(await signIn(target.email, `guess ${i}`, newAddress()));
    expect(codes.map((r) => r.errors?.[0].extensions?.code)).toEqual([
      ...Array(ACCOUNT.points).fill('UNAUTHENTICATED'),
      'RATE_LIMITED',
    ]);
    expect(codes.at(-1)?.errors?.[0].message).toBe(
      'Too many sign-in attempts for this email address; try again in 60 minutes.',
    );
  });
});
