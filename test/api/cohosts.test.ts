import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, buildEvent, buildMember, buildOrganization } from '../support/factories.js';
import { collect, connected } from '../support/live.js';

const EVENT = `query($id: ID!) {
  event(id: $id) {
    id title version viewerCanEdit
    host { id }
    coHosts { id }
    coHostInvitations { id status organization { id name } invitedBy { name } respondedBy { name } respondedAt withdrawnAt }
  }
}`;
const INVITATIONS = `query($status: [CoHostInvitationStatus!]) {
  coHostInvitations(status: $status) {
    id status viewerCanRespond organization { id } event { id title host { name } }
  }
}`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) {
  respondToCoHostInvitation(id: $id, accept: $accept) { id status respondedAt event { id coHosts { id } version } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id version } }`;
const BY_ORG = `query($org: ID!) { events(filter: { organizationId: $org }, first: 100) { edges { node { id } } } }`;

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string; // Youth Alliance: hosts
let health: string; // Community Health: invited
let thirdOrg: { id: string; name: string };
let third: string; // a partner of a third organization

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  health = await server.login(server.basics.emails.otherPartner);
  thirdOrg = await buildOrganization(server, coordinator, { name: 'Block Club' });
  third = await server.login((await buildMember(server, coordinator, { organizationId: thirdOrg.id })).email);
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);

const ok = async <T = any>(res: Promise<GqlResult<T>>): Promise<T> => {
  const r = await res;
  expect(r.errors).toBeUndefined();
  return r.data!;
};
const readEvent = async (id: string, token: string | null = null) => (await ok(server.gql(EVENT, { id }, token))).event;
const idsOf = (list: { events: { edges: { node: { id: string } }[] } }) => list.events.edges.map((e) => e.node.id);

/** An event hosted by the youth partner naming Community Health as co-host, and Health's pending invitation. */
async function invited(title: string) {
  const event = await buildEvent(server, partner, { title, coHostOrganizationIds: [server.basics.orgs.health] });
  const { coHostInvitations } = await ok(server.gql(INVITATIONS, { status: ['PENDING'] }, health));
  const invitation = coHostInvitations.find((i: { event: { id: string } }) => i.event.id === event.id);
  expect(invitation, 'Health sees its invitation').toBeDefined();
  return { event, invitation: invitation as { id: string } };
}

const kindsFor = async (eventId: string) => {
  const pk = Number(Buffer.from(eventId, 'base64url').toString().split(':')[1]);
  const rows = await sql('select kind, visibility from activity where event_id = ? order by seq', [pk]);
  return rows.map((r) => `${r.kind} ${r.visibility}`);
};

describe('naming a co-host', () => {
  it('invites the organization: the event does not show it, and it may not edit, until it accepts', async () => {
    const { event, invitation } = await invited('Health fair at the gym');

    // Nobody sees Health as co-host: the public, the host, Health itself.
    for (const token of [null, partner, health]) expect((await readEvent(event.id, token)).coHosts).toEqual([]);
    expect(idsOf(await ok(server.gql(BY_ORG, { org: server.basics.orgs.health })))).not.toContain(event.id);
    expect(idsOf(await ok(server.gql(BY_ORG, { org: server.basics.orgs.health }, health)))).not.toContain(event.id);

    // The host sees the pending invitation; the public sees none.
    expect((await readEvent(event.id, partner)).coHostInvitations).toMatchObject([
      {
        id: invitation.id,
        status: 'PENDING',
        organization: { id: server.basics.orgs.health },
        invitedBy: { name: 'Paula Partner' },
      },
    ]);
    expect((await readEvent(event.id)).coHostInvitations).toEqual([]);

    // Pending gives no edit rights.
    expect((await readEvent(event.id, health)).viewerCanEdit).toBe(false);
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { title: 'Health takes over' } }, health),
      'FORBIDDEN',
      /host and co-host organizations/,
    );
    expect(await kindsFor(event.id)).toEqual(['EVENT_CREATED PUBLIC', 'EVENT_COHOST_INVITED MEMBERS']);
  });

  it('is still an invitation when an officer or a coordinator names the co-host; the host is never its own co-host', async () => {
    const event = await buildEvent(server, partner, { title: 'Officer adds a co-host' });
    await ok(
      server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [server.basics.orgs.health] } }, officer),
    );
    const hosted = await buildEvent(server, coordinator, {
      title: 'Coordinator adds co-hosts',
      hostOrganizationId: server.basics.orgs.youth,
      coHostOrganizationIds: [server.basics.orgs.health, server.basics.orgs.youth],
    });
    for (const id of [event.id, hosted.id]) {
      const seen = await readEvent(id, coordinator);
      expect(seen.coHosts).toEqual([]);
      expect(
        seen.coHostInvitations.map((i: { status: string; organization: { id: string } }) => [
          i.organization.id,
          i.status,
        ]),
      ).toEqual([[server.basics.orgs.health, 'PENDING']]);
    }
  });

  it("takes naming one's own organization as its consent", async () => {
    const event = await buildEvent(server, coordinator, {
      title: 'Agency co-hosts at once',
      hostOrganizationId: server.basics.orgs.youth,
      coHostOrganizationIds: [server.basics.orgs.agency],
    });
    const seen = await readEvent(event.id, coordinator);
    expect(seen.coHosts).toEqual([{ id: server.basics.orgs.agency }]);
    expect(seen.coHostInvitations).toMatchObject([{ status: 'ACCEPTED', respondedBy: { name: 'Cora Coordinator' } }]);
  });
});

describe('Query.coHostInvitations', () => {
  it('requires a member or an events:read token', async () => {
    await expectRefused(() => server.gql(INVITATIONS, {}), 'UNAUTHENTICATED');
    const wrongScope = await buildApiToken(server, coordinator, ['ISSUES_READ'], {
      organizationId: server.basics.orgs.health,
    });
    await expectRefused(() => server.gql(INVITATIONS, {}, wrongScope.token), 'FORBIDDEN', /EVENTS_READ|events:read/);
  });

  it("lists only the invitations addressed to the viewer's organization", async () => {
    const { invitation } = await invited('Only for Health');
    const mine = (await ok(server.gql(INVITATIONS, {}, health))).coHostInvitations.map((i: { id: string }) => i.id);
    expect(mine).toContain(invitation.id);
    for (const token of [partner, third, officer]) {
      const theirs = (await ok(server.gql(INVITATIONS, {}, token))).coHostInvitations.map((i: { id: string }) => i.id);
      expect(theirs).not.toContain(invitation.id);
    }
    const reader = await buildApiToken(server, coordinator, ['EVENTS_READ'], {
      organizationId: server.basics.orgs.health,
    });
    const read = (await ok(server.gql(INVITATIONS, { status: ['PENDING'] }, reader.token))).coHostInvitations;
    expect(read.find((i: { id: string }) => i.id === invitation.id)).toMatchObject({ viewerCanRespond: false });
    expect(
      (await ok(server.gql(INVITATIONS, { status: ['PENDING'] }, health))).coHostInvitations.find(
        (i: { id: string }) => i.id === invitation.id,
      ),
    ).toMatchObject({ viewerCanRespond: true, event: { title: 'Only for Health', host: { name: 'Youth Alliance' } } });
  });

  it('shows an invited organization its own invitation on the event, and a third organization nothing', async () => {
    const { event, invitation } = await invited('Seen by the invited');
    expect((await readEvent(event.id, health)).coHostInvitations.map((i: { id: string }) => i.id)).toEqual([
      invitation.id,
    ]);
    expect((await readEvent(event.id, third)).coHostInvitations).toEqual([]);
    const node = await ok(server.gql('query($id: ID!) { node(id: $id) { id } }', { id: invitation.id }, third));
    expect(node.node).toBeNull();
  });
});

describe('Mutation.respondToCoHostInvitation', () => {
  it('requires a member of the invited organization or its events:write token', async () => {
    const { event, invitation } = await invited('Who may answer');
    await expectRefused(() => server.gql(RESPOND, { id: invitation.id, accept: true }), 'UNAUTHENTICATED');
    for (const token of [third, partner, coordinator]) {
      await expectRefused(
        () => server.gql(RESPOND, { id: invitation.id, accept: true }, token),
        'FORBIDDEN',
        /Only members of Community Health/,
      );
    }
    const reader = await buildApiToken(server, coordinator, ['EVENTS_READ'], {
      organizationId: server.basics.orgs.health,
    });
    await expectRefused(() => server.gql(RESPOND, { id: invitation.id, accept: true }, reader.token), 'FORBIDDEN');
    const agencyWriter = await buildApiToken(server, coordinator, ['EVENTS_WRITE']);
    await expectRefused(
      () => server.gql(RESPOND, { id: invitation.id, accept: true }, agencyWriter.token),
      'FORBIDDEN',
    );
    expect((await readEvent(event.id)).coHosts).toEqual([]);
  });

  it('accepting makes the organization a co-host: shown, filtered, allowed to edit; a second answer is refused', async () => {
    const { event, invitation } = await invited('Accepted co-hosting');
    const accepted = await ok(server.gql(RESPOND, { id: invitation.id, accept: true }, health));
    expect(accepted.respondToCoHostInvitation).toMatchObject({
      status: 'ACCEPTED',
      event: { coHosts: [{ id: server.basics.orgs.health }], version: event.version + 1 },
    });
    expect((await readEvent(event.id)).coHosts).toEqual([{ id: server.basics.orgs.health }]);
    expect(idsOf(await ok(server.gql(BY_ORG, { org: server.basics.orgs.health })))).toContain(event.id);
    expect((await readEvent(event.id, partner)).coHostInvitations).toMatchObject([
      { status: 'ACCEPTED', respondedBy: { name: 'Hank Health' } },
    ]);
    expect((await readEvent(event.id, health)).viewerCanEdit).toBe(true);
    await ok(server.gql(UPDATE, { id: event.id, input: { title: 'Accepted co-hosting, edited by Health' } }, health));

    for (const accept of [true, false]) {
      await expectRefused(
        () => server.gql(RESPOND, { id: invitation.id, accept }, health),
        'BAD_USER_INPUT',
        /already accepted/,
      );
    }
    expect(await kindsFor(event.id)).toEqual([
      'EVENT_CREATED PUBLIC',
      'EVENT_COHOST_INVITED MEMBERS',
      'EVENT_COHOST_ACCEPTED PUBLIC',
      'EVENT_UPDATED PUBLIC',
    ]);
  });

  it('declining keeps the organization off the event for good; it stays editable by the host only', async () => {
    const { event, invitation } = await invited('Declined co-hosting');
    const declined = await ok(server.gql(RESPOND, { id: invitation.id, accept: false }, health));
    expect(declined.respondToCoHostInvitation).toMatchObject({ status: 'DECLINED', event: { coHosts: [] } });
    await expectRefused(
      () => server.gql(RESPOND, { id: invitation.id, accept: true }, health),
      'BAD_USER_INPUT',
      /already declined/,
    );
    expect((await readEvent(event.id)).coHosts).toEqual([]);
    expect((await readEvent(event.id, health)).viewerCanEdit).toBe(false);
    expect(idsOf(await ok(server.gql(BY_ORG, { org: server.basics.orgs.health })))).not.toContain(event.id);
    expect(await kindsFor(event.id)).toEqual([
      'EVENT_CREATED PUBLIC',
      'EVENT_COHOST_INVITED MEMBERS',
      'EVENT_COHOST_DECLINED MEMBERS',
    ]);
  });

  it('lets an events:write token of the invited organization accept', async () => {
    const { event, invitation } = await invited('Accepted by a tool');
    const tool = await buildApiToken(server, coordinator, ['EVENTS_WRITE'], {
      organizationId: server.basics.orgs.health,
    });
    const res = await ok(server.gql(RESPOND, { id: invitation.id, accept: true }, tool.token));
    expect(res.respondToCoHostInvitation.status).toBe('ACCEPTED');
    expect((await readEvent(event.id)).coHosts).toEqual([{ id: server.basics.orgs.health }]);
    // A tool is not a member: nobody's name is recorded as the one who answered.
    expect((await readEvent(event.id, partner)).coHostInvitations).toMatchObject([
      { status: 'ACCEPTED', respondedBy: null },
    ]);
  });

  it('takes exactly one of two answers sent at once; the other is refused', async () => {
    const { event, invitation } = await invited('Answered twice at once');
    const results = await Promise.all([
      server.gql(RESPOND, { id: invitation.id, accept: true }, health),
      server.gql(RESPOND, { id: invitation.id, accept: false }, health),
    ]);
    const saved = results.filter((r) => !r.errors);
    const refusedOnes = results.filter((r) => r.errors);
    expect(saved).toHaveLength(1);
    expect(refusedOnes.map((r) => r.errors![0].extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const status = saved[0].data.respondToCoHostInvitation.status;
    expect((await readEvent(event.id)).coHosts).toEqual(
      status === 'ACCEPTED' ? [{ id: server.basics.orgs.health }] : [],
    );
    expect((await kindsFor(event.id)).filter((k) => /ACCEPTED|DECLINED/.test(k))).toHaveLength(1);
  });

  it('never leaves a co-host behind when the host withdraws while the organization accepts', async () => {
    const { event, invitation } = await invited('Withdrawn while accepted');
    const [answer] = await Promise.all([
      server.gql(RESPOND, { id: invitation.id, accept: true }, health),
      server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [] } }, partner),
    ]);
    // Whichever came first, the host's list wins: Health is not a co-host, and its invitation is withdrawn.
    expect((await readEvent(event.id)).coHosts).toEqual([]);
    expect((await readEvent(event.id, partner)).coHostInvitations).toMatchObject([{ status: 'WITHDRAWN' }]);
    if (answer.errors) expect(answer.errors[0].message).toMatch(/withdrew/);
  });

  it('refuses an unknown invitation with NOT_FOUND and another kind of id with BAD_USER_INPUT', async () => {
    const unknown = Buffer.from('CoHostInvitation:99999').toString('base64url');
    await expectRefused(() => server.gql(RESPOND, { id: unknown, accept: true }, health), 'NOT_FOUND');
    await expectRefused(
      () => server.gql(RESPOND, { id: server.basics.orgs.health, accept: true }, health),
      'BAD_USER_INPUT',
      /not a CoHostInvitation id/,
    );
  });
});

describe('taking a co-host off the list', () => {
  it('withdraws a pending invitation, which can no longer be answered', async () => {
    const { event, invitation } = await invited('Withdrawn before an answer');
    await ok(server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [] } }, partner));
    expect((await readEvent(event.id, partner)).coHostInvitations).toMatchObject([
      { id: invitation.id, status: 'WITHDRAWN', withdrawnAt: expect.any(String) },
    ]);
    expect((await ok(server.gql(INVITATIONS, { status: ['PENDING'] }, health))).coHostInvitations).not.toContainEqual(
      expect.objectContaining({ id: invitation.id }),
    );
    await expectRefused(
      () => server.gql(RESPOND, { id: invitation.id, accept: true }, health),
      'BAD_USER_INPUT',
      /withdrew/,
    );
    expect((await readEvent(event.id)).coHosts).toEqual([]);
  });

  it('ends an accepted co-hosting, and its edit rights; naming the organization again invites it again', async () => {
    const { event, invitation } = await invited('Co-hosting ended');
    await ok(server.gql(RESPOND, { id: invitation.id, accept: true }, health));
    await ok(server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [] } }, partner));
    expect((await readEvent(event.id)).coHosts).toEqual([]);
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { title: 'Still mine?' } }, health),
      'FORBIDDEN',
    );

    await ok(
      server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [server.basics.orgs.health] } }, partner),
    );
    const seen = await readEvent(event.id, partner);
    expect(seen.coHosts).toEqual([]);
    expect(seen.coHostInvitations.map((i: { status: string }) => i.status)).toEqual(['WITHDRAWN', 'PENDING']);
  });

  it('keeps pending and accepted co-hosts that stay on the list as they are', async () => {
    const { event, invitation } = await invited('Kept on the list');
    await ok(server.gql(RESPOND, { id: invitation.id, accept: true }, health));
    const ids = [server.basics.orgs.health, thirdOrg.id];
    await ok(server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: ids } }, partner));
    await ok(
      server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: ids, title: 'Kept, renamed' } }, partner),
    );
    const seen = await readEvent(event.id, partner);
    expect(seen.coHosts).toEqual([{ id: server.basics.orgs.health }]);
    expect(
      seen.coHostInvitations.map((i: { status: string; organization: { id: string } }) => [
        i.organization.id,
        i.status,
      ]),
    ).toEqual([
      [server.basics.orgs.health, 'ACCEPTED'],
      [thirdOrg.id, 'PENDING'],
    ]);
  });
});

describe('reading invitations with a page of events', () => {
  it('costs the same number of SQL statements for 2 events as for 12 (no N+1)', async () => {
    // A host of its own, so the page holds only these events.
    const club = await buildOrganization(server, coordinator);
    const host = await server.login((await buildMember(server, coordinator, { organizationId: club.id })).email);
    const ids = [server.basics.orgs.health, thirdOrg.id];
    for (let i = 0; i < 12; i++)
      await buildEvent(server, host, { title: `Page event ${i}`, coHostOrganizationIds: ids });
    const PAGE = `query($org: ID!, $first: Int!) { events(filter: { organizationId: $org }, first: $first) { edges { node {
      id coHosts { name } coHostInvitations { status viewerCanRespond organization { name } invitedBy { name } }
    } } } }`;
    const knex = (server.app.orm.em.getConnection() as any).getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    const count = async (first: number) => {
      statements.length = 0;
      const res = await ok(server.gql(PAGE, { org: club.id, first }, coordinator));
      expect(res.events.edges).toHaveLength(first);
      expect(res.events.edges[0].node.coHostInvitations).toHaveLength(2);
      return statements.length;
    };
    const two = await count(2);
    const twelve = await count(12);
    knex.removeListener('query', listener);
    expect(twelve).toBe(two);
  });
});

describe('the live stream', () => {
  const CHANGED = `subscription($filter: EventFilter) {
    eventChanged(filter: $filter) { seq kind event { id title coHosts { id } } }
  }`;

  it('tells a stream filtered to the invited organization about its invitation, and the event once it co-hosts', async () => {
    const client = server.ws(health);
    const publicClient = server.ws(null);
    const feed = collect(client, CHANGED, { filter: { organizationId: server.basics.orgs.health } });
    const publicFeed = collect(publicClient, CHANGED, { filter: { organizationId: server.basics.orgs.health } });
    await Promise.all([connected(client), connected(publicClient)]);
    await new Promise((r) => setTimeout(r, 200));

    const { event, invitation } = await invited('Live co-hosting');
    // Pending: Health's stream hears its invitation, not the event's other changes.
    await ok(server.gql(UPDATE, { id: event.id, input: { title: 'Live co-hosting, renamed' } }, partner));
    await ok(server.gql(RESPOND, { id: invitation.id, accept: true }, health));
    await ok(server.gql(UPDATE, { id: event.id, input: { title: 'Live co-hosting, together' } }, partner));

    const heard = (await feed.waitFor(3)).map((e) => e.eventChanged);
    expect(heard.map((c) => [c.kind, c.event.id])).toEqual([
      ['EVENT_COHOST_INVITED', event.id],
      ['EVENT_COHOST_ACCEPTED', event.id],
      ['EVENT_UPDATED', event.id],
    ]);
    expect(heard[1].event.coHosts).toEqual([{ id: server.basics.orgs.health }]);
    expect((await feed.settle(300)).length).toBe(3);
    // The public hears only the accepted co-hosting and what follows, never the invitation.
    expect((await publicFeed.settle(300)).map((e) => e.eventChanged.kind)).toEqual([
      'EVENT_COHOST_ACCEPTED',
      'EVENT_UPDATED',
    ]);
    feed.stop();
    publicFeed.stop();
  });
});
