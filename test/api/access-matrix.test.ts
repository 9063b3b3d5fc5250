import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, PASSWORD, type GqlResult, type TestServer } from '../support/server.js';
import {
  buildAccessLink,
  buildApiToken,
  buildEvent,
  buildIssue,
  buildMember,
  buildOrganization,
  snapshotDb,
} from '../support/factories.js';
import { once } from '../support/ws.js';
import { globalId, pkOf } from '../support/ids.js';
import { newLinkCode } from '../../server/src/modules/access-links/access-link.codes.js';
import { AccessLink, AccessLinkKind } from '../../server/src/modules/access-links/access-link.entity.js';
import { Organization } from '../../server/src/modules/organizations/organization.entity.js';
import { Role } from '../../server/src/auth/roles.js';

/**
 * Every query, mutation and subscription, tried by every kind of caller, against the table
 * below. An operation missing from the table fails the suite: whoever adds one decides here who
 * may call it. Partners act on an issue shared with, or an event hosted by, their own
 * organization ("partner") or another's ("otherPartner"); API tokens belong to the agency and
 * hold one scope each.
 */
const CALLERS = [
  'public',
  'partner',
  'otherPartner',
  'officer',
  'coordinator',
  'issues:read',
  'issues:write',
  'events:read',
  'events:write',
  'activity:read',
] as const;
type Caller = (typeof CALLERS)[number];

const EVERYONE = CALLERS.join(' ');
const COORDINATORS = 'coordinator';
const MEMBERS = 'partner otherPartner officer coordinator';

const EXPECTED: Record<string, string> = {
  'Query.accessLink': EVERYONE,
  'Query.activities': EVERYONE,
  'Query.apiTokens': COORDINATORS,
  'Query.coHostInvitations': 'partner otherPartner officer coordinator events:read',
  'Query.contactAccessLog': COORDINATORS,
  'Query.event': EVERYONE,
  'Query.invitations': COORDINATORS,
  'Query.events': EVERYONE,
  'Query.issue': EVERYONE,
  'Query.issues': EVERYONE,
  'Query.latestSeq': EVERYONE,
  'Query.members': COORDINATORS,
  'Query.neighborhoods': EVERYONE,
  'Query.node': EVERYONE,
  'Query.organizations': EVERYONE,
  'Query.partnership': EVERYONE,
  'Query.viewer': EVERYONE,

  'Mutation.acceptInvitation': EVERYONE,
  'Mutation.addIssueUpdate': 'partner officer coordinator issues:write',
  'Mutation.assignIssue': 'partner officer coordinator issues:write',
  'Mutation.cancelEvent': 'partner officer coordinator events:write',
  'Mutation.changePassword': MEMBERS,
  'Mutation.commitStaff': 'partner otherPartner officer coordinator events:write',
  'Mutation.completeSetup': EVERYONE,
  'Mutation.createApiToken': COORDINATORS,
  'Mutation.createEvent': 'partner otherPartner officer coordinator events:write',
  'Mutation.createMember': COORDINATORS,
  'Mutation.createOrganization': COORDINATORS,
  'Mutation.createPasswordResetLink': COORDINATORS,
  'Mutation.deactivateMember': COORDINATORS,
  'Mutation.inviteMember': COORDINATORS,
  'Mutation.login': EVERYONE,
  'Mutation.reactivateMember': COORDINATORS,
  'Mutation.reportIssue': EVERYONE,
  'Mutation.requestPasswordReset': EVERYONE,
  // Consent is the invited organization's (here the agency): not the host's, not another partner's.
  'Mutation.respondToCoHostInvitation': 'officer coordinator events:write',
  'Mutation.resetPassword': EVERYONE,
  'Mutation.revokeApiToken': COORDINATORS,
  'Mutation.revokeInvitation': COORDINATORS,
  'Mutation.rsvpEvent': EVERYONE,
  'Mutation.setIssueStatus': 'partner officer coordinator issues:write',
  'Mutation.setMemberPassword': COORDINATORS,
  'Mutation.supportIssue': EVERYONE,
  'Mutation.updateEvent': 'partner officer coordinator events:write',
  'Mutation.updateMember': COORDINATORS,
  'Mutation.updateOrganization': COORDINATORS,
  'Mutation.updatePartnershipSettings': COORDINATORS,

  'Subscription.activity': EVERYONE,
  'Subscription.eventChanged': EVERYONE,
  'Subscription.issueChanged': EVERYONE,
  'Subscription.presence': 'partner otherPartner officer coordinator',
};

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** For an operation that cannot succeed here: the error that shows the call got past access. */
  admitted?: (res: GqlResult) => boolean;
}

let server: TestServer;
const tokens = {} as Record<Caller, string | null>;
let issueSeq = 0; // just before a public report: every caller allowed a stream gets it first
let eventSeq = 0; // just before a public event is created
let publicIssue = '';
let publicEvent = '';
let made = 0; // unique names and emails for created organizations and members

const as = (name: 'coordinator' | 'officer' | 'partner' | 'otherPartner') => server.login(server.basics.emails[name]);

/** A fresh issue shared with the youth partner (the "partner" caller's organization). */
async function youthIssue(): Promise<string> {
  const issue = await buildIssue(server, { title: 'Matrix issue' });
  const res = await server.gql(
    'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
    { id: issue.id, orgs: [server.basics.orgs.youth] },
    await as('officer'),
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return issue.id;
}

/** A fresh invitation to the youth partner, written straight to the database (no email): its id and code. */
async function freshInvitation(): Promise<{ id: string; code: string }> {
  const em = server.app.orm.em.fork();
  const { code, codeHash } = newLinkCode();
  const link = em.create(AccessLink, {
    kind: AccessLinkKind.INVITATION,
    codeHash,
    email: `matrix.invitee${++made}@test.local`,
    name: 'Matrix invitee',
    role: Role.PARTNER,
    organization: em.getReference(Organization, pkOf(server.basics.orgs.youth)),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  await em.flush();
  return { id: globalId('Invitation', link.pk), code };
}

/** A fresh public event hosted by the youth partner. */
const youthEvent = async () => (await buildEvent(server, await as('partner'))).id;

/** A fresh invitation for the agency to co-host an event of the youth partner. */
async function agencyInvitation(): Promise<string> {
  const event = await buildEvent(server, await as('partner'), { coHostOrganizationIds: [server.basics.orgs.agency] });
  const res = await server.gql(
    'query($id: ID!) { event(id: $id) { coHostInvitations { id } } }',
    { id: event.id },
    await as('partner'),
  );
  return res.data.event.coHostInvitations[0].id;
}

const startsAt = () => new Date(Date.now() + 3 * 86_400_000);

/** How each operation is called: valid arguments, fresh targets where the call changes them. */
const CALLS: Record<string, () => Promise<Call>> = {
  'Query.accessLink': async () => ({
    query: 'query($code: String!) { accessLink(code: $code) { kind email } }',
    variables: { code: (await buildAccessLink(server, 'PASSWORD', { email: server.basics.emails.officer })).code },
  }),
  'Query.activities': async () => ({ query: '{ activities(first: 1) { seq } }' }),
  'Query.apiTokens': async () => ({ query: '{ apiTokens { id } }' }),
  'Query.coHostInvitations': async () => ({ query: '{ coHostInvitations { id } }' }),
  'Query.contactAccessLog': async () => ({ query: '{ contactAccessLog(first: 1) { totalCount } }' }),
  'Query.event': async () => ({ query: 'query($id: ID!) { event(id: $id) { id } }', variables: { id: publicEvent } }),
  'Query.events': async () => ({ query: '{ events(first: 1) { totalCount } }' }),
  'Query.invitations': async () => ({ query: '{ invitations { id } }' }),
  'Query.issue': async () => ({ query: 'query($id: ID!) { issue(id: $id) { id } }', variables: { id: publicIssue } }),
  'Query.issues': async () => ({ query: '{ issues(first: 1) { totalCount } }' }),
  'Query.latestSeq': async () => ({ query: '{ latestSeq }' }),
  'Query.members': async () => ({
    query: 'query($org: ID) { members(organizationId: $org) { id email } }',
    variables: { org: server.basics.orgs.youth },
  }),
  'Query.neighborhoods': async () => ({ query: '{ neighborhoods { id } }' }),
  'Query.node': async () => ({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: publicIssue } }),
  'Query.organizations': async () => ({ query: '{ organizations { id } }' }),
  'Query.partnership': async () => ({ query: '{ partnership { name timeZone setupRequired } }' }),
  'Query.viewer': async () => ({ query: '{ viewer { id } }' }),

  'Mutation.acceptInvitation': async () => ({
    query: 'mutation($code: String!) { acceptInvitation(code: $code, password: "matrix password") { token } }',
    variables: { code: (await freshInvitation()).code },
  }),
  'Mutation.addIssueUpdate': async () => ({
    query: 'mutation($id: ID!) { addIssueUpdate(issueId: $id, body: "Internal note", visibility: PARTNERS) { id } }',
    variables: { id: await youthIssue() },
  }),
  'Mutation.assignIssue': async () => ({
    query: 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
    variables: { id: await youthIssue(), orgs: [server.basics.orgs.youth, server.basics.orgs.agency] },
  }),
  'Mutation.cancelEvent': async () => ({
    query: 'mutation($id: ID!) { cancelEvent(id: $id, reason: "Rained out") { id } }',
    variables: { id: await youthEvent() },
  }),
  'Mutation.commitStaff': async () => ({
    query: 'mutation($id: ID!) { commitStaff(eventId: $id, count: 2) { id } }',
    variables: { id: await youthEvent() },
  }),
  'Mutation.completeSetup': async () => ({
    query: 'mutation($code: String!, $input: SetupInput!) { completeSetup(code: $code, input: $input) { token } }',
    variables: {
      code: (await buildAccessLink(server, 'SETUP')).code,
      input: {
        partnershipName: 'Matrix City',
        timeZone: 'UTC',
        language: 'en',
        agencyName: 'Matrix Police',
        coordinatorName: 'Matrix Coordinator',
        coordinatorEmail: `setup${++made}@test.local`,
        coordinatorPassword: 'matrix setup password',
      },
    },
    // Coordinators exist here, so setup is closed: reaching that answer is what anyone may do.
    admitted: (res) => res.errors?.[0]?.extensions?.reason === 'SETUP_CLOSED',
  }),
  'Mutation.createApiToken': async () => ({
    query: 'mutation { createApiToken(input: { name: "Matrix", scopes: [ISSUES_READ] }) { token } }',
  }),
  'Mutation.changePassword': async () => ({
    // To the same password, so every caller can still sign in afterwards.
    query: 'mutation($p: String!) { changePassword(current: $p, next: $p) }',
    variables: { p: PASSWORD },
  }),
  'Mutation.createMember': async () => ({
    query: 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    variables: {
      input: {
        name: 'Matrix member',
        email: `matrix${++made}@test.local`,
        role: 'PARTNER',
        organizationId: server.basics.orgs.health,
        password: 'matrix password',
      },
    },
  }),
  'Mutation.createOrganization': async () => ({
    query: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: {
      input: { name: `Matrix club ${++made}`, kind: 'OTHER', neighborhoodIds: [server.basics.neighborhoods.west] },
    },
  }),
  'Mutation.createPasswordResetLink': async () => ({
    query: 'mutation($id: ID!) { createPasswordResetLink(memberId: $id) { resetUrl } }',
    variables: { id: (await buildMember(server, await as('coordinator'))).id },
  }),
  'Mutation.deactivateMember': async () => ({
    query: 'mutation($id: ID!) { deactivateMember(id: $id) { id } }',
    variables: { id: (await buildMember(server, await as('coordinator'))).id },
  }),
  'Mutation.inviteMember': async () => ({
    query: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { inviteUrl } }',
    variables: {
      input: {
        email: `matrix.invited${++made}@test.local`,
        name: 'Matrix invited',
        role: 'PARTNER',
        organizationId: server.basics.orgs.health,
      },
    },
  }),
  'Mutation.reactivateMember': async () => {
    const { id } = await buildMember(server, await as('coordinator'));
    await server.gql('mutation($id: ID!) { deactivateMember(id: $id) { id } }', { id }, await as('coordinator'));
    return { query: 'mutation($id: ID!) { reactivateMember(id: $id) { id } }', variables: { id } };
  },
  'Mutation.createEvent': async () => ({
    query: 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    variables: {
      input: {
        title: 'Matrix meeting',
        kind: 'MEETING',
        startsAt: startsAt().toISOString(),
        endsAt: new Date(startsAt().getTime() + 3600_000).toISOString(),
        locationName: 'Library',
      },
    },
  }),
  'Mutation.login': async () => ({
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    variables: { e: server.basics.emails.officer, p: PASSWORD },
  }),
  'Mutation.reportIssue': async () => ({
    query: 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
    variables: {
      input: { title: 'Matrix report', category: 'OTHER', neighborhoodId: server.basics.neighborhoods.west },
    },
  }),
  'Mutation.respondToCoHostInvitation': async () => ({
    query: 'mutation($id: ID!) { respondToCoHostInvitation(id: $id, accept: true) { id } }',
    variables: { id: await agencyInvitation() },
  }),
  'Mutation.resetPassword': async () => {
    const member = await buildMember(server, await as('coordinator'));
    return {
      query: 'mutation($code: String!) { resetPassword(code: $code, password: "matrix reset password") { token } }',
      variables: { code: (await buildAccessLink(server, 'PASSWORD', { email: member.email })).code },
    };
  },
  'Mutation.revokeApiToken': async () => ({
    query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: { id: (await buildApiToken(server, await as('coordinator'), ['EVENTS_READ'])).id },
  }),
  'Mutation.requestPasswordReset': async () => ({
    // An address nobody has: the answer is the same, and nothing is sent.
    query: 'mutation { requestPasswordReset(email: "nobody@test.local") }',
  }),
  'Mutation.revokeInvitation': async () => ({
    query: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }',
    variables: { id: (await freshInvitation()).id },
  }),
  'Mutation.rsvpEvent': async () => ({
    query: 'mutation($id: ID!) { rsvpEvent(id: $id, input: { name: "Matrix", partySize: 1 }) { id } }',
    variables: { id: publicEvent },
  }),
  'Mutation.setMemberPassword': async () => ({
    query: 'mutation($id: ID!) { setMemberPassword(id: $id, password: "matrix reset password") { id } }',
    variables: { id: (await buildMember(server, await as('coordinator'))).id },
  }),
  'Mutation.setIssueStatus': async () => ({
    query: 'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
    variables: { id: await youthIssue() },
  }),
  'Mutation.supportIssue': async () => ({
    query: 'mutation($id: ID!) { supportIssue(id: $id) { id } }',
    variables: { id: publicIssue },
  }),
  'Mutation.updateEvent': async () => ({
    query: 'mutation($id: ID!) { updateEvent(id: $id, input: { title: "Renamed by the matrix" }) { id } }',
    variables: { id: await youthEvent() },
  }),

  'Mutation.updateMember': async () => ({
    query:
      'mutation($id: ID!, $org: ID!) { updateMember(id: $id, input: { name: "Promoted by the matrix", role: OFFICER, organizationId: $org }) { id } }',
    variables: { id: (await buildMember(server, await as('coordinator'))).id, org: server.basics.orgs.agency },
  }),
  'Mutation.updateOrganization': async () => ({
    query:
      'mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Renamed by the matrix", kind: FAITH }) { id } }',
    variables: { id: (await buildOrganization(server, await as('coordinator'))).id },
  }),
  'Mutation.updatePartnershipSettings': async () => ({
    query: 'mutation($text: String!) { updatePartnershipSettings(input: { welcomeText: $text }) { welcomeText } }',
    variables: { text: `Welcome, says the matrix (${++made})` },
  }),

  'Subscription.activity': async () => ({
    query: 'subscription($after: Int) { activity(after: $after) { seq } }',
    variables: { after: issueSeq },
  }),
  'Subscription.eventChanged': async () => ({
    query: 'subscription($after: Int) { eventChanged(after: $after) { seq } }',
    variables: { after: eventSeq },
  }),
  'Subscription.issueChanged': async () => ({
    query: 'subscription($after: Int) { issueChanged(after: $after) { seq } }',
    variables: { after: issueSeq },
  }),
  'Subscription.presence': async () => ({ query: 'subscription { presence { members { name } } }' }),
};

beforeAll(async () => {
  // Members may ask for a reset link only where the partnership sends email: an SMTP server that
  // is not there will do (every address the matrix asks about is unknown, so nothing is sent).
  server = await startServer({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
  const coordinator = await as('coordinator');
  tokens.public = null;
  for (const member of ['partner', 'otherPartner', 'officer', 'coordinator'] as const)
    tokens[member] = await as(member);
  for (const scope of CALLERS.filter((c) => c.includes(':'))) {
    tokens[scope] = (await buildApiToken(server, coordinator, [scope.replace(':', '_').toUpperCase()])).token;
  }
  issueSeq = (await server.gql('{ latestSeq }')).data.latestSeq;
  publicIssue = (await buildIssue(server, { title: 'Public matrix issue' })).id;
  eventSeq = (await server.gql('{ latestSeq }')).data.latestSeq;
  publicEvent = (await buildEvent(server, await as('officer'))).id;
});
afterAll(() => server?.close());

/** Runs one call as `caller`: HTTP for queries and mutations, graphql-ws for subscriptions. */
async function run(operation: string, caller: Caller, call: Call): Promise<GqlResult> {
  if (!operation.startsWith('Subscription.')) return server.gql(call.query, call.variables, tokens[caller]);
  const client = server.ws(tokens[caller]);
  try {
    const result = await once(client, call.query, call.variables);
    return { status: 101, ...result };
  } finally {
    await client.dispose();
  }
}

describe('who may call what', () => {
  it('the table covers exactly the operations in the schema', async () => {
    const res = await server.gql(`{
      query: __type(name: "Query") { fields { name } }
      mutation: __type(name: "Mutation") { fields { name } }
      subscription: __type(name: "Subscription") { fields { name } }
    }`);
    const inSchema = ['query', 'mutation', 'subscription'].flatMap((root) =>
      res.data[root].fields.map((f: { name: string }) => `${root[0].toUpperCase()}${root.slice(1)}.${f.name}`),
    );
    expect(inSchema.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (operation) => {
    const allowed = new Set(EXPECTED[operation].split(' '));
    const expected = Object.fromEntries(CALLERS.map((c) => [c, allowed.has(c) ? 'allow' : 'deny']));
    const actual: Record<string, string> = {};
    for (const caller of CALLERS) {
      const call = await CALLS[operation]();
      const before = operation.startsWith('Mutation.') ? await snapshotDb(server) : null;
      const res = await run(operation, caller, call);
      if (!res.errors || call.admitted?.(res)) {
        actual[caller] = 'allow';
        // A password change ends the caller's sessions, even to the same password: sign in again.
        if (operation === 'Mutation.changePassword' && caller in server.basics.emails) {
          const member = caller as keyof typeof server.basics.emails;
          server.forgetLogin(server.basics.emails[member]);
          tokens[caller] = await as(member);
        }
        continue;
      }
      // A refusal is one error, UNAUTHENTICATED for the public and FORBIDDEN for the others, and
      // a refused change writes nothing.
      const codes = res.errors.map((e) => e.extensions?.code);
      const refusal = caller === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(codes, `${operation} as ${caller}: ${JSON.stringify(res.errors)}`).toEqual([refusal]);
      expect(res.status).toBeLessThan(500);
      if (before) expect(await snapshotDb(server), `${operation} as ${caller} wrote something`).toEqual(before);
      actual[caller] = 'deny';
    }
    expect(actual).toEqual(expected);
  });
});
