import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, buildMember, countRows } from '../support/factories.js';
import { AccessLink } from '../../server/src/modules/access-links/access-link.entity.js';
import { pkOf } from '../support/ids.js';

const INVITATION_FIELDS =
  'id email name role status createdAt expiresAt acceptedAt organization { id name } invitedBy { name }';
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { inviteUrl emailed invitation { ${INVITATION_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { ${INVITATION_FIELDS} } }`;
const INVITATIONS = `query($status: [InvitationStatus!]) { invitations(status: $status) { ${INVITATION_FIELDS} } }`;
const ACCEPT =
  'mutation($code: String!, $p: String!, $name: String) { acceptInvitation(code: $code, password: $p, name: $name) { token member { id name role organization { id } } } }';
const RESET_LINK = 'mutation($id: ID!) { createPasswordResetLink(memberId: $id) { resetUrl emailed } }';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id role } } }';
const VIEWER = '{ viewer { id name email role organization { id name } } }';
const NODE = 'query($id: ID!) { node(id: $id) { id ... on Invitation { email status } } }';

const NEW_PASSWORD = 'my own long passphrase';
const CODE_IN = /[?&]code=([A-Za-z0-9_-]{43})/;
const codeOf = (url: string) => CODE_IN.exec(url)![1];

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
  apiToken = (await buildApiToken(server, coordinator, ['ISSUES_READ', 'ISSUES_WRITE', 'ACTIVITY_READ'])).token;
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const ok = <T = any>(res: GqlResult<T>): T => {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
};
let made = 0;
const inviteInput = (overrides: Record<string, unknown> = {}) => ({
  email: `invitee${++made}.${Date.now()}@test.local`,
  name: `Ivy Invitee ${made}`,
  role: 'PARTNER',
  organizationId: server.basics.orgs.youth,
  ...overrides,
});
const invite = async (on: TestServer, token: string, overrides: Record<string, unknown> = {}) =>
  ok(await on.gql(INVITE, { input: inviteInput(overrides) }, token)).inviteMember;
const accept = (on: TestServer, code: string, name?: string) =>
  on.gql(ACCEPT, { code, p: NEW_PASSWORD, ...(name ? { name } : {}) });
const activityKinds = async () =>
  (await sql('select kind, visibility, actor_id from activity order by seq')).map((r) => ({
    kind: r.kind,
    visibility: r.visibility,
    actor: r.actor_id == null ? null : Number(r.actor_id),
  }));

describe('who may not manage invitations and password links', () => {
  it('refuses the public (UNAUTHENTICATED), officers, partners and API tokens (FORBIDDEN), writing nothing', async () => {
    const pending = await invite(server, coordinator);
    const target = await buildMember(server, coordinator);
    const calls: [string, Record<string, unknown>][] = [
      [INVITE, { input: inviteInput({ role: 'COORDINATOR', organizationId: server.basics.orgs.agency }) }],
      [REVOKE, { id: pending.invitation.id }],
      [INVITATIONS, {}],
      [RESET_LINK, { id: target.id }],
    ];
    const links = await countRows(server, 'access_link');
    for (const [query, variables] of calls) {
      await refused(server, () => server.gql(query, variables), 'UNAUTHENTICATED');
      await refused(server, () => server.gql(query, variables, officer), 'FORBIDDEN');
      await refused(server, () => server.gql(query, variables, partner), 'FORBIDDEN');
      await refused(server, () => server.gql(query, variables, apiToken), 'FORBIDDEN', /API tokens may not/);
    }
    expect(await countRows(server, 'access_link')).toBe(links);
    const [row] = await sql('select revoked_at from access_link where id = ?', [pkOf(pending.invitation.id)]);
    expect(row.revoked_at).toBeNull();
  });

  it('node(id) shows an invitation to coordinators only', async () => {
    const { invitation } = await invite(server, coordinator);
    expect(ok(await server.gql(NODE, { id: invitation.id }, coordinator)).node).toEqual({
      id: invitation.id,
      email: invitation.email,
      status: 'PENDING',
    });
    for (const caller of [null, officer, partner, apiToken]) {
      expect(ok(await server.gql(NODE, { id: invitation.id }, caller)).node).toBeNull();
    }
  });

  it('acceptInvitation needs a real code: an unknown one is NOT_FOUND on field code', async () => {
    const error = await refused(server, () => accept(server, 'A'.repeat(43)), 'NOT_FOUND', /This link is not valid/);
    expect(error.extensions?.field).toBe('code');
  });
});

describe('inviting and accepting', () => {
  it('a coordinator invites; the invitee accepts once, signs in with their own password, as invited', async () => {
    const input = inviteInput({ email: '  Olga.New@Example.ORG ', name: 'Olga New', role: 'OFFICER' });
    input.organizationId = server.basics.orgs.agency;
    const before = Date.now();
    const payload = ok(await server.gql(INVITE, { input }, coordinator)).inviteMember;
    expect(payload.emailed).toBe(false); // no SMTP_URL here
    expect(payload.inviteUrl).toMatch(new RegExp(`^${server.app.publicUrl}/invitation\\?code=[A-Za-z0-9_-]{43}$`));
    expect(payload.invitation).toMatchObject({
      email: 'olga.new@example.org',
      name: 'Olga New',
      role: 'OFFICER',
      status: 'PENDING',
      acceptedAt: null,
      organization: { id: server.basics.orgs.agency, name: 'City Police' },
      invitedBy: { name: 'Cora Coordinator' },
    });
    const ttl = Date.parse(payload.invitation.expiresAt) - before;
    expect(ttl).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ttl).toBeLessThan(7 * 86_400_000 + 60_000);
    // The code itself is stored nowhere; its hash is.
    const code = codeOf(payload.inviteUrl);
    expect(JSON.stringify(await sql('select * from access_link'))).not.toContain(code);

    const accepted = ok(await accept(server, code, '  Olga N. ')).acceptInvitation;
    expect(accepted.member).toMatchObject({
      name: 'Olga N.',
      role: 'OFFICER',
      organization: { id: server.basics.orgs.agency },
    });
    const me = ok(await server.gql(VIEWER, {}, accepted.token)).viewer;
    expect(me).toMatchObject({ id: accepted.member.id, email: 'olga.new@example.org', role: 'OFFICER' });
    const signedIn = ok(await server.gql(LOGIN, { e: 'olga.new@example.org', p: NEW_PASSWORD })).login;
    expect(signedIn.member).toEqual({ id: accepted.member.id, role: 'OFFICER' });

    // Once only.
    const again = await refused(server, () => accept(server, code), 'BAD_USER_INPUT', /already been used/);
    expect(again.extensions).toMatchObject({ field: 'code', reason: 'LINK_USED' });
    const listed = ok(await server.gql(INVITATIONS, { status: ['ACCEPTED'] }, coordinator)).invitations;
    const mine = listed.find((i: { id: string }) => i.id === payload.invitation.id);
    expect(mine.status).toBe('ACCEPTED');
    expect(Date.parse(mine.acceptedAt)).toBeGreaterThanOrEqual(before);

    const cora = pkOf(ok(await server.gql(VIEWER, {}, coordinator)).viewer.id);
    const kinds = (await activityKinds()).filter((a) => /INVITED|ACCEPTED/.test(String(a.kind)));
    expect(kinds.slice(-2)).toEqual([
      { kind: 'MEMBER_INVITED', visibility: 'COORDINATORS', actor: cora },
      { kind: 'INVITATION_ACCEPTED', visibility: 'COORDINATORS', actor: pkOf(me.id) },
    ]);
  });

  it('takes the invited name when the invitee gives none', async () => {
    const payload = await invite(server, coordinator, { name: 'Nadia Named' });
    const accepted = ok(await accept(server, codeOf(payload.inviteUrl))).acceptInvitation;
    expect(accepted.member).toMatchObject({ name: 'Nadia Named', role: 'PARTNER' });
  });

  it('refuses an expired link and creates no member', async () => {
    const payload = await invite(server, coordinator);
    const em = server.app.orm.em.fork();
    await em.nativeUpdate(AccessLink, { pk: pkOf(payload.invitation.id) }, { expiresAt: new Date(Date.now() - 1000) });
    const error = await refused(server, () => accept(server, codeOf(payload.inviteUrl)), 'BAD_USER_INPUT', /expired/);
    expect(error.extensions).toMatchObject({ field: 'code', reason: 'LINK_EXPIRED' });
    const expired = ok(await server.gql(INVITATIONS, { status: ['EXPIRED'] }, coordinator)).invitations;
    expect(expired.map((i: { id: string }) => i.id)).toContain(payload.invitation.id);
    const pending = ok(await server.gql(INVITATIONS, { status: ['PENDING'] }, coordinator)).invitations;
    expect(pending.map((i: { id: string }) => i.id)).not.toContain(payload.invitation.id);
    expect(await sql('select id from member where email = ?', [payload.invitation.email])).toEqual([]);
  });

  it('refuses a revoked link and creates no member; revoking twice changes nothing', async () => {
    const payload = await invite(server, coordinator);
    const revoked = ok(await server.gql(REVOKE, { id: payload.invitation.id }, coordinator)).revokeInvitation;
    expect(revoked.status).toBe('REVOKED');
    const error = await refused(server, () => accept(server, codeOf(payload.inviteUrl)), 'BAD_USER_INPUT', /withdrawn/);
    expect(error.extensions).toMatchObject({ field: 'code', reason: 'LINK_REVOKED' });
    expect(await sql('select id from member where email = ?', [payload.invitation.email])).toEqual([]);
    const activities = await countRows(server, 'activity');
    expect(ok(await server.gql(REVOKE, { id: payload.invitation.id }, coordinator)).revokeInvitation.status).toBe(
      'REVOKED',
    );
    expect(await countRows(server, 'activity')).toBe(activities);
    expect((await activityKinds()).at(-1)).toMatchObject({ kind: 'INVITATION_REVOKED', visibility: 'COORDINATORS' });
  });

  it('an accepted invitation cannot be revoked', async () => {
    const payload = await invite(server, coordinator);
    ok(await accept(server, codeOf(payload.inviteUrl)));
    await refused(
      server,
      () => server.gql(REVOKE, { id: payload.invitation.id }, coordinator),
      'BAD_USER_INPUT',
      /already accepted/,
    );
  });

  it('inviting the same address again withdraws the earlier link; the new one works', async () => {
    const email = `twice.${Date.now()}@test.local`;
    const first = await invite(server, coordinator, { email });
    const second = await invite(server, coordinator, {
      email,
      role: 'OFFICER',
      organizationId: server.basics.orgs.agency,
    });
    const all = ok(await server.gql(INVITATIONS, {}, coordinator)).invitations;
    const ids = all.map((i: { id: string }) => i.id);
    // Newest first.
    expect(ids.indexOf(second.invitation.id)).toBeLessThan(ids.indexOf(first.invitation.id));
    expect(all.find((i: { id: string }) => i.id === first.invitation.id).status).toBe('REVOKED');
    expect((await accept(server, codeOf(first.inviteUrl))).errors?.[0].extensions?.reason).toBe('LINK_REVOKED');
    const accepted = ok(await accept(server, codeOf(second.inviteUrl))).acceptInvitation;
    expect(accepted.member.role).toBe('OFFICER');
  });

  it.each([
    ['an address that already has an account', { email: 'Officer@Test.Local' }, 'email', /already has an account/],
    ['something that is not an address', { email: 'Ivy Invitee' }, 'email', /email must be an email address/],
    ['an empty name', { name: '   ' }, 'name', /name must be 1 to 200/],
    ['an officer outside the agency', { role: 'OFFICER' }, 'organizationId', /an OFFICER must belong to an AGENCY/],
    ['a partner in the agency', { organizationId: 'AGENCY' }, 'organizationId', /a PARTNER must belong/],
    ['an unknown organization', { organizationId: 'NONE' }, 'organizationId', /names no organization/],
  ])(
    'inviteMember refuses %s (BAD_USER_INPUT on that field), writing nothing',
    async (_what, overrides: Record<string, string>, field, message) => {
      const organizationId =
        overrides.organizationId === 'AGENCY'
          ? server.basics.orgs.agency
          : overrides.organizationId === 'NONE'
            ? Buffer.from('Organization:9999').toString('base64url')
            : server.basics.orgs.youth;
      const links = await countRows(server, 'access_link');
      const error = await refused(
        server,
        () => server.gql(INVITE, { input: inviteInput({ ...overrides, organizationId }) }, coordinator),
        'BAD_USER_INPUT',
        message,
      );
      expect(error.extensions?.field).toBe(field);
      expect(await countRows(server, 'access_link')).toBe(links);
    },
  );

  it('acceptInvitation refuses a short password without spending the link', async () => {
    const payload = await invite(server, coordinator);
    const code = codeOf(payload.inviteUrl);
    const error = await refused(
      server,
      () => server.gql(ACCEPT, { code, p: 'short' }),
      'BAD_USER_INPUT',
      /password must be 12/,
    );
    expect(error.extensions?.field).toBe('password');
    ok(await accept(server, code));
  });

  it('refuses the invitation when the address got an account meanwhile', async () => {
    const payload = await invite(server, coordinator);
    await buildMember(server, coordinator, { email: payload.invitation.email });
    const error = await refused(
      server,
      () => accept(server, codeOf(payload.inviteUrl)),
      'BAD_USER_INPUT',
      /account with this email was created/,
    );
    expect(error.extensions?.field).toBe('code');
  });
});

describe('password links without SMTP', () => {
  it('a coordinator issues a 24-hour link for a member, to pass on; it is not emailed', async () => {
    const target = await buildMember(server, coordinator);
    const before = Date.now();
    const { createPasswordResetLink: link } = ok(await server.gql(RESET_LINK, { id: target.id }, coordinator));
    expect(link.emailed).toBe(false);
    expect(link.resetUrl).toMatch(new RegExp(`^${server.app.publicUrl}/password\\?code=[A-Za-z0-9_-]{43}$`));
    const [row] = await sql('select kind, member_id, expires_at, used_at from access_link where code_hash = ?', [
      createHash('sha256').update(codeOf(link.resetUrl)).digest('hex'),
    ]);
    expect(row).toMatchObject({ kind: 'PASSWORD', used_at: null });
    expect(Number(row.member_id)).toBe(pkOf(target.id));
    const ttl = new Date(row.expires_at as string).getTime() - before;
    expect(Math.abs(ttl - 86_400_000)).toBeLessThan(60_000);
    // Their password keeps working until they use the link.
    ok(await server.gql(LOGIN, { e: target.email, p: target.password }));
    expect((await activityKinds()).at(-1)).toMatchObject({ kind: 'PASSWORD_RESET_ISSUED', visibility: 'COORDINATORS' });
  });

  it('refuses an unknown member (NOT_FOUND) and a deactivated one', async () => {
    await refused(
      server,
      () => server.gql(RESET_LINK, { id: Buffer.from('Member:9999').toString('base64url') }, coordinator),
      'NOT_FOUND',
    );
    const target = await buildMember(server, coordinator);
    ok(await server.gql('mutation($id: ID!) { deactivateMember(id: $id) { id } }', { id: target.id }, coordinator));
    await refused(
      server,
      () => server.gql(RESET_LINK, { id: target.id }, coordinator),
      'BAD_USER_INPUT',
      /is deactivated; reactivate them first/,
    );
  });

  it('requestPasswordReset is FORBIDDEN: the partnership sends no email, a coordinator must issue the link', async () => {
    await refused(
      server,
      () => server.gql(REQUEST_RESET, { e: server.basics.emails.partner }),
      'FORBIDDEN',
      /does not send email; ask a coordinator for a reset link/,
    );
  });
});

/** A real SMTP server on a free loopback port; every message it accepts, parsed by mailparser. */
interface Inbox {
  url: string;
  messages: { to: string[]; from: string; mail: ParsedMail }[];
  /** Resolves with the first message (after `seen`) for `to`. */
  next(to: string, seen?: number, ms?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

const BOUNCING = 'bounce@test.local';

async function startInbox(): Promise<Inbox> {
  const messages: Inbox['messages'] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    // No certificate here: the board's mailer would (rightly) refuse a self-signed STARTTLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === BOUNCING) return callback(new Error('550 No such mailbox'));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  const listening = smtp.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  const { port } = listening.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async next(to, seen = 0, ms = 5000) {
      const found = () => messages.slice(seen).find((m) => m.to.includes(to));
      await expect.poll(() => found(), { timeout: ms }).toBeDefined();
      return found()!.mail;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

describe('with SMTP', () => {
  let inbox: Inbox;
  let mailing: TestServer;
  let mailingCoordinator: string;
  const FROM = 'City Board <board@city.test>';

  beforeAll(async () => {
    inbox = await startInbox();
    mailing = await startServer({
      config: {
        smtpUrl: inbox.url,
        mailFrom: FROM,
        // Reset requests count as sign-in attempts for the address asked about.
        rateLimits: {
          login: { points: 1000, seconds: 600 },
          account: { points: 4, seconds: 600 },
          report: { points: 1000, seconds: 600 },
          mutation: { points: 1000, seconds: 60 },
        },
      },
    });
    mailingCoordinator = await mailing.login(mailing.basics.emails.coordinator);
  });
  afterAll(async () => {
    await mailing?.close();
    await inbox?.close();
  });

  it('emails the invitation with a link that works', async () => {
    const seen = inbox.messages.length;
    const email = `mailed.${Date.now()}@test.local`;
    const payload = await invite(mailing, mailingCoordinator, {
      email,
      role: 'OFFICER',
      organizationId: mailing.basics.orgs.agency,
    });
    expect(payload.emailed).toBe(true);
    const mail = await inbox.next(email, seen);
    expect(mail.from?.value).toEqual([{ address: 'board@city.test', name: 'City Board' }]);
    expect(inbox.messages.at(-1)!.from).toBe('board@city.test');
    expect(mail.subject).toBe('You are invited to Bridgeboard');
    expect(mail.html).toBe(false);
    const text = mail.text ?? '';
    expect(text).toContain('Cora Coordinator invited you to join Bridgeboard as an officer of City Police.');
    expect(text).toMatch(/This link works once and expires on \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M UTC\./);
    const link = /https?:\/\/\S+\/invitation\?code=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
    expect(link).toBe(payload.inviteUrl);
    const accepted = ok(await accept(mailing, codeOf(link!))).acceptInvitation;
    expect(accepted.member.role).toBe('OFFICER');
    ok(await mailing.gql(LOGIN, { e: email, p: NEW_PASSWORD }));
  });

  it('a refused message still answers the link, with emailed false', async () => {
    const payload = await invite(mailing, mailingCoordinator, { email: BOUNCING });
    expect(payload.emailed).toBe(false);
    expect(payload.inviteUrl).toMatch(CODE_IN);
    ok(await accept(mailing, codeOf(payload.inviteUrl)));
  });

  it('a coordinator-issued password link is emailed to the member', async () => {
    const target = await buildMember(mailing, mailingCoordinator);
    const seen = inbox.messages.length;
    const { createPasswordResetLink: link } = ok(await mailing.gql(RESET_LINK, { id: target.id }, mailingCoordinator));
    expect(link.emailed).toBe(true);
    const mail = await inbox.next(target.email, seen);
    expect(mail.subject).toBe('Set a new Bridgeboard password');
    expect(mail.text).toContain('A coordinator issued a link for you');
    expect(mail.text).toContain(link.resetUrl);
  });

  it('a member asks for a reset by email: a 1-hour password link reaches them, and only them', async () => {
    const seen = inbox.messages.length;
    const before = Date.now();
    const answer = ok(await mailing.gql(REQUEST_RESET, { e: '  PARTNER@test.local ' })).requestPasswordReset;
    expect(answer).toBe(true);
    const mail = await inbox.next(mailing.basics.emails.partner, seen);
    expect(mail.subject).toBe('Set a new Bridgeboard password');
    expect(mail.text).toContain('Someone asked to reset your Bridgeboard password');
    const link = /https?:\/\/\S+\/password\?code=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
    expect(link?.[0].startsWith(mailing.app.publicUrl)).toBe(true);
    const [row] = await sqlOf(() => mailing)(
      'select kind, member_id, expires_at, used_at, created_by_id from access_link where code_hash = ?',
      [createHash('sha256').update(link![1]).digest('hex')],
    );
    expect(row).toMatchObject({ kind: 'PASSWORD', used_at: null, created_by_id: null });
    const partner = ok(await mailing.gql(VIEWER, {}, await mailing.login(mailing.basics.emails.partner))).viewer;
    expect(Number(row.member_id)).toBe(pkOf(partner.id));
    expect(Math.abs(new Date(row.expires_at as string).getTime() - before - 3_600_000)).toBeLessThan(60_000);
    const [activity] = await sqlOf(() => mailing)(
      "select visibility, actor_id from activity where kind = 'PASSWORD_RESET_ISSUED' order by seq desc",
    );
    expect(activity).toEqual({ visibility: 'COORDINATORS', actor_id: null });
    // The emailed link works: a new password, and signing in with it.
    ok(
      await mailing.gql(
        'mutation($code: String!, $p: String!) { resetPassword(code: $code, password: $p) { token } }',
        {
          code: link![1],
          p: NEW_PASSWORD,
        },
      ),
    );
    ok(await mailing.gql(LOGIN, { e: mailing.basics.emails.partner, p: NEW_PASSWORD }));
  });

  it('answers true for an unknown address and sends nothing, writes nothing', async () => {
    const seen = inbox.messages.length;
    const links = await countRows(mailing, 'access_link');
    const activities = await countRows(mailing, 'activity');
    expect(ok(await mailing.gql(REQUEST_RESET, { e: 'nobody@test.local' })).requestPasswordReset).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(inbox.messages.slice(seen)).toEqual([]);
    expect(await countRows(mailing, 'access_link')).toBe(links);
    expect(await countRows(mailing, 'activity')).toBe(activities);
  });

  it('counts requests against the sign-in limit for that address', async () => {
    const email = 'hammered@test.local';
    for (let i = 0; i < 4; i++)
      expect(ok(await mailing.gql(REQUEST_RESET, { e: email })).requestPasswordReset).toBe(true);
    const res = await mailing.gql(REQUEST_RESET, { e: email });
    expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
