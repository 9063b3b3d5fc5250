import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, buildIssue, buildMember } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { nextClose } from '../support/ws.js';
import { pkOf } from '../support/ids.js';

const DEACTIVATE = 'mutation($id: ID!) { deactivateMember(id: $id) { id name active deactivatedAt } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateMember(id: $id) { id name active deactivatedAt } }';
const UPDATE_MEMBER =
  'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id role organization { id } } }';
const SET_PASSWORD = 'mutation($id: ID!, $p: String!) { setMemberPassword(id: $id, password: $p) { id } }';
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }';
const MEMBERS = '{ members { id name active deactivatedAt } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id } } }';
const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id version } }';
const ADD_UPDATE =
  'mutation($id: ID!, $body: String!) { addIssueUpdate(issueId: $id, body: $body, visibility: PARTNERS) { id } }';
const UPDATES_OF = 'query($id: ID!) { issue(id: $id) { updates { body author { name active } } } }';
const CONTACT_FEED = 'subscription { issueChanged { seq issue { id contact } } }';

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
const ok = <T = any>(res: GqlResult<T>): T => {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
};
const signIn = async (email: string, password: string): Promise<string> =>
  ok(await server.gql(LOGIN, { e: email, p: password })).login.token;

/**
 * A partner of the youth alliance, signed in, with an open subscription that receives the
 * resident's contact of an issue assigned to their organization (proved by one delivery).
 */
async function partnerFollowingContacts() {
  const member = await buildMember(server, coordinator);
  const token = await signIn(member.email, member.password);
  const issue = await buildIssue(server, { title: 'Broken gate', contact: 'resident@example.org' });
  ok(await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer));
  const client = server.ws(token);
  const feed = collect(client, CONTACT_FEED);
  await connected(client);
  await new Promise((r) => setTimeout(r, 150));
  ok(await server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, officer));
  const [event] = await feed.waitFor(1);
  expect(event.issueChanged.issue.contact).toBe('resident@example.org');
  return { member, token, issue, client, feed };
}

/** Runs `change` and expects `client` to be closed with 4403 within a second of it answering. */
async function expectCutOff(client: Client, change: () => Promise<GqlResult>) {
  const closed = nextClose(client);
  ok(await change());
  const answered = Date.now();
  const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 1000))]);
  expect(code).toBe(4403);
  expect(Date.now() - answered).toBeLessThan(1000);
}

describe('who may not deactivate or reactivate', () => {
  it('refuses the public (UNAUTHENTICATED), officers, partners and API tokens (FORBIDDEN), changing nothing', async () => {
    const target = await buildMember(server, coordinator);
    const { token: apiToken } = await buildApiToken(server, coordinator, ['ISSUES_READ', 'ISSUES_WRITE']);
    for (const query of [DEACTIVATE, REACTIVATE]) {
      await refused(server, () => server.gql(query, { id: target.id }), 'UNAUTHENTICATED');
      await refused(server, () => server.gql(query, { id: target.id }, officer), 'FORBIDDEN');
      await refused(server, () => server.gql(query, { id: target.id }, partner), 'FORBIDDEN');
      await refused(server, () => server.gql(query, { id: target.id }, apiToken), 'FORBIDDEN', /API tokens may not/);
    }
    expect(await sql('select deactivated_at from member where id = ?', [pkOf(target.id)])).toEqual([
      { deactivated_at: null },
    ]);
  });

  it('never yourself', async () => {
    const me = ok(await server.gql('{ viewer { id } }', {}, coordinator)).viewer;
    const error = await refused(
      server,
      () => server.gql(DEACTIVATE, { id: me.id }, coordinator),
      'BAD_USER_INPUT',
      /cannot deactivate yourself/,
    );
    expect(error.extensions?.field).toBe('id');
  });

  it('never leaves the partnership without an active coordinator', async () => {
    const me = ok(await server.gql('{ viewer { id } }', {}, coordinator)).viewer;
    const second = await buildMember(server, coordinator, {
      role: 'COORDINATOR',
      organizationId: server.basics.orgs.agency,
    });
    const secondToken = await signIn(second.email, second.password);
    // Two active coordinators: one may deactivate the other...
    ok(await server.gql(DEACTIVATE, { id: second.id }, coordinator));
    // ...and then the one left may not stop being a coordinator, though a deactivated one exists.
    await refused(
      server,
      () => server.gql(UPDATE_MEMBER, { id: me.id, input: { role: 'OFFICER' } }, coordinator),
      'BAD_USER_INPUT',
      /last coordinator/,
    );
    expect((await server.gql('{ viewer { id } }', {}, secondToken)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    ok(await server.gql(REACTIVATE, { id: second.id }, coordinator));
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    await refused(
      server,
      () => server.gql(DEACTIVATE, { id: Buffer.from('Member:9999').toString('base64url') }, coordinator),
      'NOT_FOUND',
    );
  });
});

describe('deactivating a member', () => {
  it('cuts their open subscription with 4403 at once, refuses their token and login, keeps their history', async () => {
    const { member, token, issue, client } = await partnerFollowingContacts();
    ok(await server.gql(ADD_UPDATE, { id: issue.id, body: 'We can repaint the gate on Saturday' }, token));

    const before = Date.now();
    const closed = nextClose(client);
    const { deactivateMember } = ok(await server.gql(DEACTIVATE, { id: member.id }, coordinator));
    const answered = Date.now();
    expect(deactivateMember).toMatchObject({ id: member.id, active: false });
    expect(Date.parse(deactivateMember.deactivatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r('still open'), 1000))])).toBe(4403);
    expect(Date.now() - answered).toBeLessThan(1000);

    const http = await server.gql('{ viewer { id } }', {}, token);
    expect(http.status).toBe(401);
    expect(http.errors?.[0]).toMatchObject({
      message: 'Your account has been deactivated',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // The right password says so; a wrong one says nothing more than for anyone.
    const login = await server.gql(LOGIN, { e: member.email, p: member.password });
    expect(login.errors?.[0]).toMatchObject({
      message: 'This account has been deactivated; ask a coordinator',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const wrong = await server.gql(LOGIN, { e: member.email, p: 'not their password at all' });
    expect(wrong.errors?.[0].message).toBe('Email or password is incorrect');

    // What they wrote stays, under their name; the board lists them, greyed.
    const updates = ok(await server.gql(UPDATES_OF, { id: issue.id }, officer)).issue.updates;
    expect(updates).toContainEqual({
      body: 'We can repaint the gate on Saturday',
      author: { name: member.name, active: false },
    });
    const listed = ok(await server.gql(MEMBERS, {}, coordinator)).members;
    expect(listed.find((m: { id: string }) => m.id === member.id)).toMatchObject({ active: false });

    const [activity] = await sql(
      "select visibility, summary from activity where kind = 'MEMBER_DEACTIVATED' order by seq desc",
    );
    expect(activity).toEqual({ visibility: 'COORDINATORS', summary: `Cora Coordinator deactivated ${member.name}` });

    // Deactivating again changes nothing and records nothing.
    const activities = await sql('select count(*) as n from activity');
    const again = ok(await server.gql(DEACTIVATE, { id: member.id }, coordinator)).deactivateMember;
    expect(again.deactivatedAt).toBe(deactivateMember.deactivatedAt);
    expect(await sql('select count(*) as n from activity')).toEqual(activities);
  });

  it('withdraws their unused password links', async () => {
    const member = await buildMember(server, coordinator);
    ok(
      await server.gql(
        'mutation($id: ID!) { createPasswordResetLink(memberId: $id) { resetUrl } }',
        { id: member.id },
        coordinator,
      ),
    );
    ok(await server.gql(DEACTIVATE, { id: member.id }, coordinator));
    const rows = await sql('select revoked_at from access_link where member_id = ?', [pkOf(member.id)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].revoked_at).not.toBeNull();
  });

  it('reactivation lets them sign in again with their password', async () => {
    const member = await buildMember(server, coordinator);
    ok(await server.gql(DEACTIVATE, { id: member.id }, coordinator));
    const { reactivateMember } = ok(await server.gql(REACTIVATE, { id: member.id }, coordinator));
    expect(reactivateMember).toMatchObject({ active: true, deactivatedAt: null });
    const token = await signIn(member.email, member.password);
    expect(ok(await server.gql('{ viewer { id } }', {}, token)).viewer.id).toBe(member.id);
    const kinds = await sql(
      "select kind from activity where kind in ('MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED') order by seq desc",
    );
    expect(kinds[0].kind).toBe('MEMBER_REACTIVATED');
  });
});

describe('a new password, role or organization ends the member’s sockets too', () => {
  it('setMemberPassword', async () => {
    const { member, client } = await partnerFollowingContacts();
    await expectCutOff(client, () =>
      server.gql(SET_PASSWORD, { id: member.id, p: 'a coordinator chose this' }, coordinator),
    );
    const [activity] = await sql(
      "select visibility, summary from activity where kind = 'PASSWORD_RESET_ISSUED' order by seq desc",
    );
    expect(activity).toEqual({
      visibility: 'COORDINATORS',
      summary: `Cora Coordinator set a new password for ${member.name}`,
    });
  });

  it('resetPassword with a link a coordinator issued', async () => {
    const { member, client } = await partnerFollowingContacts();
    const { resetUrl } = ok(
      await server.gql(
        'mutation($id: ID!) { createPasswordResetLink(memberId: $id) { resetUrl } }',
        { id: member.id },
        coordinator,
      ),
    ).createPasswordResetLink;
    const code = new URL(resetUrl).searchParams.get('code');
    await expectCutOff(client, () =>
      server.gql('mutation($code: String!) { resetPassword(code: $code, password: "a reset passphrase") { token } }', {
        code,
      }),
    );
  });

  it('changePassword (their own)', async () => {
    const { member, token, client } = await partnerFollowingContacts();
    await expectCutOff(client, () =>
      server.gql(CHANGE_PASSWORD, { c: member.password, n: 'my brand new passphrase' }, token),
    );
    const [activity] = await sql(
      "select visibility, actor_id from activity where kind = 'PASSWORD_CHANGED' order by seq desc",
    );
    expect({ ...activity, actor_id: Number(activity.actor_id) }).toEqual({
      visibility: 'COORDINATORS',
      actor_id: pkOf(member.id),
    });
  });

  it('updateMember changing their role; they reconnect as what they are now', async () => {
    const { member, token, client } = await partnerFollowingContacts();
    await expectCutOff(client, () =>
      server.gql(
        UPDATE_MEMBER,
        { id: member.id, input: { role: 'OFFICER', organizationId: server.basics.orgs.agency } },
        coordinator,
      ),
    );
    // The token itself is still good: the next request reads the member afresh.
    const again = server.ws(token);
    const feed = collect(again, 'subscription { presence(share: false) { members { name } } }');
    await connected(again);
    await feed.waitFor(1);
    feed.stop();
    const [activity] = await sql("select summary from activity where kind = 'MEMBER_UPDATED' order by seq desc");
    expect(activity.summary).toBe(`Cora Coordinator made ${member.name} OFFICER, moved ${member.name} to City Police`);
  });

  it('updateMember changing their organization', async () => {
    const { member, client } = await partnerFollowingContacts();
    await expectCutOff(client, () =>
      server.gql(UPDATE_MEMBER, { id: member.id, input: { organizationId: server.basics.orgs.health } }, coordinator),
    );
  });

  it('but not a new name', async () => {
    const { member, client, feed } = await partnerFollowingContacts();
    let closedWith: number | null = null;
    void nextClose(client).then((code) => (closedWith = code));
    ok(await server.gql(UPDATE_MEMBER, { id: member.id, input: { name: 'Renamed Partner' } }, coordinator));
    await feed.settle(700);
    expect(closedWith).toBeNull();
    feed.stop();
  });
});

describe('member changes in the activity feed', () => {
  it('reach coordinators only, with who did what', async () => {
    const member = await buildMember(server, coordinator, { name: 'Fiona Feed' });
    ok(await server.gql(UPDATE_MEMBER, { id: member.id, input: { name: 'Fiona F.' } }, coordinator));
    ok(await server.gql(DEACTIVATE, { id: member.id }, coordinator));
    ok(await server.gql(REACTIVATE, { id: member.id }, coordinator));
    const FEED = '{ activities(first: 4) { kind summary actor { name } } }';
    expect(ok(await server.gql(FEED, {}, coordinator)).activities).toEqual([
      {
        kind: 'MEMBER_REACTIVATED',
        summary: 'Cora Coordinator reactivated Fiona F.',
        actor: { name: 'Cora Coordinator' },
      },
      {
        kind: 'MEMBER_DEACTIVATED',
        summary: 'Cora Coordinator deactivated Fiona F.',
        actor: { name: 'Cora Coordinator' },
      },
      {
        kind: 'MEMBER_UPDATED',
        summary: 'Cora Coordinator renamed Fiona Feed to Fiona F.',
        actor: { name: 'Cora Coordinator' },
      },
      {
        kind: 'MEMBER_CREATED',
        summary: 'Cora Coordinator added Fiona Feed as PARTNER of Youth Alliance',
        actor: { name: 'Cora Coordinator' },
      },
    ]);
    for (const reader of [null, officer, partner]) {
      const kinds = ok(await server.gql('{ activities(first: 50) { kind } }', {}, reader)).activities.map(
        (a: { kind: string }) => a.kind,
      );
      expect(kinds.filter((k: string) => k.startsWith('MEMBER_'))).toEqual([]);
    }
  });
});

describe('a session that expires while its socket is open', () => {
  it('is closed with 4403 at the expiry, after receiving contacts until then, and cannot reconnect', async () => {
    const { member, issue } = await partnerFollowingContacts();
    const [row] = await sql(`select id, password_hash from member where email = '${member.email}'`);
    // A session of three seconds, signed by the server's own key exactly as login signs one.
    const { token, expiresAt } = await server.app.services.tokens.sign(Number(row.id), String(row.password_hash), 3);
    const client = server.ws(token);
    const feed = collect(client, CONTACT_FEED);
    await connected(client);
    const closed = nextClose(client);
    await new Promise((r) => setTimeout(r, 150));
    ok(await server.gql(SET_STATUS, { id: issue.id, s: 'IN_PROGRESS' }, officer));
    const [event] = await feed.waitFor(1);
    expect(event.issueChanged.issue.contact).toBe('resident@example.org');

    expect(await closed).toBe(4403);
    const lateBy = Date.now() - expiresAt.getTime();
    expect(lateBy).toBeGreaterThanOrEqual(-50);
    expect(lateBy).toBeLessThan(1000);
    const again = await server.gql('{ viewer { id } }', {}, token);
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
