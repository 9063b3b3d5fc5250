import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/config.js';
import { buildIssue } from '../support/factories.js';
import { init, openRaw, type RawSocket } from '../support/raw-ws.js';

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
    const logged: string[] = [];
    const capture = (...args: unknown[]) =>
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    const spies = (['error', 'warn', 'log'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(capture),
    );
    try {
      for (let round = 0; round < 2; round++) {
        const sockets: RawSocket[] = await Promise.all(
          Array.from({ length: 10 }, () => openRaw(server.app.wsUrl)),
        );
        await Promise.all(sockets.map((s) => init(s)));
        for (const s of sockets) for (const id of ['1', '2', '3']) s.send({ id, type: 'subscribe', payload: { query: HEAVY } });
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
      spies.forEach((s) => s.mockRestore());
    }
    expect(logged.filter((line) => /\n\s+at |EPIPE|ECONNRESET/.test(line))).toEqual([]);
  });
});
