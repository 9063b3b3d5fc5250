import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.js';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/config.js';
import { captureLogs } from '../../server/src/ops/log.js';
import { buildApiToken, buildIssue } from '../support/factories.js';
import { init, openRaw, type RawSocket } from '../support/raw-ws.js';
import { nextClose, once } from '../support/ws.js';

const LIMITS = { ...DEFAULT_QUERY_LIMITS, connections: 4, memberConnections: 2 };

/** A client address as the (trusted, loopback) proxy forwards it. */
let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;

/** A graphql-ws client from `address`, signed in with `token` when given, connecting at once. */
function clientFrom(server: TestServer, address: string, token?: string): Client {
  class FromAddress extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  return createClient({
    url: server.app.wsUrl,
    webSocketImpl: FromAddress,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
}

/** Resolves once `client` is acknowledged, or with the close code if the server closes it first. */
function outcome(client: Client): Promise<'connected' | number> {
  return new Promise((resolve) => {
    const offConnected = client.on('connected', () => resolve('connected'));
    const offClosed = client.on('closed', (event) => {
      offConnected();
      offClosed();
      resolve((event as { code: number }).code);
    });
  });
}

/** The upgrade's refusal, or null when the socket opened (and was closed again). */
async function refusalOf(server: TestServer, address: string) {
  try {
    const raw = await openRaw(server.app.wsUrl, { 'x-forwarded-for': address });
    raw.socket.close();
    return null;
  } catch (error) {
    return error as { status: number; body: string; headers: Record<string, string> };
  }
}

/** The messages of the warnings the server logs until `restore()`. */
function captureWarnings(): { readonly lines: string[]; restore(): void } {
  const capture = captureLogs('warn');
  return {
    get lines() {
      return capture
        .entries()
        .filter((entry) => entry.level === 40)
        .map((entry) => String(entry.msg));
    },
    restore: capture.restore,
  };
}

describe('WebSocket connections per client', () => {
  let server: TestServer;
  const clients: Client[] = [];
  const track = (client: Client) => (clients.push(client), client);

  beforeAll(async () => {
    server = await startServer({ config: { limits: LIMITS, trustProxy: ['loopback'] } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
  });

  it('refuses the upgrade past the limit per address with 429, a JSON error and Retry-After, logged once without the address', async () => {
    const address = newAddress();
    const warnings = captureWarnings();
    try {
      const open = Array.from({ length: LIMITS.connections }, () => track(clientFrom(server, address)));
      expect(await Promise.all(open.map(outcome))).toEqual(Array(LIMITS.connections).fill('connected'));

      const refused = await refusalOf(server, address);
      expect(refused?.status).toBe(429);
      expect(refused?.headers['retry-after']).toBe('60');
      expect(refused?.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(refused!.body)).toEqual({
        errors: [
          {
            message: `Too many connections from your address: at most ${LIMITS.connections} at once. Close some before opening more.`,
            extensions: {
              code: 'RATE_LIMITED',
              reason: 'TOO_MANY_CONNECTIONS',
              limit: LIMITS.connections,
              retryAfter: 60,
            },
          },
        ],
      });
      // A real client sees its connection fail too, and another address is not affected.
      const extra = track(clientFrom(server, address));
      expect(await outcome(extra)).toBe(1006);
      const elsewhere = track(clientFrom(server, newAddress()));
      expect(await outcome(elsewhere)).toBe('connected');

      const refusals = warnings.lines.filter((line) => /too many connections/i.test(line));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatch(
        /^refused a WebSocket: too many connections: 4 WebSockets already open from client \S+$/,
      );
      expect(warnings.lines.join('\n')).not.toContain(address);

      // Closing one gives its place back.
      await open[0].dispose();
      await expect.poll(() => refusalOf(server, address), { timeout: 3000 }).toBeNull();
    } finally {
      warnings.restore();
    }
  });

  it("closes a member's socket past the limit at connection_init with 4429, whatever the address, and the public there still connects", async () => {
    const token = await server.login(server.basics.emails.officer);
    const first = track(clientFrom(server, newAddress(), token));
    const second = track(clientFrom(server, newAddress(), token));
    expect(await Promise.all([outcome(first), outcome(second)])).toEqual(['connected', 'connected']);

    const warnings = captureWarnings();
    try {
      const address = newAddress();
      const third = track(clientFrom(server, address, token));
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        third.on('closed', (event) => resolve(event as { code: number; reason: string })),
      );
      expect(await closed).toMatchObject({ code: 4429, reason: 'Too many connections' });
      expect(warnings.lines).toEqual([
        expect.stringMatching(/^refused a WebSocket: too many connections: 2 WebSockets already open for member \d+$/),
      ]);
      const resident = track(clientFrom(server, address));
      expect((await once(resident, '{ latestSeq }')).data?.latestSeq).toEqual(expect.any(Number));
    } finally {
      warnings.restore();
    }

    // The refused socket held no place: once one closes, the member connects again.
    await first.dispose();
    await expect
      .poll(
        async () => {
          const again = track(clientFrom(server, newAddress(), token));
          return outcome(again);
        },
        { timeout: 3000 },
      )
      .toBe('connected');
  });

  it('counts each API token on its own, apart from the member who made it', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const { token } = await buildApiToken(server, coordinator, ['ISSUES_READ']);
    const tool = Array.from({ length: 2 }, () => track(clientFrom(server, newAddress(), token)));
    expect(await Promise.all(tool.map(outcome))).toEqual(['connected', 'connected']);
    const warnings = captureWarnings();
    try {
      const third = track(clientFrom(server, newAddress(), token));
      const closed = nextClose(third);
      expect(await closed).toBe(4429);
      expect(warnings.lines).toEqual([
        expect.stringMatching(/too many connections: 2 WebSockets already open for API token \d+$/),
      ]);
    } finally {
      warnings.restore();
    }
    const member = track(clientFrom(server, newAddress(), coordinator));
    expect(await outcome(member)).toBe('connected');
  });
});

// Each event carries the description 25 times over: about 125 kB per event per client.
const HEAVY = `subscription { activity { seq issue { ${Array.from({ length: 150 }, (_, i) => `d${i}: description`).join(' ')} } } }`;
const LONG = 'x'.repeat(5000);

describe('abrupt disconnects during a fan-out', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ config: { limits: { ...DEFAULT_QUERY_LIMITS, aliases: 500, tokens: 5000 } } });
  });
  afterAll(() => server?.close());

  it('writes no stack traces when many subscribed clients vanish while changes go out', async () => {
    const capture = captureLogs('info');
    const logged = capture.lines;
    try {
      for (let round = 0; round < 2; round++) {
        const sockets: RawSocket[] = await Promise.all(Array.from({ length: 10 }, () => openRaw(server.app.wsUrl)));
        await Promise.all(sockets.map((s) => init(s)));
        for (const s of sockets)
          for (const id of ['1', '2', '3']) s.send({ id, type: 'subscribe', payload: { query: HEAVY } });
        await new Promise((r) => setTimeout(r, 200));
        // The clients stop reading, so the server's writes queue up behind full buffers...
        const tcp = (s: RawSocket) => (s.socket as unknown as { _socket: Socket })._socket;
        for (const s of sockets) tcp(s).pause();
        for (let i = 0; i < 4; i++) await buildIssue(server, { title: `Fan-out ${round}.${i}`, description: LONG });
        await new Promise((r) => setTimeout(r, 100));
        // ...and then vanish: half reset the connection (RST), half drop it without a close frame.
        sockets.forEach((s, i) => (i % 2 === 0 ? tcp(s).resetAndDestroy() : s.socket.terminate()));
        await buildIssue(server, { title: `After ${round}`, description: LONG });
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      capture.restore();
    }
    expect(logged.filter((line) => /"stack"|EPIPE|ECONNRESET/.test(line))).toEqual([]);
  });
});
