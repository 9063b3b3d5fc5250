import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.js';
import { buildEvent, buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';

const ACTIVITY =
  'subscription($after: Int) { activity(after: $after) { seq kind summary visibility issue { id title } } }';
const ISSUE_CHANGED = `subscription($filter: IssueFilter, $after: Int) {
  issueChanged(filter: $filter, after: $after) { seq kind issue { id title status version contact location { lat lng precise } latestUpdate { body visibility } } }
}`;

let server: TestServer;
let officer: string;
let partner: string;

beforeAll(async () => {
  server = await startServer();
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
});
afterAll(() => server?.close());

describe('live stream over graphql-ws', () => {
  it('gives a public client and an officer exactly what each may see, in seq order', async () => {
    const publicClient = server.ws(null);
    const officerClient = server.ws(officer);
    const publicFeed = collect(publicClient, ACTIVITY);
    const officerFeed = collect(officerClient, ACTIVITY);
    const publicIssues = collect(publicClient, ISSUE_CHANGED);
    const officerIssues = collect(officerClient, ISSUE_CHANGED);
    await Promise.all([connected(publicClient), connected(officerClient)]);
    await new Promise((r) => setTimeout(r, 200));

    // A third party (a resident, then a partner over HTTP) makes the changes.
    const issue = await buildIssue(server, {
      title: 'Broken swing at the park',
      contact: 'resident@example.org',
      location: { lat: 45.512345, lng: -122.654321, address: '12 Elm St' },
    });
    await server.gql(
      'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
      { id: issue.id, orgs: [server.basics.orgs.youth] },
      officer,
    );
    const internal = await server.gql(
      'mutation($id: ID!) { addIssueUpdate(issueId: $id, body: "Internal: talk to the family", visibility: PARTNERS) { id } }',
      { id: issue.id },
      partner,
    );
    expect(internal.errors).toBeUndefined();
    await server.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
      { id: issue.id },
      partner,
    );

    const officerEvents = await officerFeed.waitFor(4);
    const publicEvents = await publicFeed.waitFor(3);
    expect(officerEvents.map((e) => e.activity.kind)).toEqual([
      'ISSUE_REPORTED',
      'ISSUE_ASSIGNED',
      'ISSUE_UPDATE_ADDED',
      'ISSUE_STATUS_CHANGED',
    ]);
    expect(publicEvents.map((e) => e.activity.kind)).toEqual([
      'ISSUE_REPORTED',
      'ISSUE_ASSIGNED',
      'ISSUE_STATUS_CHANGED',
    ]);
    const seqs = officerEvents.map((e) => e.activity.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(publicEvents.map((e) => e.activity.seq)).toEqual([seqs[0], seqs[1], seqs[3]]);

    // issueChanged: the public never sees the contact, the precise point or the internal note.
    const pub = await publicIssues.waitFor(3);
    const off = await officerIssues.waitFor(4);
    expect(JSON.stringify(await publicIssues.settle(300))).not.toMatch(
      /resident@example.org|Internal: talk|45\.512345|12 Elm/,
    );
    expect(pub.every((e) => e.issueChanged.issue.location.precise === false)).toBe(true);
    expect(off[3].issueChanged.issue).toMatchObject({
      status: 'ACKNOWLEDGED',
      location: { lat: 45.512345, precise: true },
    });
    expect(off[3].issueChanged.issue.latestUpdate.body).toMatch(/Open → Acknowledged/);
    expect(pub[2].issueChanged.issue.latestUpdate.visibility).toBe('PUBLIC');
    // The officer's agency is not assigned: no contact. The youth partner's is.
    expect(off[3].issueChanged.issue.contact).toBeNull();
    publicFeed.stop();
    officerFeed.stop();
    publicIssues.stop();
    officerIssues.stop();
  });

  it('delivers a change within a second', async () => {
    const client = server.ws(null);
    const feed = collect(client, ACTIVITY);
    await connected(client);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await buildIssue(server, { title: 'Timing check' });
    await feed.waitFor(1, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    feed.stop();
  });

  it('resumes after a disconnect with every missed change once, in order', async () => {
    const first = server.ws(officer);
    const feed = collect(first, ACTIVITY);
    await connected(first);
    await new Promise((r) => setTimeout(r, 100));
    await buildIssue(server, { title: 'Before the drop' });
    const [seen] = await feed.waitFor(1);
    const lastSeq = seen.activity.seq;
    feed.stop();
    await first.dispose();

    // While disconnected: three changes, one of them members-only.
    const missed = await buildIssue(server, { title: 'Missed one' });
    await server.gql(
      'mutation($id: ID!) { addIssueUpdate(issueId: $id, body: "internal", visibility: PARTNERS) { id } }',
      { id: missed.id },
      officer,
    );
    await buildIssue(server, { title: 'Missed two' });

    const again = server.ws(officer);
    const resumed = collect(again, ACTIVITY, { after: lastSeq });
    await connected(again);
    const replayed = await resumed.waitFor(3);
    expect(replayed.map((e) => e.activity.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3]);
    await buildIssue(server, { title: 'Live after resume' });
    const all = await resumed.waitFor(4);
    expect(all.map((e) => e.activity.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3, lastSeq + 4]);
    expect((await resumed.settle(300)).length).toBe(4);

    // A public client resuming from the same point never gets the internal note.
    const publicClient = server.ws(null);
    const publicResume = collect(publicClient, ACTIVITY, { after: lastSeq });
    const publicReplay = await publicResume.waitFor(3);
    expect(publicReplay.map((e) => e.activity.seq)).toEqual([lastSeq + 1, lastSeq + 3, lastSeq + 4]);
    expect(JSON.stringify(await publicResume.settle(200))).not.toMatch(/internal/);
    resumed.stop();
    publicResume.stop();
  });

  it('filters issueChanged and still reports an issue leaving the filter', async () => {
    const client = server.ws(partner);
    const openOnly = collect(client, ISSUE_CHANGED, {
      filter: { status: ['OPEN'], neighborhoodId: server.basics.neighborhoods.west },
    });
    await connected(client);
    await new Promise((r) => setTimeout(r, 100));
    await buildIssue(server, { title: 'East, not for this board' });
    const west = await buildIssue(server, { title: 'West one', neighborhoodId: server.basics.neighborhoods.west });
    await server.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
      { id: west.id },
      officer,
    );
    await server.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: IN_PROGRESS) { id } }',
      { id: west.id },
      officer,
    );
    await openOnly.waitFor(2);
    // Reported (OPEN) and OPEN → ACKNOWLEDGED match; ACKNOWLEDGED → IN_PROGRESS does not.
    const events = await openOnly.settle(400);
    expect(events.map((e) => [e.issueChanged.kind, e.issueChanged.issue.title])).toEqual([
      ['ISSUE_REPORTED', 'West one'],
      ['ISSUE_STATUS_CHANGED', 'West one'],
    ]);
    openOnly.stop();
  });

  it('streams event changes, hiding members-only events from the public', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const publicClient = server.ws(null);
    const partnerClient = server.ws(partner);
    const query = 'subscription { eventChanged { seq kind event { id title rsvpCount } } }';
    const pub = collect(publicClient, query);
    const mem = collect(partnerClient, query);
    await Promise.all([connected(publicClient), connected(partnerClient)]);
    await new Promise((r) => setTimeout(r, 100));
    await buildEvent(server, coordinator, { title: 'Partners only', isPublic: false });
    const open = await buildEvent(server, partner, { title: 'Open hoops' });
    await server.gql('mutation($id: ID!) { rsvpEvent(id: $id, input: { name: "Ana", partySize: 2 }) { id } }', {
      id: open.id,
    });
    const memberEvents = await mem.waitFor(3);
    expect(memberEvents.map((e) => e.eventChanged.event.title)).toEqual(['Partners only', 'Open hoops', 'Open hoops']);
    expect(memberEvents[2].eventChanged).toMatchObject({ kind: 'EVENT_RSVP', event: { rsvpCount: 2 } });
    await pub.waitFor(2);
    expect((await pub.settle(300)).map((e) => e.eventChanged.event.title)).toEqual(['Open hoops', 'Open hoops']);
    pub.stop();
    mem.stop();
  });

  it('closes a WebSocket with a forged token with 4403', async () => {
    const client = createClient({
      url: server.app.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer forged.token.value' },
      retryAttempts: 0,
      lazy: false,
    });
    const code = await new Promise<number>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
    expect(code).toBe(4403);
    await client.dispose();
  });

  it('rejects a resume point beyond the feed with BAD_USER_INPUT', async () => {
    const client = server.ws(null);
    const feed = collect(client, ACTIVITY, { after: 1_000_000 });
    await expect(feed.waitFor(1, 2000)).rejects.toThrow(/BAD_USER_INPUT|after must be/);
  });
});

describe('latestSeq then subscribe', () => {
  it('lets a client load a page and subscribe from that point without missing a change', async () => {
    const before = await server.gql('{ latestSeq issues(first: 1) { totalCount } }');
    const seq = before.data.latestSeq;
    // A change lands after the page was read but before the subscription starts.
    await buildIssue(server, { title: 'Between page and subscribe' });
    const client = server.ws(null);
    const feed = collect(client, ISSUE_CHANGED, { after: seq });
    const [first] = await feed.waitFor(1);
    expect(first.issueChanged).toMatchObject({ seq: seq + 1, issue: { title: 'Between page and subscribe' } });
    feed.stop();
  });
});
