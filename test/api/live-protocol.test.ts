import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect } from '../support/live.js';
import { init, openRaw, type RawSocket } from '../support/raw-ws.js';

// The server sets up live streams (activity, issueChanged, eventChanged) itself rather than
// through graphql-ws's message handling, to hold less per open subscription. Clients must not
// notice: every message, close code and error here is what graphql-ws sends for the same input.

const CHANGES = 'subscription($after: Int) { issueChanged(after: $after) { seq kind issue { id title } } }';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

const latestSeq = async () => (await server.gql('{ latestSeq }')).data.latestSeq as number;
const nextsOf = (raw: RawSocket, id: string) => raw.messages.filter((m) => m.type === 'next' && m.id === id);
/** Everything the server sent before it read our ping has arrived once its pong has. */
async function roundTrip(raw: RawSocket): Promise<void> {
  const pongs = raw.messages.filter((m) => m.type === 'pong').length;
  raw.send({ type: 'ping' });
  await expect.poll(() => raw.messages.filter((m) => m.type === 'pong').length, { timeout: 10_000 }).toBe(pongs + 1);
}

describe('live streams over graphql-ws', () => {
  it('closes the connection with 4409 when a live operation reuses an open id', async () => {
    const raw = await openRaw(server.app.wsUrl);
    expect(await init(raw)).toBe(true);
    raw.send({ id: 'same', type: 'subscribe', payload: { query: CHANGES } });
    await roundTrip(raw);
    raw.send({ id: 'same', type: 'subscribe', payload: { query: CHANGES } });
    expect(await raw.closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
    await expect.poll(() => server.app.services.live.stats().subscribers).toBe(0);
  });

  it('refuses a live operation before connection_ack with 4401, as for any operation', async () => {
    const raw = await openRaw(server.app.wsUrl);
    raw.send({ id: '1', type: 'subscribe', payload: { query: CHANGES } });
    expect(await raw.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('answers a bad after with one error message and no complete; the id is free again and the socket stays', async () => {
    const raw = await openRaw(server.app.wsUrl);
    expect(await init(raw)).toBe(true);
    raw.send({ id: 'a', type: 'subscribe', payload: { query: CHANGES, variables: { after: -1 } } });
    await expect.poll(() => raw.messages.filter((m) => m.id === 'a').length).toBe(1);
    const [error] = raw.messages.filter((m) => m.id === 'a');
    expect(error).toEqual({
      id: 'a',
      type: 'error',
      payload: [
        {
          message: expect.stringMatching(/after must be between 0 and the latest seq/),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        },
      ],
    });
    // Ahead of every committed change: refused the same way.
    raw.send({ id: 'b', type: 'subscribe', payload: { query: CHANGES, variables: { after: 1_000_000 } } });
    await expect.poll(() => raw.messages.filter((m) => m.id === 'b').map((m) => m.type)).toEqual(['error']);

    raw.send({ id: 'a', type: 'subscribe', payload: { query: CHANGES } });
    await roundTrip(raw);
    const issue = await buildIssue(server, { title: 'After the refusal' });
    await expect.poll(() => nextsOf(raw, 'a').length).toBe(1);
    expect(nextsOf(raw, 'a')[0].payload).toMatchObject({
      data: { issueChanged: { kind: 'ISSUE_REPORTED', issue: { id: issue.id, title: 'After the refusal' } } },
    });
    expect(raw.messages.filter((m) => m.type === 'complete')).toEqual([]);
    raw.socket.close();
  });

  it('answers an invalid live operation with the validation error graphql-ws sends', async () => {
    const raw = await openRaw(server.app.wsUrl);
    expect(await init(raw)).toBe(true);
    raw.send({ id: 'bad', type: 'subscribe', payload: { query: 'subscription { issueChanged { nope } }' } });
    await expect.poll(() => raw.messages.filter((m) => m.id === 'bad').length).toBe(1);
    expect(raw.messages.find((m) => m.id === 'bad')).toEqual({
      id: 'bad',
      type: 'error',
      payload: [expect.objectContaining({ message: expect.stringMatching(/nope/) })],
    });
    raw.socket.close();
  });

  it('stops a live operation on the client’s complete, sends nothing more for it, and takes its id again', async () => {
    const raw = await openRaw(server.app.wsUrl);
    expect(await init(raw)).toBe(true);
    const before = server.app.services.live.stats().subscribers;
    raw.send({ id: 'x', type: 'subscribe', payload: { query: CHANGES } });
    await roundTrip(raw);
    expect(server.app.services.live.stats().subscribers).toBe(before + 1);
    await buildIssue(server, { title: 'Seen' });
    await expect.poll(() => nextsOf(raw, 'x').length).toBe(1);

    raw.send({ id: 'x', type: 'complete' });
    await roundTrip(raw);
    expect(server.app.services.live.stats().subscribers).toBe(before);
    await buildIssue(server, { title: 'Not seen' });
    await new Promise((r) => setTimeout(r, 300));
    expect(nextsOf(raw, 'x')).toHaveLength(1);

    raw.send({ id: 'x', type: 'subscribe', payload: { query: CHANGES } });
    await roundTrip(raw);
    await buildIssue(server, { title: 'Seen again' });
    await expect.poll(() => nextsOf(raw, 'x').length).toBe(2);
    expect(raw.messages.filter((m) => m.type === 'complete' || m.type === 'error')).toEqual([]);
    raw.socket.close();
  });

  it('gives a graphql-ws client its errors and its replay from after, then live changes, on one socket', async () => {
    const client = server.ws(null);
    const refused = collect(client, CHANGES, { after: -1 });
    await expect.poll(() => refused.errors.length).toBe(1);
    expect(refused.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);

    const from = await latestSeq();
    const first = await buildIssue(server, { title: 'Missed one' });
    const second = await buildIssue(server, { title: 'Missed two' });
    const feed = collect(client, CHANGES, { after: from });
    await feed.waitFor(2);
    const third = await buildIssue(server, { title: 'Live' });
    const events = await feed.waitFor(3);
    expect(events.map((e) => [e.issueChanged.seq, e.issueChanged.issue.id])).toEqual([
      [from + 1, first.id],
      [from + 2, second.id],
      [from + 3, third.id],
    ]);
    expect(feed.errors).toEqual([]);
    feed.stop();
    await expect.poll(() => server.app.services.live.stats().subscribers).toBe(0);
  });
});
