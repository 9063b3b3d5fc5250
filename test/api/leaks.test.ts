import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { startServer, type TestServer } from '../support/server.js';
import { buildApiToken, buildEvent, buildIssue } from '../support/factories.js';
import { collect, type Collector } from '../support/live.js';
import { fullSelectionOf, introspect } from '../support/selection.js';

/**
 * A report with a resident's contact, a precise location and internal (PARTNERS) notes, read
 * through every selection a client can build from introspection, from every root that reaches
 * it: `issue`, `issues`, `node` (for every id there is), `events`, `activities`, and the three
 * streams, live and replayed with `after:`. The public, and API tokens without the scope for it,
 * must never get the secret parts; no token ever gets the contact. A coordinator running the
 * same selections gets every one of them, which proves the selections reach them.
 */
const CONTACT = 'call-ana-5550199@example.org';
const LAT = 45.5234567;
const LNG = -122.6543219;
const ADDRESS = '1234 Quiet Lane, flat 7';
const INTERNAL = 'INTERNAL: the caller is the landlord';
const INTERNAL_LIVE = 'INTERNAL: second visit planned';

type Secret = 'contact' | 'precise point' | 'address' | 'internal text';
const ALL_SECRETS: Secret[] = ['contact', 'precise point', 'address', 'internal text'];

/** Which secrets a JSON answer contains. A point counts as precise with more than 3 decimals near it. */
function secretsIn(json: string): Secret[] {
  const found = new Set<Secret>();
  if (json.includes(CONTACT)) found.add('contact');
  if (json.includes(ADDRESS)) found.add('address');
  if (json.includes(INTERNAL) || json.includes(INTERNAL_LIVE)) found.add('internal text');
  for (const [number] of json.matchAll(/-?\d+\.\d+/g)) {
    const value = Number(number);
    const near = Math.abs(value - LAT) < 0.01 || Math.abs(value - LNG) < 0.01;
    if (near && number.split('.')[1].length > 3) found.add('precise point');
  }
  return [...found].sort();
}

let server: TestServer;
let schema: GraphQLSchema;
let coordinator: string;
let officer: string;
let partner: string;
let issueId: string;
let eventId: string;
/** Every global id a client could hold: the issue, its updates (internal too), activities, members… */
const ids: string[] = [];
/** Readers and the secrets each may see. */
let readers: { name: string; token: string | null; may: Secret[] }[];

beforeAll(async () => {
  server = await startServer({
    // The selections are as large as the schema allows; the limits are tested elsewhere.
    config: {
      limits: {
        depth: 40,
        cost: 100_000_000,
        aliases: 100_000,
        directives: 100,
        tokens: 1_000_000,
        requestBytes: 16 * 1024 * 1024,
        subscriptions: 50,
        connections: 200,
        memberConnections: 20,
        socketBufferBytes: 16 * 1024 * 1024,
      },
    },
  });
  schema = await introspect(server);
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);

  const issue = await buildIssue(server, {
    title: 'Mold in the stairwell',
    contact: CONTACT,
    location: { lat: LAT, lng: LNG, address: ADDRESS },
  });
  issueId = issue.id;
  const ok = (res: { errors?: unknown }) => expect(res.errors).toBeUndefined();
  ok(
    await server.gql(
      'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
      { id: issueId, orgs: [server.basics.orgs.youth, server.basics.orgs.agency] },
      officer,
    ),
  );
  ok(
    await server.gql(
      'mutation($id: ID!, $b: String!) { addIssueUpdate(issueId: $id, body: $b, visibility: PARTNERS) { id } }',
      { id: issueId, b: INTERNAL },
      partner,
    ),
  );
  ok(
    await server.gql(
      'mutation($id: ID!) { addIssueUpdate(issueId: $id, body: "We will inspect on Monday", visibility: PUBLIC) { id } }',
      { id: issueId },
      officer,
    ),
  );
  // An event about the issue, so the walk reaches it through events too.
  eventId = (await buildEvent(server, officer, { title: 'Housing clinic', issueIds: [issueId] })).id;

  const known = await server.gql(
    `query($id: ID!) {
      issue(id: $id) { id reporter { id } updates { id author { id organization { id } } } neighborhood { id } organizations { id } }
      activities(first: 100) { id actor { id } }
      events(first: 100) { edges { node { id } } }
    }`,
    { id: issueId },
    coordinator,
  );
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string' && !ids.includes(inner)) ids.push(inner);
        walk(inner);
      }
    }
  };
  walk(known.data);

  const token = async (scopes: string[]) => (await buildApiToken(server, coordinator, scopes)).token;
  readers = [
    { name: 'the public', token: null, may: [] },
    {
      name: 'a token with every scope but issues:read',
      token: await token(['ISSUES_WRITE', 'EVENTS_READ', 'EVENTS_WRITE', 'ACTIVITY_READ']),
      may: [],
    },
    {
      name: 'a token with every scope',
      token: await token(['ISSUES_READ', 'ISSUES_WRITE', 'EVENTS_READ', 'EVENTS_WRITE', 'ACTIVITY_READ']),
      may: ['address', 'internal text', 'precise point'],
    },
    { name: 'a coordinator (the control)', token: coordinator, may: ALL_SECRETS },
  ];
});
afterAll(() => server?.close());

/** Every query root that can reach the issue, each with its largest selection. */
function queries(): { name: string; query: string; variables?: Record<string, unknown> }[] {
  const sel = (field: string) => fullSelectionOf(schema, 'Query', field);
  return [
    { name: 'issue', query: `query($id: ID!) { issue(id: $id) ${sel('issue')} }`, variables: { id: issueId } },
    { name: 'issues', query: `{ issues(first: 100) ${sel('issues')} }` },
    {
      name: 'issues filtered to it',
      query: `query($org: ID!) { issues(first: 100, filter: { organizationId: $org, search: "stairwell" }) ${sel('issues')} }`,
      variables: { org: server.basics.orgs.youth },
    },
    // One request per id: together they exceed what the cost guard walks in one operation.
    ...ids.map((id) => ({
      name: `node(${Buffer.from(id, 'base64url')})`,
      query: `{ node(id: "${id}") ${sel('node')} }`,
    })),
    { name: 'event', query: `query($id: ID!) { event(id: $id) ${sel('event')} }`, variables: { id: eventId } },
    { name: 'events', query: `{ events(first: 100) ${sel('events')} }` },
    { name: 'activities', query: `{ activities(first: 100) ${sel('activities')} }` },
  ];
}

describe('what a reader can get from every selection', () => {
  it('queries: issue, issues, node, event, events, activities', async () => {
    for (const reader of readers) {
      // `node` is judged over all ids together: only some of them reach each secret.
      const seen: string[] = [];
      for (const { name, query, variables } of queries()) {
        const res = await server.gql(query, variables, reader.token);
        expect(res.errors, `${name} as ${reader.name}`).toBeUndefined();
        const json = JSON.stringify(res.data);
        if (name.startsWith('node')) {
          seen.push(json);
          continue;
        }
        expect(json).toContain(issueId); // the walk did reach the issue
        expect(secretsIn(json), `${name} as ${reader.name}`).toEqual([...reader.may].sort());
      }
      expect(secretsIn(seen.join('\n')), `node as ${reader.name}`).toEqual([...reader.may].sort());
    }
  });

  it('subscriptions: replayed with after: 0, then live, including a new internal note', async () => {
    const sel = (field: string) => fullSelectionOf(schema, 'Subscription', field);
    const streams = {
      issueChanged: `subscription($after: Int) { issueChanged(after: $after) ${sel('issueChanged')} }`,
      eventChanged: `subscription($after: Int) { eventChanged(after: $after) ${sel('eventChanged')} }`,
      activity: `subscription($after: Int) { activity(after: $after) ${sel('activity')} }`,
    };
    const subscribe = () =>
      readers.map((reader) => {
        const client = server.ws(reader.token);
        const feeds = Object.fromEntries(
          Object.entries(streams).map(([name, query]) => [name, collect(client, query, { after: 0 })]),
        ) as Record<keyof typeof streams, Collector>;
        return { reader, feeds };
      });
    const live = subscribe();

    // Live changes while they listen: an internal note, an event change, a status change.
    const ok = (res: { errors?: unknown }) => expect(res.errors).toBeUndefined();
    ok(
      await server.gql(
        'mutation($id: ID!, $b: String!) { addIssueUpdate(issueId: $id, body: $b, visibility: PARTNERS) { id } }',
        { id: issueId, b: INTERNAL_LIVE },
        officer,
      ),
    );
    ok(
      await server.gql(
        'mutation($id: ID!) { updateEvent(id: $id, input: { description: "Bring your lease" }) { id } }',
        { id: eventId },
        officer,
      ),
    );
    const eventSeq = (await server.gql('{ latestSeq }')).data.latestSeq as number;
    ok(
      await server.gql(
        'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
        { id: issueId },
        partner,
      ),
    );
    const issueSeq = (await server.gql('{ latestSeq }')).data.latestSeq as number;

    // Then a second round that replays all of it from the start.
    const replayed = subscribe();
    for (const { reader, feeds } of [...live, ...replayed]) {
      for (const [name, feed] of Object.entries(feeds)) {
        await until(feed, name === 'eventChanged' ? eventSeq : issueSeq, `${name} as ${reader.name}`);
        feed.stop();
        const json = JSON.stringify(feed.events);
        expect(json).toContain(issueId); // the event's issues include it
        expect(secretsIn(json), `${name} as ${reader.name}`).toEqual([...reader.may].sort());
      }
    }
  });
});

/** Waits until `feed` has delivered something with seq ≥ `seq` (every stream sees the last change). */
async function until(feed: Collector, seq: number, what: string) {
  const deadline = Date.now() + 10_000;
  const seqOf = (e: Record<string, { seq: number }>) => Object.values(e)[0].seq;
  while (!feed.events.some((e) => seqOf(e) >= seq)) {
    if (feed.errors.length) throw new Error(`${what}: ${JSON.stringify(feed.errors)}`);
    if (Date.now() > deadline) throw new Error(`${what}: no seq ${seq} after 10 s, got ${feed.events.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
