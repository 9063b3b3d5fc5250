import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf, theError } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildIssue, snapshotDb } from '../support/factories.js';
import { globalId, pkOf } from '../support/ids.js';

// What a board or a tool reads back after a change.
const ISSUE = `query($id: ID!) {
  issue(id: $id) {
    id title description status priority version supportersCount anonymous contact
    acknowledgedAt resolvedAt updateCount
    neighborhood { id }
    organizations { id name }
    reporter { id }
    location { lat lng address precise }
    latestUpdate { body visibility }
    updates { kind body visibility fromStatus toStatus author { id } }
  }
}`;
const REPORT = `mutation($input: ReportIssueInput!) {
  reportIssue(input: $input) { id title status priority version supportersCount anonymous reporter { id } }
}`;
const SET_STATUS = `mutation($id: ID!, $status: IssueStatus!, $note: String, $v: Int) {
  setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $v) { id status version }
}`;
const ASSIGN = `mutation($id: ID!, $orgs: [ID!]!, $v: Int) {
  assignIssue(id: $id, organizationIds: $orgs, expectedVersion: $v) { id version organizations { id } }
}`;
const ADD_UPDATE = `mutation($id: ID!, $body: String!, $visibility: UpdateVisibility!, $v: Int) {
  addIssueUpdate(issueId: $id, body: $body, visibility: $visibility, expectedVersion: $v) { id body visibility kind }
}`;
const SUPPORT = 'mutation($id: ID!) { supportIssue(id: $id) { id supportersCount version } }';
const LOGIN = `mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { token expiresAt member { id role name organization { name } } }
}`;
const VIEWER = 'query { viewer { id name role email organization { name } } }';

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string; // Youth Alliance
let otherPartner: string; // Community Health

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  otherPartner = await server.login(server.basics.emails.otherPartner);
});
afterAll(() => server?.close());

const readIssue = async (id: string, token: string | null = null) => {
  const res = await server.gql(ISSUE, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data.issue;
};

const sql = sqlOf(() => server);

const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);

describe('reportIssue', () => {
  it('refuses a forged token instead of treating the caller as a resident', async () => {
    await expectRefused(
      () => buildIssueRaw({ title: 'Forged report' }, 'not.a.token'),
      'UNAUTHENTICATED',
      /sign in again/i,
    );
  });

  it('lets only members set a priority: a resident gets BAD_USER_INPUT naming priority', async () => {
    const error = await expectRefused(() => buildIssueRaw({ priority: 'URGENT' }), 'BAD_USER_INPUT', /priority/);
    expect(error.extensions?.field).toBe('priority');
  });

  it('takes a resident report and shows it to the next reader', async () => {
    const res = await buildIssueRaw({ title: '  Pothole on 5th  ', category: 'TRAFFIC', contact: 'ana@example.org' });
    expect(res.errors).toBeUndefined();
    const reported = res.data.reportIssue;
    expect(reported).toMatchObject({
      title: 'Pothole on 5th',
      status: 'OPEN',
      priority: 'NORMAL',
      supportersCount: 0,
      anonymous: false,
      reporter: null,
    });

    const seen = await readIssue(reported.id);
    expect(seen).toMatchObject({ id: reported.id, title: 'Pothole on 5th', status: 'OPEN', version: reported.version });
    expect(seen.neighborhood.id).toBe(server.basics.neighborhoods.east);
    const list = await server.gql(
      'query { issues(filter: { search: "Pothole" }) { totalCount edges { node { id } } } }',
    );
    expect(list.data.issues.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(reported.id);

    // The contact is stored for the organizations it will be assigned to, with no account link.
    const [row] = await sql('select contact, reporter_id from community_issue where id = ?', [pkOf(reported.id)]);
    expect(row.contact).toBe('ana@example.org');
    expect(row.reporter_id).toBeNull();
  });

  it('records the member who reports, with the priority they set', async () => {
    const res = await buildIssueRaw(
      { title: 'Graffiti on the school wall', category: 'GRAFFITI', priority: 'HIGH' },
      officer,
    );
    expect(res.errors).toBeUndefined();
    const seen = await readIssue(res.data.reportIssue.id, coordinator);
    expect(seen.priority).toBe('HIGH');
    expect(seen.reporter).not.toBeNull();
    const me = await server.gql(VIEWER, {}, officer);
    expect(seen.reporter.id).toBe(me.data.viewer.id);
  });

  const longTitle = 'x'.repeat(201);
  it.each([
    ['a too-short title', { title: 'ab' }, /title must be 3 to 200/],
    ['a title that is short once trimmed', { title: '  ab   ' }, /title must be 3 to 200/],
    ['a too-long title', { title: longTitle }, /title must be 3 to 200/],
    ['a too-long description', { description: 'd'.repeat(5001) }, /description must be at most 5000/],
    ['an unknown category', { category: 'POTHOLES' }, /"input\.category".*IssueCategory/],
    ['latitude 91', { location: { lat: 91, lng: -122.6 } }, /location\.lat must be between -90 and 90/],
    ['longitude -200', { location: { lat: 45.5, lng: -200 } }, /location\.lng must be between -180 and 180/],
    ['an anonymous report with a contact', { anonymous: true, contact: 'me@example.org' }, /contact must be empty/],
    ['a too-short contact', { contact: 'ab' }, /contact must be 3 to 300/],
    ['an Organization id as neighborhoodId', { neighborhoodId: 'ORG' }, /neighborhoodId is not a Neighborhood id/],
    [
      'an unknown neighborhood',
      { neighborhoodId: globalId('Neighborhood', 99999) },
      /neighborhoodId names no neighborhood/,
    ],
    ['garbage as neighborhoodId', { neighborhoodId: 'not-an-id' }, /neighborhoodId/],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, overrides, message) => {
    const input = { ...overrides } as Record<string, unknown>;
    if (input.neighborhoodId === 'ORG') input.neighborhoodId = server.basics.orgs.youth;
    await expectRefused(() => buildIssueRaw(input), 'BAD_USER_INPUT', message);
  });

  it('stores no identity at all for an anonymous report, even from a signed-in member', async () => {
    const res = await buildIssueRaw(
      { title: 'Anonymous tip about a drug corner', anonymous: true, category: 'SAFETY' },
      partner,
    );
    expect(res.errors).toBeUndefined();
    const issue = res.data.reportIssue;
    expect(issue).toMatchObject({ anonymous: true, reporter: null });

    const [row] = await sql('select contact, reporter_id from community_issue where id = ?', [pkOf(issue.id)]);
    expect(row).toEqual({ contact: null, reporter_id: null });
    // Nor does the change feed say who did it.
    const activity = await sql('select actor_id, actor_organization_id from activity where issue_id = ?', [
      pkOf(issue.id),
    ]);
    expect(activity).toEqual([{ actor_id: null, actor_organization_id: null }]);
    // A coordinator (who sees every contact and reporter) sees none either.
    const seen = await readIssue(issue.id, coordinator);
    expect(seen).toMatchObject({ anonymous: true, contact: null, reporter: null });
  });
});

describe('setIssueStatus', () => {
  it('requires a signed-in member', async () => {
    const issue = await buildIssue(server, { title: 'Status needs a member' });
    await expectRefused(() => server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }), 'UNAUTHENTICATED');
    expect((await readIssue(issue.id)).status).toBe('OPEN');
  });

  it('is refused to a partner whose organization the issue is not shared with', async () => {
    const issue = await buildIssue(server, { title: 'Shared with youth only' });
    await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }, partner),
      'FORBIDDEN',
      /shared with their organization/,
    );
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }, otherPartner),
      'FORBIDDEN',
      /shared with their organization/,
    );
    expect((await readIssue(issue.id)).status).toBe('OPEN');
  });

  it('lets officers, coordinators and partners of an assigned organization move an issue along', async () => {
    const issue = await buildIssue(server, { title: 'Broken bench' });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    const start = (await readIssue(issue.id)).version;

    const ack = await server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }, officer);
    expect(ack.errors).toBeUndefined();
    expect(ack.data.setIssueStatus).toMatchObject({ status: 'ACKNOWLEDGED', version: start + 1 });
    const inProgress = await server.gql(
      SET_STATUS,
      { id: issue.id, status: 'IN_PROGRESS', note: 'Crew booked' },
      partner,
    );
    expect(inProgress.errors).toBeUndefined();
    const resolved = await server.gql(SET_STATUS, { id: issue.id, status: 'RESOLVED' }, coordinator);
    expect(resolved.errors).toBeUndefined();

    const seen = await readIssue(issue.id);
    expect(seen).toMatchObject({ status: 'RESOLVED', version: start + 3 });
    expect(seen.acknowledgedAt).not.toBeNull();
    expect(seen.resolvedAt).not.toBeNull();
    const statusNotes = seen.updates.filter((u: { kind: string }) => u.kind === 'STATUS_CHANGE');
    expect(
      statusNotes.map((u: { body: string; fromStatus: string; toStatus: string }) => [
        u.fromStatus,
        u.toStatus,
        u.body,
      ]),
    ).toEqual([
      ['OPEN', 'ACKNOWLEDGED', 'Open → Acknowledged'],
      ['ACKNOWLEDGED', 'IN_PROGRESS', 'Crew booked'],
      ['IN_PROGRESS', 'RESOLVED', 'In progress → Resolved'],
    ]);

    // A resolved issue may be reopened, which clears its resolution time.
    const reopened = await server.gql(SET_STATUS, { id: issue.id, status: 'OPEN' }, officer);
    expect(reopened.errors).toBeUndefined();
    expect(await readIssue(issue.id)).toMatchObject({ status: 'OPEN', resolvedAt: null });
  });

  it('closes an issue from any state and reopens a closed one', async () => {
    const issue = await buildIssue(server, { title: 'Duplicate of the pothole' });
    expect(
      (await server.gql(SET_STATUS, { id: issue.id, status: 'CLOSED', note: 'Duplicate' }, officer)).errors,
    ).toBeUndefined();
    expect((await readIssue(issue.id)).status).toBe('CLOSED');
    expect((await server.gql(SET_STATUS, { id: issue.id, status: 'OPEN' }, officer)).errors).toBeUndefined();
    expect((await readIssue(issue.id)).status).toBe('OPEN');
  });

  it('refuses moves the status flow does not allow, and changes nothing', async () => {
    const issue = await buildIssue(server, { title: 'Flow check' });
    const same = await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, status: 'OPEN' }, officer),
      'BAD_USER_INPUT',
      /already Open/,
    );
    expect(same.extensions?.field).toBe('status');
    await server.gql(SET_STATUS, { id: issue.id, status: 'CLOSED' }, officer);
    const closed = await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, status: 'RESOLVED' }, officer),
      'BAD_USER_INPUT',
      /cannot move from Closed to Resolved/,
    );
    expect(closed.extensions?.field).toBe('status');
  });

  it.each([
    ['an unknown status', { status: 'DONE' }, /\$status.*"DONE" does not exist in "IssueStatus"/],
    ['an Organization id', { id: 'ORG' }, /id is not a CommunityIssue id/],
    ['a too-long note', { note: 'n'.repeat(5001) }, /note must be at most 5000/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, overrides, message) => {
    const issue = await buildIssue(server, { title: 'Bad status input' });
    const vars: Record<string, unknown> = { id: issue.id, status: 'ACKNOWLEDGED', ...overrides };
    if (vars.id === 'ORG') vars.id = server.basics.orgs.agency;
    await expectRefused(() => server.gql(SET_STATUS, vars, officer), 'BAD_USER_INPUT', message);
  });

  it('says NOT_FOUND for an issue that does not exist', async () => {
    await expectRefused(
      () => server.gql(SET_STATUS, { id: globalId('CommunityIssue', 99999), status: 'ACKNOWLEDGED' }, officer),
      'NOT_FOUND',
      /Issue not found/,
    );
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const issue = await buildIssue(server, { title: 'Two officers at once' });
    await server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }, officer);
    const current = (await readIssue(issue.id)).version;
    expect(current).toBeGreaterThan(issue.version);

    const error = await expectRefused(
      () => server.gql(SET_STATUS, { id: issue.id, status: 'CLOSED', v: issue.version }, coordinator),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);
    // It says who changed what, so the refused person knows what to reconcile with.
    expect(error.message).toMatch(/changed by Oscar Officer \(Two officers at once: Open → Acknowledged\)/);
    expect(error.extensions).toMatchObject({
      changedBy: 'Oscar Officer',
      change: 'Two officers at once: Open → Acknowledged',
    });

    const ok = await server.gql(SET_STATUS, { id: issue.id, status: 'IN_PROGRESS', v: current }, coordinator);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.setIssueStatus.version).toBe(current + 1);
    expect(await readIssue(issue.id)).toMatchObject({ status: 'IN_PROGRESS', version: current + 1 });
  });
});

describe('assignIssue', () => {
  it('requires a signed-in member', async () => {
    const issue = await buildIssue(server, { title: 'Assign needs a member' });
    await expectRefused(
      () => server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }),
      'UNAUTHENTICATED',
    );
  });

  it('is refused to a partner whose organization the issue is not shared with', async () => {
    const issue = await buildIssue(server, { title: 'Not shared with health' });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    await expectRefused(
      () => server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.health] }, otherPartner),
      'FORBIDDEN',
      /shared with their organization/,
    );
    const seen = await readIssue(issue.id);
    expect(seen.organizations.map((o: { id: string }) => o.id)).toEqual([server.basics.orgs.youth]);
  });

  it('does not let a partner drop their own organization from an issue', async () => {
    const issue = await buildIssue(server, { title: 'Youth cannot walk away' });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    await expectRefused(
      () => server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.health] }, partner),
      'FORBIDDEN',
      /cannot remove their own organization/,
    );
  });

  it('shares an issue with organizations, visible to the next reader, and can unassign all', async () => {
    const issue = await buildIssue(server, { title: 'Needs two partners' });
    const res = await server.gql(
      ASSIGN,
      { id: issue.id, orgs: [server.basics.orgs.youth, server.basics.orgs.health] },
      officer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.assignIssue.version).toBeGreaterThan(issue.version);

    const seen = await readIssue(issue.id);
    expect(seen.organizations.map((o: { name: string }) => o.name)).toEqual(['Community Health', 'Youth Alliance']);
    expect(seen.latestUpdate.body).toBe('Assigned to Community Health, Youth Alliance');
    const shared = await server.gql(
      'query($org: ID!) { issues(filter: { organizationId: $org }) { edges { node { id } } } }',
      {
        org: server.basics.orgs.health,
      },
    );
    expect(shared.data.issues.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(issue.id);

    // A partner it is shared with may bring in the agency, keeping themself.
    const byPartner = await server.gql(
      ASSIGN,
      { id: issue.id, orgs: [server.basics.orgs.youth, server.basics.orgs.agency] },
      partner,
    );
    expect(byPartner.errors).toBeUndefined();
    expect((await readIssue(issue.id)).organizations.map((o: { name: string }) => o.name)).toEqual([
      'City Police',
      'Youth Alliance',
    ]);

    const none = await server.gql(ASSIGN, { id: issue.id, orgs: [] }, coordinator);
    expect(none.errors).toBeUndefined();
    const after = await readIssue(issue.id);
    expect(after.organizations).toEqual([]);
    expect(after.latestUpdate.body).toBe('Unassigned from all organizations');
  });

  it.each([
    [
      'a Neighborhood id among the organizations',
      { orgs: ['NEIGHBORHOOD'] },
      /organizationIds is not a Organization id/,
    ],
    [
      'an organization that does not exist',
      { orgs: [globalId('Organization', 99999)] },
      /organizationIds names an organization that does not exist/,
    ],
    ['an Organization id as the issue id', { id: 'ORG' }, /id is not a CommunityIssue id/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, overrides, message) => {
    const issue = await buildIssue(server, { title: 'Bad assignment' });
    const vars: Record<string, unknown> = { id: issue.id, orgs: [server.basics.orgs.youth], ...overrides };
    if (vars.id === 'ORG') vars.id = server.basics.orgs.youth;
    vars.orgs = (vars.orgs as string[]).map((o) => (o === 'NEIGHBORHOOD' ? server.basics.neighborhoods.east : o));
    await expectRefused(() => server.gql(ASSIGN, vars, officer), 'BAD_USER_INPUT', message);
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const issue = await buildIssue(server, { title: 'Assign race' });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    const current = (await readIssue(issue.id)).version;
    const error = await expectRefused(
      () => server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.health], v: issue.version }, coordinator),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);
    expect((await readIssue(issue.id)).organizations.map((o: { id: string }) => o.id)).toEqual([
      server.basics.orgs.youth,
    ]);

    const ok = await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.health], v: current }, coordinator);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.assignIssue).toMatchObject({
      version: current + 1,
      organizations: [{ id: server.basics.orgs.health }],
    });
  });
});

describe('addIssueUpdate', () => {
  it('requires a signed-in member', async () => {
    const issue = await buildIssue(server, { title: 'Comment needs a member' });
    await expectRefused(
      () => server.gql(ADD_UPDATE, { id: issue.id, body: 'Hello', visibility: 'PUBLIC' }),
      'UNAUTHENTICATED',
    );
  });

  it('posts public and internal updates; the public sees only the public one', async () => {
    const issue = await buildIssue(server, { title: 'Loud parties every weekend' });
    const pub = await server.gql(
      ADD_UPDATE,
      { id: issue.id, body: '  We will patrol Friday  ', visibility: 'PUBLIC' },
      officer,
    );
    expect(pub.errors).toBeUndefined();
    expect(pub.data.addIssueUpdate).toMatchObject({
      body: 'We will patrol Friday',
      visibility: 'PUBLIC',
      kind: 'COMMENT',
    });
    // Internal notes are triage: the youth partner may add one once the issue is shared with it.
    const notShared = await server.gql(
      ADD_UPDATE,
      { id: issue.id, body: 'Internal: too early', visibility: 'PARTNERS' },
      partner,
    );
    expect(notShared.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    const internal = await server.gql(
      ADD_UPDATE,
      { id: issue.id, body: 'Internal: repeat address', visibility: 'PARTNERS' },
      partner,
    );
    expect(internal.errors).toBeUndefined();

    const forMembers = await readIssue(issue.id, otherPartner);
    expect(forMembers.updates.map((u: { body: string }) => u.body)).toEqual([
      'We will patrol Friday',
      'Assigned to Youth Alliance',
      'Internal: repeat address',
    ]);
    expect(forMembers.latestUpdate.body).toBe('Internal: repeat address');
    expect(forMembers.updateCount).toBe(3);
    expect(forMembers.version).toBeGreaterThan(issue.version);

    const forPublic = await readIssue(issue.id);
    expect(forPublic.updates.map((u: { body: string }) => u.body)).toEqual([
      'We will patrol Friday',
      'Assigned to Youth Alliance',
    ]);
    expect(forPublic.latestUpdate.body).toBe('Assigned to Youth Alliance');
    expect(forPublic.updateCount).toBe(2);
    expect(forPublic.updates[0].author).toBeNull();
    // Not by id either.
    const byId = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: internal.data.addIssueUpdate.id });
    expect(byId.data.node).toBeNull();
  });

  it.each([
    ['an empty body', { body: '   ' }, /body must be 1 to 5000/],
    ['a too-long body', { body: 'b'.repeat(5001) }, /body must be 1 to 5000/],
    ['an unknown visibility', { visibility: 'SECRET' }, /\$visibility.*"SECRET" does not exist in "UpdateVisibility"/],
    ['an Organization id as issueId', { id: 'ORG' }, /issueId is not a CommunityIssue id/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, overrides, message) => {
    const issue = await buildIssue(server, { title: 'Bad comment' });
    const vars: Record<string, unknown> = { id: issue.id, body: 'Fine', visibility: 'PUBLIC', ...overrides };
    if (vars.id === 'ORG') vars.id = server.basics.orgs.agency;
    await expectRefused(() => server.gql(ADD_UPDATE, vars, officer), 'BAD_USER_INPUT', message);
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const issue = await buildIssue(server, { title: 'Comment race' });
    await server.gql(ADD_UPDATE, { id: issue.id, body: 'First', visibility: 'PUBLIC' }, officer);
    const current = (await readIssue(issue.id)).version;
    const error = await expectRefused(
      () => server.gql(ADD_UPDATE, { id: issue.id, body: 'Second', visibility: 'PUBLIC', v: issue.version }, partner),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);
    const ok = await server.gql(
      ADD_UPDATE,
      { id: issue.id, body: 'Second', visibility: 'PUBLIC', v: current },
      partner,
    );
    expect(ok.errors).toBeUndefined();
    const seen = await readIssue(issue.id);
    expect(seen.version).toBe(current + 1);
    expect(seen.updates.map((u: { body: string }) => u.body)).toEqual(['First', 'Second']);
  });
});

describe('supportIssue', () => {
  it('refuses support for a closed issue and changes nothing', async () => {
    const issue = await buildIssue(server, { title: 'Closed, no more support' });
    await server.gql(SET_STATUS, { id: issue.id, status: 'CLOSED' }, officer);
    await expectRefused(() => server.gql(SUPPORT, { id: issue.id }), 'BAD_USER_INPUT', /closed/);
  });

  it('takes a "me too" from a resident and from a member', async () => {
    const issue = await buildIssue(server, { title: 'Me too please' });
    const first = await server.gql(SUPPORT, { id: issue.id });
    expect(first.errors).toBeUndefined();
    expect(first.data.supportIssue.supportersCount).toBe(1);
    expect((await server.gql(SUPPORT, { id: issue.id }, partner)).errors).toBeUndefined();
    expect((await readIssue(issue.id)).supportersCount).toBe(2);
  });

  it('counts every one of 10 concurrent supports: no lost write', async () => {
    const issue = await buildIssue(server, { title: 'Everyone agrees' });
    const results = await Promise.all(Array.from({ length: 10 }, () => server.gql(SUPPORT, { id: issue.id })));
    expect(results.map((r) => r.errors?.[0]?.message ?? 'ok')).toEqual(Array(10).fill('ok'));
    expect((await readIssue(issue.id)).supportersCount).toBe(10);
    const activity = await sql("select count(*) as n from activity where issue_id = ? and kind = 'ISSUE_SUPPORTED'", [
      pkOf(issue.id),
    ]);
    expect(Number(activity[0].n)).toBe(10);
  });

  it('refuses a wrong id type with BAD_USER_INPUT and an unknown issue with NOT_FOUND', async () => {
    await expectRefused(
      () => server.gql(SUPPORT, { id: server.basics.orgs.youth }),
      'BAD_USER_INPUT',
      /id is not a CommunityIssue id/,
    );
    await expectRefused(
      () => server.gql(SUPPORT, { id: globalId('CommunityIssue', 99999) }),
      'NOT_FOUND',
      /Issue not found/,
    );
  });
});

describe('login', () => {
  it('gives a wrong password and an unknown email the same UNAUTHENTICATED answer', async () => {
    const wrongPassword = await server.gql(LOGIN, { e: server.basics.emails.officer, p: 'wrong password' });
    const unknownEmail = await server.gql(LOGIN, { e: 'nobody@test.local', p: 'correct horse battery' });
    const a = theError(wrongPassword);
    const b = theError(unknownEmail);
    expect(a.extensions?.code).toBe('UNAUTHENTICATED');
    expect(b.extensions?.code).toBe('UNAUTHENTICATED');
    expect(a.message).toBe(b.message);
    expect(a.message).toBe('Email or password is incorrect');
    expect(wrongPassword.data?.login ?? null).toBeNull();
    expect(unknownEmail.data?.login ?? null).toBeNull();
  });

  it('returns a token that signs in the next request', async () => {
    const res = await server.gql(LOGIN, { e: '  Officer@Test.LOCAL ', p: 'correct horse battery' });
    expect(res.errors).toBeUndefined();
    const { token, member, expiresAt } = res.data.login;
    expect(member).toMatchObject({ role: 'OFFICER', name: 'Oscar Officer', organization: { name: 'City Police' } });
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());

    const viewer = await server.gql(VIEWER, {}, token);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data.viewer).toEqual({
      id: member.id,
      name: 'Oscar Officer',
      role: 'OFFICER',
      email: 'officer@test.local',
      organization: { name: 'City Police' },
    });
    // And it unlocks member-only mutations.
    const issue = await buildIssue(server, { title: 'Token check' });
    expect((await server.gql(SET_STATUS, { id: issue.id, status: 'ACKNOWLEDGED' }, token)).errors).toBeUndefined();
  });

  it('has no viewer for the public, and refuses a forged token rather than treating it as public', async () => {
    const pub = await server.gql(VIEWER);
    expect(pub.errors).toBeUndefined();
    expect(pub.data.viewer).toBeNull();

    const forged = await server.gql(VIEWER, {}, `${officer.slice(0, -4)}AAAA`);
    expect(theError(forged).extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.status).toBe(401);
  });
});

describe('privacy of a reported issue', () => {
  let issueId: string;

  beforeAll(async () => {
    const res = await buildIssueRaw({
      title: 'Needles in the playground',
      category: 'HEALTH',
      contact: 'call 555-0100',
      location: { lat: 45.512345, lng: -122.654321, address: '12 Elm St' },
    });
    issueId = res.data.reportIssue.id;
    await server.gql(ASSIGN, { id: issueId, orgs: [server.basics.orgs.youth] }, officer);
    await server.gql(ADD_UPDATE, { id: issueId, body: 'Internal: known user nearby', visibility: 'PARTNERS' }, officer);
    await server.gql(ADD_UPDATE, { id: issueId, body: 'Cleanup scheduled', visibility: 'PUBLIC' }, officer);
  });

  it('shows a public reader no contact, a coarsened location and no internal updates', async () => {
    const seen = await readIssue(issueId);
    expect(seen.contact).toBeNull();
    expect(seen.location).toEqual({ lat: 45.512, lng: -122.654, address: null, precise: false });
    expect(seen.updates.every((u: { visibility: string }) => u.visibility === 'PUBLIC')).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/555-0100|12 Elm|45\.512345|Internal: known user/);

    const list = await server.gql(
      'query { issues(filter: { search: "Needles" }) { edges { node { contact location { lat lng address precise } latestUpdate { body } } } } }',
    );
    expect(list.data.issues.edges).toEqual([
      {
        node: {
          contact: null,
          location: { lat: 45.512, lng: -122.654, address: null, precise: false },
          latestUpdate: { body: 'Cleanup scheduled' },
        },
      },
    ]);
  });

  it('shows the contact to members of an assigned organization, and to no other partner', async () => {
    const assigned = await readIssue(issueId, partner);
    expect(assigned.contact).toBe('call 555-0100');
    expect(assigned.location).toEqual({ lat: 45.512345, lng: -122.654321, address: '12 Elm St', precise: true });
    expect(assigned.updates.map((u: { body: string }) => u.body)).toContain('Internal: known user nearby');

    const notAssigned = await readIssue(issueId, otherPartner);
    expect(notAssigned.contact).toBeNull();
    // The agency is not assigned either: its officer does not see the contact.
    expect((await readIssue(issueId, officer)).contact).toBeNull();
  });

  it('puts a public reader without a point at the neighborhood centre', async () => {
    const issue = await buildIssue(server, { title: 'No point given' });
    expect((await readIssue(issue.id)).location).toEqual({ lat: 45.523, lng: -122.642, address: null, precise: false });
  });
});

/** reportIssue with the factory's defaults, returning the raw result (for refusals). */
function buildIssueRaw(overrides: Record<string, unknown>, token: string | null = null) {
  return server.gql(
    REPORT,
    {
      input: {
        title: 'Streetlight out',
        description: 'Dark corner',
        category: 'LIGHTING',
        neighborhoodId: server.basics.neighborhoods.east,
        ...overrides,
      },
    },
    token,
  );
}

describe('request errors', () => {
  it('answers a query that does not parse or fit the schema with BAD_USER_INPUT and a reason, never a 500', async () => {
    const broken = await server.gql('{ issues(first: 1) { edges { node { title } }');
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    const unknown = await server.gql('{ issues(first: 1) { edges { node { passwordHash } } } }');
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(unknown.errors?.[0].message).toMatch(/passwordHash/);
  });
});
