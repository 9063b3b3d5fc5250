import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { startServer, PASSWORD, type TestServer } from '../support/server.js';
import { collect, connected, type Collector } from '../support/live.js';
import { buildMember } from '../support/factories.js';

const PRESENCE =
  'subscription($share: Boolean!) { presence(share: $share) { count members { id name organizationName } } }';
const names = (event: any): string[] => event.presence.members.map((m: { name: string }) => m.name);
const count = (event: any): number => event.presence.count;

describe('presence', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('is for members only', async () => {
    const feed = collect(server.ws(null), PRESENCE, { share: true });
    await expect(feed.waitFor(1, 2000)).rejects.toThrow(/UNAUTHENTICATED|Sign in/);
  });

  it('shows who else has the board open, live, and lets a person hide', async () => {
    const officerClient = server.ws(await server.login(server.basics.emails.officer));
    const officer = collect(officerClient, PRESENCE, { share: true });
    await connected(officerClient);
    const [first] = await officer.waitFor(1);
    expect(names(first)).toEqual(['Oscar Officer']);
    expect(count(first)).toBe(1);

    // A newcomer gets the current state at once, themselves included.
    const partnerClient = server.ws(await server.login(server.basics.emails.partner));
    const partner = collect(partnerClient, PRESENCE, { share: true });
    expect(names((await partner.waitFor(1))[0])).toEqual(['Oscar Officer', 'Paula Partner']);
    const seen = await officer.waitFor(2);
    expect(names(seen[1])).toEqual(['Oscar Officer', 'Paula Partner']);
    expect(count(seen[1])).toBe(2);
    expect(seen[1].presence.members[1].organizationName).toBe('Youth Alliance');

    // Someone who turned presence off sees the others but is neither shown nor counted.
    const shyClient = server.ws(await server.login(server.basics.emails.otherPartner));
    const shy = collect(shyClient, PRESENCE, { share: false });
    const [shyFirst] = await shy.waitFor(1);
    expect(names(shyFirst)).toEqual(['Oscar Officer', 'Paula Partner']);
    expect(count(shyFirst)).toBe(2);
    expect((await officer.settle(500)).length).toBe(2);

    // Closing the board removes the person from everyone's list.
    partner.stop();
    const after = await officer.waitFor(3);
    expect(names(after[2])).toEqual(['Oscar Officer']);
    expect(count(after[2])).toBe(1);
    expect(names((await shy.waitFor(2))[1])).toEqual(['Oscar Officer']);
    officer.stop();
    shy.stop();
  });
});

describe('presence at scale', () => {
  // Long enough that a burst of joins surely falls within one interval.
  const INTERVAL = 1000;
  let server: TestServer;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServer({ presenceIntervalMs: INTERVAL });
    coordinator = await server.login(server.basics.emails.coordinator);
  });
  afterAll(() => server?.close());

  async function member(name: string): Promise<string> {
    const { email } = await buildMember(server, coordinator, { name, password: PASSWORD });
    return server.login(email);
  }

  async function board(token: string, share = true): Promise<{ client: Client; feed: Collector }> {
    const client = server.ws(token);
    const feed = collect(client, PRESENCE, { share });
    await connected(client);
    await feed.waitFor(1);
    return { client, feed };
  }

  it('coalesces a burst of joins into one update per board: a count and the first five names', async () => {
    const officer = await board(await server.login(server.basics.emails.officer));
    // Would sort first if shown.
    const shy = await board(await member('Aaron Abbott'), false);
    await officer.feed.settle(INTERVAL + 300);
    expect(officer.feed.events.map(count)).toEqual([1]);
    expect(shy.feed.events.map(count)).toEqual([1]);

    const tokens = await Promise.all([
      server.login(server.basics.emails.coordinator),
      server.login(server.basics.emails.partner),
      ...['Ada Moss', 'Bea Nash', 'Cal Ortiz', 'Dee Park', 'Eli Quinn', 'Fay Reed'].map(member),
    ]);
    const joined = await Promise.all(tokens.map((token) => board(token)));
    const everyone = [officer, shy, ...joined];
    await officer.feed.settle(INTERVAL * 2);

    const first5 = ['Ada Moss', 'Bea Nash', 'Cal Ortiz', 'Cora Coordinator', 'Dee Park'];
    // The boards open before the burst: exactly one update for eight joins.
    for (const { feed } of [officer, shy]) {
      expect(feed.events).toHaveLength(2);
      expect(count(feed.events[1])).toBe(9);
      expect(names(feed.events[1])).toEqual(first5);
    }
    // Every board: the state at once, then at most one update, ending on the same state.
    for (const { feed } of everyone) {
      expect(feed.events.length).toBeLessThanOrEqual(2);
      expect(feed.events.at(-1)).toEqual(officer.feed.events[1]);
    }

    // A second tab of someone already here changes nothing.
    const secondTab = collect(officer.client, PRESENCE, { share: true });
    expect(count((await secondTab.waitFor(1))[0])).toBe(9);
    expect((await officer.feed.settle(INTERVAL + 300)).length).toBe(2);
    secondTab.stop();

    // Three leave at once (two of the first five): one update, and the next names move up.
    for (const i of [1, 2, 3]) joined[i].feed.stop();
    await officer.feed.settle(INTERVAL * 2);
    for (const { feed } of [officer, shy, joined[0]]) {
      const last = feed.events.at(-1);
      expect(count(last)).toBe(6);
      expect(names(last)).toEqual(['Cal Ortiz', 'Cora Coordinator', 'Dee Park', 'Eli Quinn', 'Fay Reed']);
    }
    expect(officer.feed.events).toHaveLength(3);
    for (const { feed } of everyone) feed.stop();
  });
});
