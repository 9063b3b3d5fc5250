import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { nextClose, once, wsCloseCode } from '../support/ws.js';

const CREATE = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name scopes hint createdAt lastUsedAt revokedAt organization { id } createdBy { name } } }
}`;
const LIST =
  '{ apiTokens { id name scopes hint createdAt lastUsedAt revokedAt organization { name } createdBy { name } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt revokedBy { name } } }';
const ISSUE = `query($id: ID!) {
  issue(id: $id) { id contact reporter { id } location { lat lng address precise } updates { body visibility author { name } } }
}`;
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id status } }';
const INTERNAL_NOTE =
  'mutation($id: ID!, $body: String!) { addIssueUpdate(issueId: $id, body: $body, visibility: PARTNERS) { id } }';
const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';
const SUPPORT = 'mutation($id: ID!) { supportIssue(id: $id) { id } }';

const CONTACT = 'resident.ana@example.org';
const LOCATION = { lat: 45.5234567, lng: -122.6543219, address: '1234 Quiet Lane' };

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string;

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);

/** An issue with a contact, a precise location, assigned to `orgs`, with an internal note. */
async function sensitiveIssue(title: string, orgs = [server.basics.orgs.youth]) {
  const issue = await buildIssue(server, { title, contact: CONTACT, location: LOCATION });
  await server.gql(ASSIGN, { id: issue.id, orgs }, officer);
  const note = await server.gql(INTERNAL_NOTE, { id: issue.id, body: `Internal: about ${title}` }, officer);
  expect(note.errors).toBeUndefined();
  return issue;
}

describe('managing API tokens', () => {
  it('is for coordinators only: the public, partners, officers and API tokens are refused', async () => {
    const input = { name: 'Sneaky', scopes: ['ISSUES_READ'] };
    await expectRefused(() => server.gql(CREATE, { input }), 'UNAUTHENTICATED');
    await expectRefused(() => server.gql(CREATE, { input }, partner), 'FORBIDDEN');
    await expectRefused(() => server.gql(CREATE, { input }, officer), 'FORBIDDEN');
    const { token, id } = await buildApiToken(server, coordinator, ['ISSUES_READ', 'ISSUES_WRITE', 'ACTIVITY_READ']);
    await expectRefused(() => server.gql(CREATE, { input }, token), 'FORBIDDEN', /API tokens may not/);
    await expectRefused(() => server.gql(REVOKE, { id }, token), 'FORBIDDEN', /API tokens may not/);
    for (const who of [null, partner, officer, token]) {
      const res = await server.gql(LIST, {}, who);
      expect(res.errors?.[0].extensions?.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('shows the secret once and keeps only its SHA-256', async () => {
    const res = await server.gql(
      CREATE,
      { input: { name: '  Dispatch sync ', scopes: ['ISSUES_WRITE', 'ISSUES_READ', 'ISSUES_READ'] } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const { token, apiToken } = res.data.createApiToken;
    expect(token).toMatch(/^bbt_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: 'Dispatch sync',
      scopes: ['ISSUES_READ', 'ISSUES_WRITE'],
      hint: `${token.slice(0, 10)}…`,
      lastUsedAt: null,
      revokedAt: null,
      organization: { id: server.basics.orgs.agency },
      createdBy: { name: 'Cora Coordinator' },
    });

    const rows = await sql('select * from api_token where secret_hash = ?', [
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].scopes).toBe('issues:read,issues:write');
    // The secret itself is nowhere: not in the row, not in the list.
    const everything = JSON.stringify(await sql('select * from api_token'));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(10));
    const list = await server.gql(LIST, {}, coordinator);
    expect(JSON.stringify(list.data)).not.toContain(token.slice(10));
  });

  it.each([
    ['an empty name', { name: '   ', scopes: ['ISSUES_READ'] }, /name must be 1 to 100/],
    ['a too-long name', { name: 'n'.repeat(101), scopes: ['ISSUES_READ'] }, /name must be 1 to 100/],
    ['no scope', { name: 'Nothing', scopes: [] }, /scopes must name at least one scope/],
    ['an unknown scope', { name: 'Admin', scopes: ['ADMIN'] }, /"ADMIN" does not exist in "ApiScope"/],
    [
      'a Neighborhood as organization',
      { name: 'Tool', scopes: ['ISSUES_READ'], organizationId: 'N' },
      /organizationId/,
    ],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, input, message) => {
    const vars = { ...input } as Record<string, unknown>;
    if (vars.organizationId === 'N') vars.organizationId = server.basics.neighborhoods.east;
    await expectRefused(() => server.gql(CREATE, { input: vars }, coordinator), 'BAD_USER_INPUT', message);
  });

  it('lists every token newest first, with when it was last used', async () => {
    const first = await buildApiToken(server, coordinator, ['EVENTS_READ'], { name: 'Calendar feed' });
    const second = await buildApiToken(server, coordinator, ['ACTIVITY_READ'], {
      name: 'Youth dashboard',
      organizationId: server.basics.orgs.youth,
    });
    expect((await server.gql('{ latestSeq }', {}, second.token)).errors).toBeUndefined();
    const res = await server.gql(LIST, {}, coordinator);
    const names = res.data.apiTokens.map((t: { name: string }) => t.name);
    expect(names.indexOf('Youth dashboard')).toBeLessThan(names.indexOf('Calendar feed'));
    const byId = new Map(res.data.apiTokens.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(second.id)).toMatchObject({
      scopes: ['ACTIVITY_READ'],
      organization: { name: 'Youth Alliance' },
      lastUsedAt: expect.any(String),
    });
    expect(byId.get(first.id)).toMatchObject({ lastUsedAt: null, revokedAt: null });
  });

  it('revokes: HTTP calls get 401 UNAUTHENTICATED, new sockets close with 4403, open ones are closed', async () => {
    const { token, id } = await buildApiToken(server, coordinator, ['ACTIVITY_READ']);
    const client = server.ws(token);
    const feed = collect(client, 'subscription { activity { seq } }');
    await connected(client);
    const closed = nextClose(client);

    const res = await server.gql(REVOKE, { id }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data.revokeApiToken).toMatchObject({ id, revokedAt: expect.any(String) });
    expect(res.data.revokeApiToken.revokedBy.name).toBe('Cora Coordinator');
    expect(await closed).toBe(4403);
    feed.stop();

    const after = await server.gql('{ latestSeq }', {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0].message).toMatch(/unknown or has been revoked/);
    expect(await wsCloseCode(server, `Bearer ${token}`)).toBe(4403);
    // Revoking again changes nothing; an unknown id is NOT_FOUND.
    const again = await server.gql(REVOKE, { id }, coordinator);
    expect(again.data.revokeApiToken.revokedAt).toBe(res.data.revokeApiToken.revokedAt);
    await expectRefused(
      () => server.gql(REVOKE, { id: Buffer.from('ApiToken:99999').toString('base64url') }, coordinator),
      'NOT_FOUND',
    );
  });
});

describe('a token reads with exactly its scopes', () => {
  it('without issues:read, sees issues as the public does; with it, as a member, but never the contact', async () => {
    // Assigned to the agency too: its officers see the contact, its tokens must not.
    const issue = await sensitiveIssue('Needles in the playground', [
      server.basics.orgs.agency,
      server.basics.orgs.youth,
    ]);
    const eventsOnly = await buildApiToken(server, coordinator, ['EVENTS_READ', 'ISSUES_WRITE']);
    const issuesRead = await buildApiToken(server, coordinator, ['ISSUES_READ']);

    const asPublic = (await server.gql(ISSUE, { id: issue.id })).data.issue;
    const limited = await server.gql(ISSUE, { id: issue.id }, eventsOnly.token);
    expect(limited.errors).toBeUndefined();
    expect(limited.data.issue).toEqual(asPublic);
    expect(asPublic.location).toMatchObject({ precise: false, address: null });
    expect(JSON.stringify(asPublic)).not.toMatch(/Internal:|Quiet Lane|45\.5234567/);

    const full = await server.gql(ISSUE, { id: issue.id }, issuesRead.token);
    expect(full.errors).toBeUndefined();
    expect(full.data.issue.location).toEqual({ ...LOCATION, precise: true });
    expect(full.data.issue.updates.map((u: { body: string }) => u.body)).toContain(
      'Internal: about Needles in the playground',
    );
    expect(full.data.issue.updates.find((u: { visibility: string }) => u.visibility === 'PARTNERS').author).toEqual({
      name: 'Oscar Officer',
    });
    expect(full.data.issue.contact).toBeNull();

    // Even an agency token with every scope never sees a contact; a coordinator does.
    const everything = await buildApiToken(server, coordinator, [
      'ISSUES_READ',
      'ISSUES_WRITE',
      'EVENTS_READ',
      'EVENTS_WRITE',
      'ACTIVITY_READ',
    ]);
    expect((await server.gql(ISSUE, { id: issue.id }, everything.token)).data.issue.contact).toBeNull();
    expect((await server.gql(ISSUE, { id: issue.id }, officer)).data.issue.contact).toBe(CONTACT);
  });

  it('sees members-only events with events:read only, and never RSVP emails or member emails', async () => {
    const eventsRead = await buildApiToken(server, coordinator, ['EVENTS_READ']);
    const issuesRead = await buildApiToken(server, coordinator, ['ISSUES_READ']);
    const startsAt = new Date(Date.now() + 86_400_000);
    const created = await server.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: 'Partners-only planning',
          kind: 'MEETING',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          locationName: 'Precinct',
          isPublic: false,
        },
      },
      officer,
    );
    const id = created.data.createEvent.id;
    const rsvp = await server.gql(
      'mutation($id: ID!) { rsvpEvent(id: $id, input: { name: "Sam", email: "sam@example.org", partySize: 1 }) { id } }',
      { id },
      partner,
    );
    expect(rsvp.errors).toBeUndefined();
    const EVENT = 'query($id: ID!) { event(id: $id) { title rsvps { name email } createdBy { name email } } }';
    expect((await server.gql(EVENT, { id }, issuesRead.token)).data.event).toBeNull();
    const seen = await server.gql(EVENT, { id }, eventsRead.token);
    expect(seen.data.event).toEqual({
      title: 'Partners-only planning',
      rsvps: [{ name: 'Sam', email: null }],
      createdBy: { name: 'Oscar Officer', email: null },
    });
    expect((await server.gql(EVENT, { id }, officer)).data.event.rsvps).toEqual([
      { name: 'Sam', email: 'sam@example.org' },
    ]);
  });

  it('is not a member: viewer is null and presence is refused', async () => {
    const { token } = await buildApiToken(server, coordinator, ['ISSUES_READ', 'ACTIVITY_READ']);
    const viewer = await server.gql('{ viewer { id } }', {}, token);
    expect(viewer).toMatchObject({ status: 200, data: { viewer: null } });
    const presence = await once(server.ws(token), 'subscription { presence { members { name } } }');
    expect(presence.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a token writes only with a write scope, as its organization', () => {
  it('refuses a missing scope with FORBIDDEN naming it, and changes nothing', async () => {
    const issue = await buildIssue(server, { title: 'Read-only tool tries to triage' });
    const readOnly = await buildApiToken(server, coordinator, ['ISSUES_READ', 'EVENTS_WRITE']);
    await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, readOnly.token),
      'FORBIDDEN',
      /lacks the issues:write scope/,
    );
    // Residents' operations are open to any token, at the public's level: no priority without issues:write.
    await expectRefused(
      () =>
        server.gql(
          'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
          {
            input: {
              title: 'Priority from a tool',
              category: 'OTHER',
              neighborhoodId: server.basics.neighborhoods.east,
              priority: 'URGENT',
            },
          },
          readOnly.token,
        ),
      'BAD_USER_INPUT',
      /priority/,
    );
  });

  it('an agency token triages anywhere, recorded as the agency with no member as author', async () => {
    const issue = await buildIssue(server, { title: 'Dispatch closes this one' });
    const dispatch = await buildApiToken(server, coordinator, ['ISSUES_WRITE'], { name: 'Dispatch' });
    const res = await server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, dispatch.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.setIssueStatus.status).toBe('ACKNOWLEDGED');
    const [activity] = await sql(
      "select actor_id, actor_organization_id from activity where kind = 'ISSUE_STATUS_CHANGED' order by seq desc limit 1",
    );
    const [agency] = await sql("select id from organization where name = 'City Police'");
    expect(activity).toEqual({ actor_id: null, actor_organization_id: agency.id });
  });

  it('a partner organization token triages only issues shared with that organization', async () => {
    const youthTool = await buildApiToken(server, coordinator, ['ISSUES_WRITE', 'ISSUES_READ'], {
      organizationId: server.basics.orgs.youth,
    });
    const shared = await buildIssue(server, { title: 'Shared with the youth tool' });
    await server.gql(ASSIGN, { id: shared.id, orgs: [server.basics.orgs.youth] }, officer);
    const other = await buildIssue(server, { title: 'Not shared with the youth tool' });
    expect(
      (await server.gql(SET_STATUS, { id: shared.id, s: 'ACKNOWLEDGED' }, youthTool.token)).errors,
    ).toBeUndefined();
    await expectRefused(
      () => server.gql(SET_STATUS, { id: other.id, s: 'ACKNOWLEDGED' }, youthTool.token),
      'FORBIDDEN',
      /shared with their organization/,
    );
    await expectRefused(
      () =>
        server.gql(
          'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
          {
            input: {
              title: 'Hosted by someone else',
              kind: 'MEETING',
              startsAt: new Date(Date.now() + 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 90_000_000).toISOString(),
              locationName: 'Gym',
              hostOrganizationId: server.basics.orgs.health,
            },
          },
          youthTool.token,
        ),
      'FORBIDDEN',
      /lacks the events:write scope/,
    );
  });
});

describe('a token on the WebSocket', () => {
  const ISSUE_CHANGED = `subscription($after: Int) {
    issueChanged(after: $after) { seq kind issue { id contact location { lat precise } latestUpdate { body } } activity { summary actor { name } } }
  }`;

  it('streams with its scopes and resumes with after: a replay, then live changes, once each', async () => {
    const after = (await server.gql('{ latestSeq }')).data.latestSeq;
    const issue = await sensitiveIssue('Streamed to tools');
    const issuesRead = await buildApiToken(server, coordinator, ['ISSUES_READ']);
    const eventsRead = await buildApiToken(server, coordinator, ['EVENTS_READ']);
    const full = collect(server.ws(issuesRead.token), ISSUE_CHANGED, { after });
    const limited = collect(server.ws(eventsRead.token), ISSUE_CHANGED, { after });

    // Replayed: reported, assigned, internal note (issues:read only).
    const replayed = await full.waitFor(3);
    expect(replayed.map((e) => e.issueChanged.kind)).toEqual([
      'ISSUE_REPORTED',
      'ISSUE_ASSIGNED',
      'ISSUE_UPDATE_ADDED',
    ]);
    await limited.waitFor(2);

    // Live: the next change arrives once, after the replay, in seq order.
    await server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, officer);
    const all = await full.waitFor(4);
    const seqs = all.map((e) => e.issueChanged.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(4);
    expect(all[3].issueChanged.issue.location.precise).toBe(true);
    expect(all.every((e) => e.issueChanged.issue.contact === null)).toBe(true);
    expect(all[3].issueChanged.activity.actor).toBeNull(); // who did it: activity:read only

    const partial = await limited.waitFor(3);
    expect(partial.map((e) => e.issueChanged.kind)).toEqual([
      'ISSUE_REPORTED',
      'ISSUE_ASSIGNED',
      'ISSUE_STATUS_CHANGED',
    ]);
    expect(JSON.stringify(await limited.settle(200))).not.toMatch(/Internal:|45\.5234567|"precise":true/);
    full.stop();
    limited.stop();
  });
});

describe("the README's resuming subscriber", () => {
  it('picks up after a dropped connection from the last seq it saw: nothing missed, nothing twice', async () => {
    const { token } = await buildApiToken(server, coordinator, ['ISSUES_READ']);
    const issue = await buildIssue(server, { title: 'Resumed by a tool' });
    const client = createClient({
      url: server.app.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 5,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
    });
    const seqs: number[] = [];
    const payload = {
      query: 'subscription($after: Int) { issueChanged(after: $after) { seq } }',
      variables: { after: (await server.gql('{ latestSeq }')).data.latestSeq - 1 },
    };
    const stop = client.subscribe<{ issueChanged: { seq: number } }>(payload, {
      next: ({ data }) => {
        seqs.push(data!.issueChanged.seq);
        payload.variables.after = data!.issueChanged.seq;
      },
      error: () => {},
      complete: () => {},
    });
    const until = async (n: number) => {
      for (let i = 0; i < 200 && seqs.length < n; i++) await new Promise((r) => setTimeout(r, 20));
      expect(seqs.length).toBeGreaterThanOrEqual(n);
    };
    try {
      await until(1);
      client.terminate(); // the connection drops; graphql-ws reconnects and sends the payload again
      for (let i = 0; i < 2; i++) await server.gql(SUPPORT, { id: issue.id });
      await until(3);
      await new Promise((r) => setTimeout(r, 200));
      expect(seqs).toHaveLength(3);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(3);
    } finally {
      stop();
      await client.dispose();
    }
  });
});

describe('rate limits count each token on its own', () => {
  let limited: TestServer;
  beforeAll(async () => {
    const generous = { points: 1_000_000, seconds: 60 };
    limited = await startServer({
      config: {
        rateLimits: {
          login: generous,
          loginPair: generous,
          account: generous,
          report: generous,
          mutation: { points: 4, seconds: 60 },
        },
      },
    });
  });
  afterAll(() => limited?.close());

  it('holds back a busy token while another token and the members it shares an address with go on', async () => {
    const boss = await limited.login(limited.basics.emails.coordinator);
    const busy = await buildApiToken(limited, boss, ['ISSUES_WRITE']);
    const calm = await buildApiToken(limited, boss, ['ISSUES_WRITE']);
    const issue = await buildIssue(limited);
    const support = (token: string) =>
      limited.gql('mutation($id: ID!) { supportIssue(id: $id) { supportersCount } }', { id: issue.id }, token);
    for (let i = 0; i < 4; i++) expect((await support(busy.token)).errors).toBeUndefined();
    const held = await support(busy.token);
    expect(held.status).toBe(429);
    expect(held.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await support(calm.token)).errors).toBeUndefined();
    expect((await support(boss)).errors).toBeUndefined();
  });
});
