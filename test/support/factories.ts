import type { TestServer } from './server.js';
import { AccessLink, AccessLinkKind } from '../../server/src/modules/access-links/access-link.entity.js';
import { LINK_TTL_MS, newLinkCode } from '../../server/src/modules/access-links/access-link.codes.js';
import { Member } from '../../server/src/modules/members/member.entity.js';

export const ISSUE_FIELDS =
  'id title status version category supportersCount neighborhood { id name } organizations { id name }';

/** Reports an issue as `token` (public when null) and returns it. */
export async function buildIssue(
  server: TestServer,
  overrides: Record<string, unknown> = {},
  token: string | null = null,
): Promise<{ id: string; title: string; status: string; version: number }> {
  const res = await server.gql(
    `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { ${ISSUE_FIELDS} } }`,
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
  if (!res.data?.reportIssue) throw new Error(`reportIssue failed: ${JSON.stringify(res.errors)}`);
  return res.data.reportIssue;
}

/** Creates an event (as `token`) starting `inHours` from now. */
export async function buildEvent(
  server: TestServer,
  token: string,
  overrides: Record<string, unknown> = {},
  inHours = 48,
): Promise<{ id: string; title: string; version: number; status: string }> {
  const startsAt = new Date(Date.now() + inHours * 3600_000);
  const res = await server.gql(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title version status rsvpCount host { id } } }`,
    {
      input: {
        title: 'Town hall',
        kind: 'TOWN_HALL',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        locationName: 'Library',
        ...overrides,
      },
    },
    token,
  );
  if (!res.data?.createEvent) throw new Error(`createEvent failed: ${JSON.stringify(res.errors)}`);
  return res.data.createEvent;
}

/**
 * Accepts, as `token` (a member or events:write token of the invited organization), that
 * organization's pending invitation to co-host `eventId`; returns the event's new version.
 */
export async function acceptCoHosting(server: TestServer, token: string, eventId: string): Promise<number> {
  const list = await server.gql('{ coHostInvitations(status: [PENDING]) { id event { id } } }', {}, token);
  const invitation = list.data?.coHostInvitations.find((i: { event: { id: string } }) => i.event.id === eventId);
  if (!invitation) throw new Error(`no pending invitation to co-host ${eventId}: ${JSON.stringify(list)}`);
  const res = await server.gql(
    'mutation($id: ID!) { respondToCoHostInvitation(id: $id, accept: true) { event { version } } }',
    { id: invitation.id },
    token,
  );
  if (!res.data?.respondToCoHostInvitation) throw new Error(`accepting failed: ${JSON.stringify(res.errors)}`);
  return res.data.respondToCoHostInvitation.event.version;
}

/**
 * Creates an API token as `coordinatorToken` (a coordinator's session) and returns its secret.
 * Scopes are GraphQL enum names (`ISSUES_READ`, …); the organization defaults to the coordinator's.
 */
export async function buildApiToken(
  server: TestServer,
  coordinatorToken: string,
  scopes: string[],
  overrides: { name?: string; organizationId?: string } = {},
): Promise<{ token: string; id: string }> {
  const res = await server.gql(
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }',
    { input: { name: overrides.name ?? `Tool with ${scopes.join(' ') || 'no scope'}`, scopes, ...overrides } },
    coordinatorToken,
  );
  if (!res.data?.createApiToken) throw new Error(`createApiToken failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data.createApiToken.token, id: res.data.createApiToken.apiToken.id };
}

/** Counts rows of a table through the ORM's connection: for "nothing was written" checks. */
let made = 0;

/** Creates an organization as `coordinatorToken`; the name is unique unless given. */
export async function buildOrganization(
  server: TestServer,
  coordinatorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string; kind: string }> {
  const res = await server.gql(
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind } }',
    { input: { name: `Block club ${++made}`, kind: 'NEIGHBORHOOD', ...overrides } },
    coordinatorToken,
  );
  if (!res.data?.createOrganization) throw new Error(`createOrganization failed: ${JSON.stringify(res.errors)}`);
  return res.data.createOrganization;
}

/**
 * Creates a member as `coordinatorToken`: a PARTNER of the youth organization unless told
 * otherwise, with a unique email and the password `password` (TEST_PASSWORD by default).
 */
export async function buildMember(
  server: TestServer,
  coordinatorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string; email: string; role: string; password: string }> {
  const input = {
    name: `Member ${++made}`,
    email: `member${made}.${Date.now()}@test.local`,
    role: 'PARTNER',
    organizationId: server.basics.orgs.youth,
    password: 'correct horse battery',
    ...overrides,
  };
  const res = await server.gql(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id name email role } }',
    { input },
    coordinatorToken,
  );
  if (!res.data?.createMember) throw new Error(`createMember failed: ${JSON.stringify(res.errors)}`);
  return { ...res.data.createMember, password: input.password };
}

export async function countRows(server: TestServer, table: string): Promise<number> {
  const rows = await server.app.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`);
  return Number((rows as { n: number | string }[])[0].n);
}

/** A fingerprint of every table a mutation could touch. */
export async function snapshotDb(server: TestServer): Promise<Record<string, number | string>> {
  const tables = [
    'community_issue',
    'issue_update',
    'issue_organization',
    'shared_event',
    'event_rsvp',
    'staff_commitment',
    'event_cohost',
    'event_issue',
    'activity',
    'api_token',
    'contact_access',
    'member',
    'organization',
    'organization_neighborhood',
    'access_link',
    'partnership',
  ];
  const out: Record<string, number | string> = {};
  for (const t of tables) out[t] = await countRows(server, t);
  const em = server.app.orm.em.fork().getConnection();
  const versions = (await em.execute('select id, version, status from community_issue order by id')) as unknown[];
  const events = (await em.execute(
    'select id, version, status, rsvp_count from shared_event order by id',
  )) as unknown[];
  const tokens = (await em.execute('select id, revoked_at from api_token order by id')) as unknown[];
  out.issues = JSON.stringify(versions);
  out.events = JSON.stringify(events);
  out.tokens = JSON.stringify(tokens);
  const members = (await em.execute(
    'select id, name, email, role, organization_id, password_hash from member order by id',
  )) as unknown[];
  const organizations = (await em.execute('select id, name, kind from organization order by id')) as unknown[];
  const served = (await em.execute(
    'select organization_id, neighborhood_id from organization_neighborhood order by organization_id, neighborhood_id',
  )) as unknown[];
  const links = (await em.execute('select id, used_at, revoked_at from access_link order by id')) as unknown[];
  const partnership = (await em.execute('select * from partnership')) as unknown[];
  out.links = JSON.stringify(links);
  out.partnership = JSON.stringify(partnership);
  out.members = JSON.stringify(members);
  out.organizations = JSON.stringify(organizations);
  out.served = JSON.stringify(served);
  const invitations = (await em.execute('select id, status from event_cohost_invitation order by id')) as unknown[];
  out.coHostInvitations = JSON.stringify(invitations);
  return out;
}

/**
 * A one-time link written straight to the database, as the server would issue it: SETUP, or
 * PASSWORD for the member with `email`. Returns the code (stored nowhere else) and the link's row id.
 */
export async function buildAccessLink(
  server: TestServer,
  kind: 'SETUP' | 'PASSWORD',
  options: { email?: string; expiresAt?: Date } = {},
): Promise<{ code: string; pk: number }> {
  const em = server.app.orm.em.fork();
  const { code, codeHash } = newLinkCode();
  const member = options.email ? await em.findOneOrFail(Member, { email: options.email }) : null;
  if (kind === 'PASSWORD' && !member) throw new Error('a PASSWORD link needs the email of a member');
  const link = em.create(AccessLink, {
    kind: AccessLinkKind[kind],
    codeHash,
    member,
    email: member?.email ?? null,
    name: member?.name ?? null,
    expiresAt: options.expiresAt ?? new Date(Date.now() + LINK_TTL_MS[kind]),
  });
  await em.flush();
  return { code, pk: link.pk };
}
