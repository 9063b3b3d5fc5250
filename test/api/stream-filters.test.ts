import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildEvent, buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';

// A list and its live stream answer the same filter: whatever the list shows, the stream keeps
// up to date, and a change that takes something out of the list reaches the stream too.

const ISSUES = 'query($filter: IssueFilter) { issues(filter: $filter, first: 50) { edges { node { id title } } } }';
const ISSUE_CHANGED = `subscription($filter: IssueFilter) {
  issueChanged(filter: $filter) { seq kind issue { id status } }
}`;
const EVENTS = 'query($filter: EventFilter) { events(filter: $filter, first: 50) { edges { node { id status } } } }';
const EVENT_CHANGED = `subscription($filter: EventFilter) {
  eventChanged(filter: $filter) { seq kind event { id status title } }
}`;

let server: TestServer;
let officer: string;

beforeAll(async () => {
  server = await startServer();
  officer = await server.login(server.basics.emails.officer);
});
afterAll(() => server?.close());

describe('issue search: the list and the stream agree', () => {
  it.each([
    ['an underscore', 'street_light', 'Street light out on Oak'],
    ['a percent sign', 'graffiti%wall', 'Graffiti on the wall of the school'],
    ['a backslash', 'pothole\\deep', 'Deep pothole on 5th'],
  ])('a search with %s lists the issue and streams its changes', async (_what, search, title) => {
    const issue = await buildIssue(server, { title });
    const listed = await server.gql(ISSUES, { filter: { search } }, officer);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.issues.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(issue.id);

    const client = server.ws(officer);
    const feed = collect(client, ISSUE_CHANGED, { filter: { search } });
    const other = collect(client, ISSUE_CHANGED, { filter: { search: 'no-such-word-anywhere' } });
    await connected(client);
    await new Promise((r) => setTimeout(r, 150));
    const res = await server.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
      { id: issue.id },
      officer,
    );
    expect(res.errors).toBeUndefined();
    const [heard] = await feed.waitFor(1);
    expect(heard.issueChanged.issue).toEqual({ id: issue.id, status: 'ACKNOWLEDGED' });
    expect(await other.settle(300)).toEqual([]);
    await client.dispose();
  });
});

describe('event filters on the stream match before or after the change', () => {
  it('a stream filtered on PLANNED hears that an event was cancelled; the list drops it', async () => {
    const event = await buildEvent(server, officer, { title: 'Spring cleanup walk' });
    const client = server.ws(officer);
    const planned = collect(client, EVENT_CHANGED, { filter: { status: ['PLANNED'] } });
    const done = collect(client, EVENT_CHANGED, { filter: { status: ['DONE'] } });
    await connected(client);
    await new Promise((r) => setTimeout(r, 150));

    const before = await server.gql(EVENTS, { filter: { status: ['PLANNED'] } }, officer);
    expect(before.data.events.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(event.id);
    const res = await server.gql(
      'mutation($id: ID!) { cancelEvent(id: $id, reason: "Rain all weekend") { id status } }',
      { id: event.id },
      officer,
    );
    expect(res.errors).toBeUndefined();

    const [heard] = await planned.waitFor(1);
    expect(heard.eventChanged).toMatchObject({ kind: 'EVENT_CANCELLED', event: { id: event.id, status: 'CANCELLED' } });
    // Neither before nor after was the event DONE: that stream stays quiet.
    expect(await done.settle(300)).toEqual([]);
    const after = await server.gql(EVENTS, { filter: { status: ['PLANNED'] } }, officer);
    expect(after.data.events.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(event.id);
    await client.dispose();
  });

  it('a stream with `from` hears an event move out of its window, and follows the list on endsAt', async () => {
    // The window starts in 30 hours: an event starting in 24 hours and ending in 26 is before it.
    const from = new Date(Date.now() + 30 * 3600_000).toISOString();
    const event = await buildEvent(server, officer, { title: 'Youth basketball night' }, 48);
    const early = await buildEvent(server, officer, { title: 'Early coffee with a cop' }, 24);
    const client = server.ws(officer);
    const window = collect(client, EVENT_CHANGED, { filter: { from } });
    await connected(client);
    await new Promise((r) => setTimeout(r, 150));

    const listed = await server.gql(EVENTS, { filter: { from } }, officer);
    const ids = listed.data.events.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(event.id);
    expect(ids).not.toContain(early.id);

    // Outside the window before and after: not heard.
    const retitled = await server.gql(
      'mutation($id: ID!) { updateEvent(id: $id, input: { title: "Early coffee with officers" }) { id } }',
      { id: early.id },
      officer,
    );
    expect(retitled.errors).toBeUndefined();
    // Moved from inside the window to before it: heard, though after the change it no longer matches.
    const startsAt = new Date(Date.now() + 20 * 3600_000);
    const moved = await server.gql(
      'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
      {
        id: event.id,
        input: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString() },
      },
      officer,
    );
    expect(moved.errors).toBeUndefined();

    const heard = await window.waitFor(1);
    expect(heard.map((e) => e.eventChanged.event.id)).toEqual([event.id]);
    expect(await window.settle(300)).toHaveLength(1);
    const after = await server.gql(EVENTS, { filter: { from } }, officer);
    expect(after.data.events.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(event.id);
    await client.dispose();
  });
});
