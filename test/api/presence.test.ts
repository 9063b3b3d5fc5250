import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { collect, connected } from '../support/live.js';

const PRESENCE = 'subscription($share: Boolean!) { presence(share: $share) { members { id name organizationName } } }';
const names = (event: any) => event.presence.members.map((m: { name: string }) => m.name);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('presence', () => {
  it('shows who else has the board open, live, and lets a person hide', async () => {
    const officerClient = server.ws(await server.login(server.basics.emails.officer));
    const officer = collect(officerClient, PRESENCE, { share: true });
    await connected(officerClient);
    expect(names((await officer.waitFor(1))[0])).toEqual(['Oscar Officer']);

    const partnerClient = server.ws(await server.login(server.basics.emails.partner));
    const partner = collect(partnerClient, PRESENCE, { share: true });
    const seen = await officer.waitFor(2);
    expect(names(seen[1])).toEqual(['Oscar Officer', 'Paula Partner']);
    expect(seen[1].presence.members[1].organizationName).toBe('Youth Alliance');

    // Someone who turned presence off sees the others but is not shown.
    const shyClient = server.ws(await server.login(server.basics.emails.otherPartner));
    const shy = collect(shyClient, PRESENCE, { share: false });
    expect(names((await shy.waitFor(1))[0])).toEqual(['Oscar Officer', 'Paula Partner']);
    expect((await officer.settle(300)).length).toBe(2);

    // Closing the board removes the person from everyone's list.
    partner.stop();
    const after = await officer.waitFor(3);
    expect(names(after[2])).toEqual(['Oscar Officer']);
    officer.stop();
    shy.stop();
  });

  it('is for members only', async () => {
    const feed = collect(server.ws(null), PRESENCE, { share: true });
    await expect(feed.waitFor(1, 2000)).rejects.toThrow(/UNAUTHENTICATED|Sign in/);
  });
});
