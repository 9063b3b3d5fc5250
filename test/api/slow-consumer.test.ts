import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.js';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/config.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { init, openRaw } from '../support/raw-ws.js';

// A client that stops reading its socket must not hold the server's memory nor anybody's
// changes: past `socketBufferBytes` of unsent data the server closes it with 1013 ("try again
// later"), and the client resumes with `after` from the last change it processed.

const SOCKET_BUFFER = 16 * 1024;
/** Big payloads: the whole timeline of an issue with long notes, ~100 KB per change. */
const TIMELINE = `subscription($f: IssueFilter, $after: Int) {
  issueChanged(filter: $f, after: $after) { seq kind issue { id version description updates { body } } }
}`;
const NOTE =
  'mutation($id: ID!, $body: String!) { addIssueUpdate(issueId: $id, body: $body, visibility: PUBLIC) { id } }';
const LONG = (tag: string) => `${tag} `.padEnd(4800, 'Details of the situation on the block. ');

let server: TestServer;
let officer: string;

beforeAll(async () => {
  server = await startServer({ config: { limits: { ...DEFAULT_QUERY_LIMITS, socketBufferBytes: SOCKET_BUFFER } } });
  officer = await server.login(server.basics.emails.officer);
});
afterAll(() => server?.close());

/** An issue whose timeline is long, so each change to it is a large payload. */
async function bigIssue(title: string): Promise<{ id: string; filter: { neighborhoodId: string } }> {
  // Its own neighborhood filter keeps the other test's issue out of this one's streams.
  const neighborhoodId = title.includes('raw') ? server.basics.neighborhoods.east : server.basics.neighborhoods.west;
  const issue = await buildIssue(server, { title, description: LONG('Description'), neighborhoodId });
  for (let i = 0; i < 20; i++) {
    const res = await server.gql(NOTE, { id: issue.id, body: LONG(`Note ${i}`) }, officer);
    expect(res.errors).toBeUndefined();
  }
  return { id: issue.id, filter: { neighborhoodId } };
}

const latestSeq = async (): Promise<number> => (await server.gql('{ latestSeq }')).data.latestSeq;

/** Resolves with `promise`, or with `fallback` after `ms`. */
const within = <T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> =>
  Promise.race([promise, new Promise<F>((r) => setTimeout(() => r(fallback), ms))]);

describe('a client that stops reading', () => {
  it('is cut off with 1013 while others get every change on time, and resumes with after missing nothing', async () => {
    const issue = await bigIssue('Slow raw reader');
    const variables = { f: issue.filter, after: await latestSeq() };

    // A well-behaved client on the same operation.
    const normalClient = server.ws(null);
    const normal = collect(normalClient, TIMELINE, variables);
    await connected(normalClient);

    // The slow one: a raw graphql-transport-ws client holding the operation 20 times (its
    // connection's limit), so that a few changes fill the kernel's buffers and then the server's.
    const raw = await openRaw(server.app.wsUrl);
    expect(await init(raw)).toBe(true);
    const ids = Array.from({ length: 20 }, (_, i) => `slow-${i}`);
    for (const id of ids) raw.send({ id, type: 'subscribe', payload: { query: TIMELINE, variables } });
    const seqsOf = (id: string) =>
      raw.messages
        .filter((m) => m.type === 'next' && m.id === id)
        .map((m) => (m.payload as { data: { issueChanged: { seq: number } } }).data.issueChanged.seq);

    // Warm-up: everyone is live.
    await server.gql(NOTE, { id: issue.id, body: 'Warm-up' }, officer);
    await normal.waitFor(1);
    await expect.poll(() => ids.every((id) => seqsOf(id).length === 1), { timeout: 5000 }).toBe(true);
    const warmUp = seqsOf(ids[0])[0];

    raw.socket.pause(); // stops reading: what the server sends piles up in the kernel, then in the server

    // 12 changes of ~100 KB, 20 times over to the slow socket: far past the kernel's buffers and
    // 16 KiB. The normal client gets each within two seconds of its commit.
    const changes = 12;
    for (let i = 0; i < changes; i++) {
      const res = await server.gql(NOTE, { id: issue.id, body: LONG(`Burst ${i}`) }, officer);
      expect(res.errors).toBeUndefined();
      await normal.waitFor(i + 2, 2000);
    }
    const final = await latestSeq();
    expect(normal.events.map((e) => e.issueChanged.seq)).toEqual(
      Array.from({ length: changes + 1 }, (_, i) => warmUp + i),
    );
    expect(final).toBe(warmUp + changes);

    // Reading again, the slow client finds what was sent before the cut-off, then the close.
    raw.socket.resume();
    const closed = await within(raw.closed, 10_000, { code: 0, reason: 'still open after 10 s' });
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/^Too slow/);

    // What it got is whole and in order, and stops short of the end: the server stopped sending.
    const got = seqsOf(ids[0]);
    const last = got.at(-1)!;
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => warmUp + i));
    expect(last).toBeLessThan(final);
    for (const id of ids) {
      const seqs = seqsOf(id);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => warmUp + i));
    }

    // It reconnects with after = the last change it processed and gets every missed one, once.
    const resumedClient = server.ws(null);
    const resumed = collect(resumedClient, TIMELINE, { ...variables, after: last });
    const missed = final - last;
    await resumed.waitFor(missed, 10_000);
    await resumed.settle(300);
    expect(resumed.events.map((e) => e.issueChanged.seq)).toEqual(
      Array.from({ length: missed }, (_, i) => last + 1 + i),
    );
    expect(resumed.events.at(-1).issueChanged.issue.updates).toHaveLength(20 + 1 + changes);
    normal.stop();
    resumed.stop();
  });

  it('a graphql-ws client with retry resumes by itself when the app re-subscribes with its last seq', async () => {
    const issue = await bigIssue('Slow retrying tab');
    const start = await latestSeq();

    // The client's sockets, so that the test can stop reading the current one.
    const sockets: WebSocket[] = [];
    class Tapped extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    }
    const closes: number[] = [];
    const client: Client = createClient({
      url: server.app.wsUrl,
      webSocketImpl: Tapped,
      retryAttempts: 5,
      retryWait: () => new Promise((r) => setTimeout(r, 100)),
      lazy: true,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });

    // As the board does: each subscription remembers the last seq it processed and, when the
    // socket closes, subscribes again from there (graphql-ws itself would replay from the first after).
    const streams = Array.from({ length: 10 }, () => {
      const stream = { last: start, seqs: [] as number[], errors: [] as unknown[], stop: () => {} };
      const subscribe = () => {
        stream.stop = client.subscribe<{ issueChanged: { seq: number } }>(
          { query: TIMELINE, variables: { f: issue.filter, after: stream.last } },
          {
            next: (value) => {
              if (!value.data) return void stream.errors.push(value.errors);
              stream.seqs.push(value.data.issueChanged.seq);
              stream.last = value.data.issueChanged.seq;
            },
            error: (error) => stream.errors.push(error),
            complete: () => {},
          },
        );
      };
      subscribe();
      return Object.assign(stream, { subscribe });
    });
    let done = false;
    client.on('closed', () => {
      if (done) return;
      for (const stream of streams) {
        stream.stop();
        stream.subscribe();
      }
    });

    await server.gql(NOTE, { id: issue.id, body: 'Warm-up' }, officer);
    await expect.poll(() => streams.every((s) => s.seqs.length === 1), { timeout: 5000 }).toBe(true);
    expect(sockets).toHaveLength(1);
    sockets[0].pause();

    const changes = 10;
    for (let i = 0; i < changes; i++) {
      const res = await server.gql(NOTE, { id: issue.id, body: LONG(`Burst ${i}`) }, officer);
      expect(res.errors).toBeUndefined();
    }
    const final = await latestSeq();
    sockets[0].resume();

    // Cut off with 1013, reconnected by itself, and every stream is whole again: each change once, in order.
    await expect.poll(() => closes, { timeout: 10_000 }).toContain(1013);
    await expect.poll(() => streams.every((s) => s.last === final), { timeout: 10_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    for (const stream of streams) {
      expect(stream.errors).toEqual([]);
      expect(stream.seqs).toEqual(Array.from({ length: final - start }, (_, i) => start + 1 + i));
      stream.stop();
    }
    done = true;
    await client.dispose();
  });
});
