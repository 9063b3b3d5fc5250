import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildEvent, buildIssue } from '../support/factories.js';
import { statementsOf } from '../support/statements.js';

// The hot reads besides the board page (listing.test.ts): each runs a constant number of SQL
// statements however much there is to read (no N+1 over updates, events or feed entries).

const DRAWER = `query($id: ID!) {
  issue(id: $id) {
    id title status category supportersCount updateCount reportedAt version description priority
    anonymous contact acknowledgedAt resolvedAt
    reporter { id name }
    location { lat lng precise address }
    neighborhood { id name boundary centerLat centerLng }
    organizations { id name }
    updates { id kind body visibility createdAt author { id name } organization { id name } fromStatus toStatus }
  }
}`;

const EVENTS = `query($first: Int) {
  latestSeq
  events(first: $first) {
    totalCount
    edges { cursor node {
      id title kind status startsAt endsAt locationName isPublic capacity rsvpCount staffCount viewerCanEdit version
      neighborhood { id name }
      host { id name }
      coHosts { id name }
      coHostInvitations(status: [PENDING]) { id viewerCanRespond organization { id name } }
      staff { count note organization { id name } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ACTIVITY = `query($first: Int!) {
  latestSeq
  activities(first: $first) {
    id seq at kind summary
    actor { id name }
    actorOrganization { id name }
    issue { id title }
    event { id title }
  }
}`;

let server: TestServer;
let officer: string;
let coordinator: string;
let quiet: string;
let busy: string;

/** Statements of one request, checking it answered without errors. */
async function count(query: string, variables: Record<string, unknown>, token: string): Promise<number> {
  const statements = await statementsOf(
    server,
    async () => {
      const res = await server.gql(query, variables, token);
      expect(res.errors).toBeUndefined();
    },
    0,
  );
  return statements.length;
}

beforeAll(async () => {
  server = await startServer();
  officer = await server.login(server.basics.emails.officer);
  coordinator = await server.login(server.basics.emails.coordinator);
  const { east } = server.basics.neighborhoods;
  const { youth, health } = server.basics.orgs;
  // Both with a contact: reading one is logged (an insert), the same for either.
  const contact = 'resident@example.org';
  quiet = (await buildIssue(server, { title: 'Quiet issue', neighborhoodId: east, contact })).id;
  busy = (await buildIssue(server, { title: 'Busy issue', neighborhoodId: east, contact })).id;
  for (const id of [quiet, busy]) {
    await server.gql(
      'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
      { id, orgs: [youth, health] },
      officer,
    );
  }
  // Updates and events interleaved, by two authors, so that a short page and a long one hold the
  // same kinds of entries by the same people and differ only in how many there are.
  const tokens = [officer, coordinator];
  const update = (id: string, i: number) =>
    server.gql(
      'mutation($id: ID!, $body: String!, $v: UpdateVisibility!) { addIssueUpdate(issueId: $id, body: $body, visibility: $v) { id } }',
      { id, body: `Update ${i}`, v: i % 3 ? 'PUBLIC' : 'PARTNERS' },
      tokens[i % 2],
    );
  await update(quiet, 1);
  for (let i = 0; i < 12; i++) {
    await update(busy, i);
    await buildEvent(
      server,
      tokens[i % 2],
      { title: `Event ${i}`, neighborhoodId: east, coHostOrganizationIds: i % 2 ? [youth] : [] },
      24 + i,
    );
  }
}, 120_000);
afterAll(() => server?.close());

describe('constant SQL statements per read', () => {
  it('the issue drawer: the same for an issue with 14 updates as for one with 2', async () => {
    for (const token of [coordinator, officer]) {
      const one = await count(DRAWER, { id: quiet }, token);
      const many = await count(DRAWER, { id: busy }, token);
      expect(many).toBe(one);
    }
    const res = await server.gql(DRAWER, { id: busy }, coordinator);
    expect(res.data.issue.updates.length).toBeGreaterThanOrEqual(13);
  });

  it('the events list: the same for 12 events as for 2', async () => {
    for (const token of [officer, coordinator]) {
      const two = await count(EVENTS, { first: 2 }, token);
      const twelve = await count(EVENTS, { first: 12 }, token);
      expect(twelve).toBe(two);
    }
    const res = await server.gql(EVENTS, { first: 12 }, officer);
    expect(res.data.events.edges).toHaveLength(12);
  });

  it('the activity page: the same for 30 entries as for 4', async () => {
    const four = await count(ACTIVITY, { first: 4 }, officer);
    const thirty = await count(ACTIVITY, { first: 30 }, officer);
    expect(thirty).toBe(four);
    const res = await server.gql(ACTIVITY, { first: 30 }, officer);
    expect(res.data.activities).toHaveLength(30);
  });
});
