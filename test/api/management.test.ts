import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { PASSWORD, startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, buildMember, buildOrganization } from '../support/factories.js';

const CREATE_ORG =
  'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind neighborhoods { id } } }';
const UPDATE_ORG =
  'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name kind neighborhoods { id } } }';
const CREATE_MEMBER =
  'mutation($input: CreateMemberInput!) { createMember(input: $input) { id name email role organization { id } } }';
const UPDATE_MEMBER =
  'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id name role organization { id } } }';
const SET_PASSWORD = 'mutation($id: ID!, $p: String!) { setMemberPassword(id: $id, password: $p) { id } }';
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }';
const MEMBERS = 'query($org: ID) { members(organizationId: $org) { id name email role organization { id } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id role } } }';

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string;
let apiToken: string;

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  // Every scope there is: managing people is still not a token's business.
  apiToken = (
    await buildApiToken(server, coordinator, [
      'ISSUES_READ',
      'ISSUES_WRITE',
      'EVENTS_READ',
      'EVENTS_WRITE',
      'ACTIVITY_READ',
    ])
  ).token;
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);
const ok = <T = any>(res: GqlResult<T>): T => {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
};
const login = (email: string, password: string) => server.gql(LOGIN, { e: email, p: password });
const memberInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Nia New',
  email: `nia.${Math.random().toString(36).slice(2)}@test.local`,
  role: 'PARTNER',
  organizationId: server.basics.orgs.youth,
  password: 'a long enough passphrase',
  ...overrides,
});

describe('managing organizations and members is for coordinators only', () => {
  it('refuses the public (UNAUTHENTICATED), officers, partners and API tokens (FORBIDDEN), writing nothing', async () => {
    const target = await buildMember(server, coordinator);
    const calls: [string, Record<string, unknown>][] = [
      [CREATE_ORG, { input: { name: 'Sneaky club', kind: 'OTHER' } }],
      [UPDATE_ORG, { id: server.basics.orgs.youth, input: { name: 'Taken over' } }],
      [CREATE_MEMBER, { input: memberInput({ role: 'COORDINATOR' }) }],
      [UPDATE_MEMBER, { id: target.id, input: { role: 'COORDINATOR', organizationId: server.basics.orgs.agency } }],
      [SET_PASSWORD, { id: target.id, p: 'attacker chosen password' }],
      [MEMBERS, {}],
    ];
    for (const [query, variables] of calls) {
      await expectRefused(() => server.gql(query, variables), 'UNAUTHENTICATED');
      await expectRefused(() => server.gql(query, variables, officer), 'FORBIDDEN');
      await expectRefused(() => server.gql(query, variables, partner), 'FORBIDDEN');
      await expectRefused(() => server.gql(query, variables, apiToken), 'FORBIDDEN', /API tokens may not/);
    }
    // The target's password is still theirs.
    expect(ok(await login(target.email, target.password)).login.member.id).toBe(target.id);
  });

  it('changePassword is for signed-in members, never the public or a token', async () => {
    const vars = { c: PASSWORD, n: 'a brand new passphrase' };
    await expectRefused(() => server.gql(CHANGE_PASSWORD, vars), 'UNAUTHENTICATED');
    await expectRefused(() => server.gql(CHANGE_PASSWORD, vars, apiToken), 'FORBIDDEN', /API tokens may not/);
  });
});

describe('organizations', () => {
  it('a coordinator creates one, visible to everyone in organizations', async () => {
    const { createOrganization: org } = ok(
      await server.gql(
        CREATE_ORG,
        {
          input: {
            name: '  Eastside Faith Network ',
            kind: 'FAITH',
            neighborhoodIds: [server.basics.neighborhoods.east, server.basics.neighborhoods.east],
          },
        },
        coordinator,
      ),
    );
    expect(org).toMatchObject({
      name: 'Eastside Faith Network',
      kind: 'FAITH',
      neighborhoods: [{ id: server.basics.neighborhoods.east }],
    });
    const listed = ok(await server.gql('{ organizations { id name kind } }')).organizations;
    expect(listed).toContainEqual({ id: org.id, name: 'Eastside Faith Network', kind: 'FAITH' });
  });

  it('a coordinator renames one and changes its kind and neighborhoods; only the fields given change', async () => {
    const org = await buildOrganization(server, coordinator, { kind: 'SCHOOL' });
    const renamed = ok(await server.gql(UPDATE_ORG, { id: org.id, input: { name: 'Westside High' } }, coordinator));
    expect(renamed.updateOrganization).toMatchObject({ name: 'Westside High', kind: 'SCHOOL', neighborhoods: [] });
    const moved = ok(
      await server.gql(
        UPDATE_ORG,
        { id: org.id, input: { kind: 'YOUTH', neighborhoodIds: [server.basics.neighborhoods.west] } },
        coordinator,
      ),
    );
    expect(moved.updateOrganization).toEqual({
      id: org.id,
      name: 'Westside High',
      kind: 'YOUTH',
      neighborhoods: [{ id: server.basics.neighborhoods.west }],
    });
  });

  it.each([
    ['an empty name', { name: '  ', kind: 'OTHER' }, 'name', /name must be 1 to 200/],
    ['a too-long name', { name: 'n'.repeat(201), kind: 'OTHER' }, 'name', /name must be 1 to 200/],
    ['a taken name', { name: 'Youth Alliance', kind: 'YOUTH' }, 'name', /name is already in use/],
    ['an unknown kind', { name: 'Club', kind: 'CLUB' }, 'kind', /"CLUB" does not exist/],
    [
      'an organization as neighborhood',
      { name: 'Club', kind: 'OTHER', neighborhoodIds: ['ORG'] },
      'neighborhoodIds',
      /neighborhoodIds is not a Neighborhood id/,
    ],
    [
      'an unknown neighborhood',
      { name: 'Club', kind: 'OTHER', neighborhoodIds: ['NB999'] },
      'neighborhoodIds',
      /neighborhoodIds names a neighborhood that does not exist/,
    ],
  ])('createOrganization refuses %s with BAD_USER_INPUT and writes nothing', async (_name, input, _field, message) => {
    const ids = ((input as { neighborhoodIds?: string[] }).neighborhoodIds ?? []).map((id) =>
      id === 'ORG'
        ? server.basics.orgs.youth
        : id === 'NB999'
          ? Buffer.from('Neighborhood:999').toString('base64url')
          : id,
    );
    await expectRefused(
      () => server.gql(CREATE_ORG, { input: { ...input, neighborhoodIds: ids } }, coordinator),
      'BAD_USER_INPUT',
      message,
    );
  });

  it('updateOrganization refuses a taken name, an unknown id, and a kind its members do not fit', async () => {
    const error = await expectRefused(
      () => server.gql(UPDATE_ORG, { id: server.basics.orgs.health, input: { name: 'City Police' } }, coordinator),
      'BAD_USER_INPUT',
      /name is already in use/,
    );
    expect(error.extensions?.field).toBe('name');
    await expectRefused(
      () =>
        server.gql(
          UPDATE_ORG,
          { id: Buffer.from('Organization:9999').toString('base64url'), input: { name: 'Ghost' } },
          coordinator,
        ),
      'NOT_FOUND',
    );
    // The agency has an officer, the youth alliance a partner: neither kind may flip.
    await expectRefused(
      () =>
        server.gql(
          UPDATE_ORG,
          { id: server.basics.orgs.agency, input: { kind: 'OTHER', name: 'Renamed too' } },
          coordinator,
        ),
      'BAD_USER_INPUT',
      /kind cannot become OTHER while Oscar Officer is an OFFICER there/,
    );
    await expectRefused(
      () => server.gql(UPDATE_ORG, { id: server.basics.orgs.youth, input: { kind: 'AGENCY' } }, coordinator),
      'BAD_USER_INPUT',
      /kind cannot become AGENCY while Paula Partner is a PARTNER there/,
    );
  });
});

describe('members', () => {
  it('a coordinator adds a member who can sign in at once with that password, as that role', async () => {
    const input = memberInput({ email: '  Nia.New@Example.ORG ', name: 'Nia New' });
    const created = ok(await server.gql(CREATE_MEMBER, { input }, coordinator)).createMember;
    expect(created).toMatchObject({
      name: 'Nia New',
      email: 'nia.new@example.org',
      role: 'PARTNER',
      organization: { id: server.basics.orgs.youth },
    });
    const [row] = await sql('select password_hash from member where email = ?', ['nia.new@example.org']);
    expect(String(row.password_hash)).toMatch(/^\$argon2id\$/);
    expect(String(row.password_hash)).not.toContain(input.password);

    const signedIn = ok(await login('nia.new@example.org', input.password)).login;
    expect(signedIn.member).toEqual({ id: created.id, role: 'PARTNER' });
    const me = ok(await server.gql('{ viewer { id name email organization { name } } }', {}, signedIn.token));
    expect(me.viewer).toEqual({
      id: created.id,
      name: 'Nia New',
      email: 'nia.new@example.org',
      organization: { name: 'Youth Alliance' },
    });
  });

  it('lists members for coordinators, by organization, with emails', async () => {
    const all = ok(await server.gql(MEMBERS, {}, coordinator)).members;
    expect(all.map((m: { email: string }) => m.email)).toEqual(
      expect.arrayContaining(['coordinator@test.local', 'officer@test.local', 'partner@test.local']),
    );
    const health = ok(await server.gql(MEMBERS, { org: server.basics.orgs.health }, coordinator)).members;
    expect(health).toEqual([
      {
        id: expect.any(String),
        name: 'Hank Health',
        email: 'health@test.local',
        role: 'PARTNER',
        organization: { id: server.basics.orgs.health },
      },
    ]);
    await expectRefused(
      () => server.gql(MEMBERS, { org: server.basics.neighborhoods.east }, coordinator),
      'BAD_USER_INPUT',
      /organizationId is not a Organization id/,
    );
  });

  it.each([
    ['a short password', { password: 'elevenchars' }, 'password', /password must be 12 to 1000 characters/],
    ['a malformed email', { email: 'not-an-email' }, 'email', /email must be an email address/],
    ['a taken email, in other case', { email: 'OFFICER@test.local' }, 'email', /email is already in use/],
    ['an empty name', { name: '' }, 'name', /name must be 1 to 200/],
    [
      'an officer outside the agency',
      { role: 'OFFICER' },
      'organizationId',
      /an OFFICER must belong to an AGENCY organization/,
    ],
    [
      'a partner in the agency',
      { role: 'PARTNER', organizationId: 'AGENCY' },
      'organizationId',
      /a PARTNER must belong to an organization that is not an AGENCY/,
    ],
    [
      'an unknown organization',
      { organizationId: 'NOWHERE' },
      'organizationId',
      /organizationId names no organization/,
    ],
    [
      'a neighborhood as organization',
      { organizationId: 'EAST' },
      'organizationId',
      /organizationId is not a Organization id/,
    ],
    ['an unknown role', { role: 'ADMIN' }, 'role', /"ADMIN" does not exist/],
  ])(
    'createMember refuses %s with BAD_USER_INPUT naming %s, and writes nothing',
    async (_name, overrides, field, message) => {
      const orgIds: Record<string, string> = {
        AGENCY: server.basics.orgs.agency,
        NOWHERE: Buffer.from('Organization:9999').toString('base64url'),
        EAST: server.basics.neighborhoods.east,
      };
      const input = memberInput(overrides);
      input.organizationId = orgIds[input.organizationId as string] ?? input.organizationId;
      const error = await expectRefused(
        () => server.gql(CREATE_MEMBER, { input }, coordinator),
        'BAD_USER_INPUT',
        message,
      );
      expect(error.message).toContain(field);
      if (error.extensions?.field) expect(error.extensions.field).toBe(field);
      else expect(error.extensions?.fields ?? [field]).toContain(field);
    },
  );

  it("an updated role or organization holds from the member's next request", async () => {
    const member = await buildMember(server, coordinator, { name: 'Pat Promoted' });
    const token = ok(await login(member.email, member.password)).login.token;
    // As a partner: no member list.
    await expectRefused(() => server.gql(MEMBERS, {}, token), 'FORBIDDEN');

    const updated = ok(
      await server.gql(
        UPDATE_MEMBER,
        { id: member.id, input: { role: 'OFFICER', organizationId: server.basics.orgs.agency, name: ' Pat Officer ' } },
        coordinator,
      ),
    ).updateMember;
    expect(updated).toEqual({
      id: member.id,
      name: 'Pat Officer',
      role: 'OFFICER',
      organization: { id: server.basics.orgs.agency },
    });
    // The same session token, next request: an officer of the agency.
    const me = ok(await server.gql('{ viewer { role name organization { id } } }', {}, token)).viewer;
    expect(me).toEqual({ role: 'OFFICER', name: 'Pat Officer', organization: { id: server.basics.orgs.agency } });

    ok(await server.gql(UPDATE_MEMBER, { id: member.id, input: { role: 'COORDINATOR' } }, coordinator));
    expect(ok(await server.gql(MEMBERS, {}, token)).members.length).toBeGreaterThan(4);
  });

  it('updateMember refuses a role that does not fit the organization, an unknown member, bad names', async () => {
    const member = await buildMember(server, coordinator);
    await expectRefused(
      () => server.gql(UPDATE_MEMBER, { id: member.id, input: { role: 'OFFICER' } }, coordinator),
      'BAD_USER_INPUT',
      /role does not fit: an OFFICER must belong to an AGENCY organization/,
    );
    await expectRefused(
      () =>
        server.gql(UPDATE_MEMBER, { id: member.id, input: { organizationId: server.basics.orgs.agency } }, coordinator),
      'BAD_USER_INPUT',
      /organizationId does not fit/,
    );
    await expectRefused(
      () => server.gql(UPDATE_MEMBER, { id: member.id, input: { name: 'x'.repeat(201) } }, coordinator),
      'BAD_USER_INPUT',
      /name must be 1 to 200/,
    );
    await expectRefused(
      () => server.gql(UPDATE_MEMBER, { id: server.basics.orgs.youth, input: { name: 'Who' } }, coordinator),
      'BAD_USER_INPUT',
      /id is not a Member id/,
    );
    await expectRefused(
      () =>
        server.gql(
          UPDATE_MEMBER,
          { id: Buffer.from('Member:9999').toString('base64url'), input: { name: 'Ghost' } },
          coordinator,
        ),
      'NOT_FOUND',
    );
  });

  it('the last coordinator cannot stop being one; with a second coordinator, they can', async () => {
    const [me] = ok(await server.gql(MEMBERS, { org: server.basics.orgs.agency }, coordinator)).members.filter(
      (m: { email: string }) => m.email === 'coordinator@test.local',
    );
    // Earlier tests may have promoted someone: start from exactly one coordinator.
    const others = ok(await server.gql(MEMBERS, {}, coordinator)).members.filter(
      (m: { role: string; id: string }) => m.role === 'COORDINATOR' && m.id !== me.id,
    );
    for (const other of others) {
      ok(
        await server.gql(
          UPDATE_MEMBER,
          { id: other.id, input: { role: 'OFFICER', organizationId: server.basics.orgs.agency } },
          coordinator,
        ),
      );
    }
    const error = await expectRefused(
      () => server.gql(UPDATE_MEMBER, { id: me.id, input: { role: 'OFFICER' } }, coordinator),
      'BAD_USER_INPUT',
      /role cannot change: this is the last coordinator/,
    );
    expect(error.extensions?.field).toBe('role');

    const deputy = await buildMember(server, coordinator, {
      role: 'COORDINATOR',
      organizationId: server.basics.orgs.health,
    });
    const deputyToken = ok(await login(deputy.email, deputy.password)).login.token;
    ok(await server.gql(UPDATE_MEMBER, { id: me.id, input: { role: 'OFFICER' } }, coordinator));
    // Demoted: their next request is an officer's.
    await expectRefused(() => server.gql(MEMBERS, {}, coordinator), 'FORBIDDEN');
    // And now the deputy is the last one.
    await expectRefused(
      () => server.gql(UPDATE_MEMBER, { id: deputy.id, input: { role: 'PARTNER' } }, deputyToken),
      'BAD_USER_INPUT',
      /last coordinator/,
    );
    ok(await server.gql(UPDATE_MEMBER, { id: me.id, input: { role: 'COORDINATOR' } }, deputyToken));
    expect(ok(await server.gql(MEMBERS, {}, coordinator)).members.length).toBeGreaterThan(0);
  });
});

describe('passwords', () => {
  it('a coordinator sets a new password: the old one stops working, the new one works', async () => {
    const member = await buildMember(server, coordinator);
    const before = ok(await login(member.email, member.password)).login.token;
    expect(ok(await server.gql('{ viewer { id } }', {}, before)).viewer.id).toBe(member.id);
    ok(await server.gql(SET_PASSWORD, { id: member.id, p: 'reset by the coordinator' }, coordinator));
    expect((await login(member.email, member.password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A reset ends the sessions signed in with the old password (a lost or stolen laptop).
    const stale = await server.gql('{ viewer { id } }', {}, before);
    expect(stale.status).toBe(401);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(stale.errors?.[0].message).toMatch(/password was changed/);
    expect(ok(await login(member.email, 'reset by the coordinator')).login.member.id).toBe(member.id);
    await expectRefused(
      () => server.gql(SET_PASSWORD, { id: member.id, p: 'too short' }, coordinator),
      'BAD_USER_INPUT',
      /password must be 12 to 1000 characters/,
    );
    await expectRefused(
      () => server.gql(SET_PASSWORD, { id: server.basics.orgs.youth, p: 'long enough password' }, coordinator),
      'BAD_USER_INPUT',
      /id is not a Member id/,
    );
  });

  it('a member changes their own password, knowing the current one', async () => {
    const member = await buildMember(server, coordinator);
    const token = ok(await login(member.email, member.password)).login.token;
    await expectRefused(
      () => server.gql(CHANGE_PASSWORD, { c: 'not my password at all', n: 'my own new passphrase' }, token),
      'BAD_USER_INPUT',
      /current is not your password/,
    );
    await expectRefused(
      () => server.gql(CHANGE_PASSWORD, { c: member.password, n: 'short' }, token),
      'BAD_USER_INPUT',
      /next must be 12 to 1000 characters/,
    );
    expect(ok(await server.gql(CHANGE_PASSWORD, { c: member.password, n: 'my own new passphrase' }, token))).toEqual({
      changePassword: true,
    });
    // Every session, this one included, ends: sign in again with the new password.
    expect((await server.gql('{ viewer { id } }', {}, token)).status).toBe(401);
    expect((await login(member.email, member.password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(ok(await login(member.email, 'my own new passphrase')).login.member.id).toBe(member.id);
  });
});
