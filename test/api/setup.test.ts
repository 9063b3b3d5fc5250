import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectRefused as refused, sqlOf, theError } from '../support/assert.js';
import { PASSWORD, startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildAccessLink, buildApiToken, buildMember, snapshotDb } from '../support/factories.js';
import { collect, type Collector } from '../support/live.js';
import { AccessLink } from '../../server/src/modules/access-links/access-link.entity.js';
import { Neighborhood } from '../../server/src/modules/neighborhoods/neighborhood.entity.js';
import { toGlobalId } from '../../server/src/common/relay.js';
import { seedDemo } from '../../server/src/db/seeders/demo.seeder.js';

const PARTNERSHIP =
  '{ partnership { name timeZone language mapCenter { lat lng } mapZoom tileUrl welcomeText setupRequired passwordResetByEmail } }';
const UPDATE_SETTINGS = `mutation($input: PartnershipSettingsInput!) {
  updatePartnershipSettings(input: $input) { name timeZone language mapCenter { lat lng } mapZoom tileUrl welcomeText setupRequired }
}`;
const COMPLETE_SETUP = `mutation($code: String!, $input: SetupInput!) {
  completeSetup(code: $code, input: $input) { token expiresAt member { id name role email organization { name kind } } }
}`;
const ACCESS_LINK =
  'query($code: String!) { accessLink(code: $code) { kind email name role organizationName expiresAt } }';
const RESET_PASSWORD =
  'mutation($code: String!, $p: String!) { resetPassword(code: $code, password: $p) { token member { id name } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id role } } }';
const ACTIVITIES = '{ activities(first: 100) { seq kind visibility summary } }';
const ACTIVITY_FEED = 'subscription($after: Int) { activity(after: $after) { seq kind summary } }';

const ok = <T = any>(res: GqlResult<T>): T => {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
};
const codeOf = (url: string) => new URL(url).searchParams.get('code')!;
const kindsOf = (res: GqlResult) => (res.data?.activities ?? []).map((a: { kind: string }) => a.kind) as string[];

const SETUP = {
  partnershipName: 'Riverside Community Partnership',
  timeZone: 'America/Chicago',
  language: 'es',
  agencyName: 'Riverside Police Department',
  coordinatorName: 'Rosa Rivera',
  coordinatorEmail: 'Rosa.Rivera@Riverside.example',
  coordinatorPassword: 'a long setup passphrase',
};

describe('partnership settings (a city that is set up)', () => {
  let server: TestServer;
  let coordinator: string;
  let officer: string;
  let partner: string;
  let apiToken: string;
  const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
    refused(server, run, code, message);

  beforeAll(async () => {
    server = await startServer();
    coordinator = await server.login(server.basics.emails.coordinator);
    officer = await server.login(server.basics.emails.officer);
    partner = await server.login(server.basics.emails.partner);
    apiToken = (await buildApiToken(server, coordinator, ['ISSUES_WRITE', 'EVENTS_WRITE', 'ACTIVITY_READ'])).token;
  });
  afterAll(() => server?.close());

  it('updatePartnershipSettings refuses the public, officers, partners and API tokens, writing nothing', async () => {
    const input = { input: { name: 'Taken over', welcomeText: 'Hello from an intruder' } };
    await expectRefused(() => server.gql(UPDATE_SETTINGS, input), 'UNAUTHENTICATED');
    await expectRefused(() => server.gql(UPDATE_SETTINGS, input, officer), 'FORBIDDEN');
    await expectRefused(() => server.gql(UPDATE_SETTINGS, input, partner), 'FORBIDDEN');
    await expectRefused(() => server.gql(UPDATE_SETTINGS, input, apiToken), 'FORBIDDEN', /API tokens may not/);
    expect(ok(await server.gql(PARTNERSHIP)).partnership.name).toBe('');
  });

  it('anyone reads the partnership; before anything is set it has the defaults and setup is closed', async () => {
    expect(ok(await server.gql(PARTNERSHIP)).partnership).toEqual({
      name: '',
      timeZone: 'UTC',
      language: 'en',
      mapCenter: null,
      mapZoom: null,
      tileUrl: null,
      welcomeText: null,
      // Coordinators exist here.
      setupRequired: false,
      passwordResetByEmail: false,
    });
    expect(ok(await server.gql(PARTNERSHIP, {}, apiToken)).partnership.timeZone).toBe('UTC');
  });

  it('a coordinator changes only the fields given, and null clears the optional ones', async () => {
    const set = ok(
      await server.gql(
        UPDATE_SETTINGS,
        {
          input: {
            name: '  Westbrook Partnership ',
            timeZone: 'America/Denver',
            language: 'es',
            mapCenter: { lat: 45.52, lng: -122.67 },
            mapZoom: 13,
            tileUrl: 'https://tiles.city.example/{z}/{x}/{y}.png',
            welcomeText: 'Report what you see; we answer within two days.',
          },
        },
        coordinator,
      ),
    ).updatePartnershipSettings;
    expect(set).toMatchObject({
      name: 'Westbrook Partnership',
      timeZone: 'America/Denver',
      language: 'es',
      mapCenter: { lat: 45.52, lng: -122.67 },
      mapZoom: 13,
    });
    const cleared = ok(
      await server.gql(UPDATE_SETTINGS, { input: { tileUrl: null, mapCenter: null, mapZoom: null } }, coordinator),
    ).updatePartnershipSettings;
    expect(cleared).toMatchObject({
      name: 'Westbrook Partnership',
      language: 'es',
      welcomeText: 'Report what you see; we answer within two days.',
      tileUrl: null,
      mapCenter: null,
      mapZoom: null,
    });
    // The public reads what the coordinator wrote.
    expect(ok(await server.gql(PARTNERSHIP)).partnership).toMatchObject({
      name: 'Westbrook Partnership',
      timeZone: 'America/Denver',
    });
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a 201-character name', { name: 'x'.repeat(201) }, 'name'],
    ['a name of zero-width spaces', { name: '\u200b\u200b' }, 'name'],
    ['a name on two lines', { name: 'Two\nlines' }, 'name'],
    ['clearing the name', { name: null }, 'name'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a time zone in the wrong case', { timeZone: 'america/chicago' }, 'timeZone'],
    ['a time zone abbreviation', { timeZone: 'EST' }, 'timeZone'],
    ['a language the board does not speak', { language: 'fr' }, 'language'],
    ['a latitude past the pole', { mapCenter: { lat: 91, lng: 0 } }, 'mapCenter.lat'],
    ['a longitude past -180', { mapCenter: { lat: 0, lng: -181 } }, 'mapCenter.lng'],
    ['zoom 0', { mapZoom: 0 }, 'mapZoom'],
    ['zoom 21', { mapZoom: 21 }, 'mapZoom'],
    ['a tile URL without {y}', { tileUrl: 'https://tiles.example/{z}/{x}.png' }, 'tileUrl'],
    ['an ftp tile URL', { tileUrl: 'ftp://tiles.example/{z}/{x}/{y}.png' }, 'tileUrl'],
    ['a javascript: tile URL', { tileUrl: 'javascript:alert(1)//{z}/{x}/{y}' }, 'tileUrl'],
    ['2001 characters of welcome text', { welcomeText: 'w'.repeat(2001) }, 'welcomeText'],
    // A valid field next to a bad one is not written either.
    ['a good field next to a bad one', { welcomeText: 'Fine text', language: 'de' }, 'language'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, input, field) => {
    const error = await expectRefused(() => server.gql(UPDATE_SETTINGS, { input }, coordinator), 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toContain(field.split('.')[0]);
  });

  it('accepts UTC, canonical zones and the newer IANA names', async () => {
    for (const timeZone of ['UTC', 'Europe/Madrid', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata']) {
      expect(
        ok(await server.gql(UPDATE_SETTINGS, { input: { timeZone } }, coordinator)).updatePartnershipSettings.timeZone,
      ).toBe(timeZone);
    }
  });

  it('every change is in the feed for coordinators only; a change to nothing writes nothing', async () => {
    const before = kindsOf(await server.gql(ACTIVITIES, {}, coordinator)).filter(
      (k) => k === 'SETTINGS_UPDATED',
    ).length;
    ok(await server.gql(UPDATE_SETTINGS, { input: { welcomeText: 'Open house on Saturday' } }, coordinator));
    const snapshot = await snapshotDb(server);
    ok(await server.gql(UPDATE_SETTINGS, { input: { welcomeText: 'Open house on Saturday' } }, coordinator));
    expect(await snapshotDb(server)).toEqual(snapshot);
    const feed = ok(await server.gql(ACTIVITIES, {}, coordinator)).activities;
    expect(feed.filter((a: { kind: string }) => a.kind === 'SETTINGS_UPDATED')).toHaveLength(before + 1);
    expect(feed[0]).toMatchObject({
      kind: 'SETTINGS_UPDATED',
      visibility: 'COORDINATORS',
      summary: "Cora Coordinator changed the partnership's welcome text",
    });
    for (const token of [officer, partner, apiToken, null]) {
      expect(kindsOf(await server.gql(ACTIVITIES, {}, token))).not.toContain('SETTINGS_UPDATED');
    }
  });

  it('with SMTP configured, members may ask for a reset link themselves', async () => {
    const withSmtp = await startServer({ config: { smtpUrl: 'smtp://127.0.0.1:2525' } });
    try {
      expect(ok(await withSmtp.gql(PARTNERSHIP)).partnership.passwordResetByEmail).toBe(true);
    } finally {
      await withSmtp.close();
    }
  });
});

describe('organizations and API tokens in the coordinators’ feed', () => {
  let server: TestServer;
  let coordinator: string;

  beforeAll(async () => {
    server = await startServer();
    coordinator = await server.login(server.basics.emails.coordinator);
  });
  afterAll(() => server?.close());

  it('creating and changing organizations and tokens is recorded in plain words, for coordinators only', async () => {
    const org = ok(
      await server.gql(
        'mutation { createOrganization(input: { name: "Northside Tenants", kind: NEIGHBORHOOD }) { id } }',
        {},
        coordinator,
      ),
    ).createOrganization;
    ok(
      await server.gql(
        'mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Northside Tenants Union", kind: OTHER }) { id } }',
        { id: org.id },
        coordinator,
      ),
    );
    // Nothing changes: nothing recorded.
    ok(
      await server.gql(
        'mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Northside Tenants Union" }) { id } }',
        { id: org.id },
        coordinator,
      ),
    );
    const token = await buildApiToken(server, coordinator, ['ACTIVITY_READ'], { name: 'Dispatch sync' });
    ok(await server.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, coordinator));
    ok(await server.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, coordinator));

    const feed = ok(await server.gql(ACTIVITIES, {}, coordinator))
      .activities.slice()
      .reverse();
    expect(
      feed.map((a: { kind: string; summary: string; visibility: string }) => [a.kind, a.visibility, a.summary]),
    ).toEqual([
      ['ORGANIZATION_CREATED', 'COORDINATORS', 'Cora Coordinator added Northside Tenants (NEIGHBORHOOD)'],
      [
        'ORGANIZATION_UPDATED',
        'COORDINATORS',
        'Cora Coordinator updated Northside Tenants: renamed it Northside Tenants Union, made it OTHER',
      ],
      ['API_TOKEN_CREATED', 'COORDINATORS', 'Cora Coordinator created the API token "Dispatch sync" for City Police'],
      ['API_TOKEN_REVOKED', 'COORDINATORS', 'Cora Coordinator revoked the API token "Dispatch sync" of City Police'],
    ]);
    const officer = await server.login(server.basics.emails.officer);
    const reader = (await buildApiToken(server, coordinator, ['ACTIVITY_READ'])).token;
    for (const viewer of [officer, reader, null]) {
      expect(ok(await server.gql(ACTIVITIES, {}, viewer)).activities).toEqual([]);
    }
  });
});

describe('first-run setup on an empty database', () => {
  let server: TestServer;
  let firstUrl: string;
  let setupUrl: string;
  let logged: string[];
  let session: { token: string; member: { id: string } };

  beforeAll(async () => {
    const log = vi.spyOn(console, 'log');
    const first = await startServer({ seed: false });
    firstUrl = first.app.setupUrl!;
    await first.stop();
    // Every start before setup issues a new link; the older one stays valid.
    server = await startServer({ db: first.db, seed: false });
    setupUrl = server.app.setupUrl!;
    logged = log.mock.calls.map((args) => String(args[0])).filter((line) => line.startsWith('Set up Bridgeboard'));
    log.mockRestore();
  });
  afterAll(() => server?.close());

  const complete = (code: string, overrides: Record<string, unknown> = {}) =>
    server.gql(COMPLETE_SETUP, { code, input: { ...SETUP, ...overrides } });

  it('has a setup link, logged once per start, and says setup is required', async () => {
    expect(setupUrl).toMatch(new RegExp(`^${server.app.publicUrl}/setup\\?code=[A-Za-z0-9_-]{43}$`));
    expect(firstUrl).not.toBe(setupUrl);
    expect(logged).toEqual([
      `Set up Bridgeboard: open ${firstUrl} (valid for 24 hours, until used)`,
      `Set up Bridgeboard: open ${setupUrl} (valid for 24 hours, until used)`,
    ]);
    expect(ok(await server.gql(PARTNERSHIP)).partnership).toMatchObject({ name: '', setupRequired: true });
    // The code is stored nowhere: only its hash.
    const rows = await sqlOf(() => server)('select code_hash from access_link');
    expect(JSON.stringify(rows)).not.toContain(codeOf(setupUrl));
    for (const url of [firstUrl, setupUrl]) {
      const info = ok(await server.gql(ACCESS_LINK, { code: codeOf(url) })).accessLink;
      expect(info).toMatchObject({ kind: 'SETUP', email: null, name: null, role: null, organizationName: null });
      const hours = (new Date(info.expiresAt).getTime() - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
    }
  });

  it.each([
    ['an empty partnership name', { partnershipName: '' }, 'partnershipName'],
    ['a time zone in words', { timeZone: 'Central Time' }, 'timeZone'],
    ['a language in capitals', { language: 'EN' }, 'language'],
    ['a blank agency name', { agencyName: ' ' }, 'agencyName'],
    ['a 201-character coordinator name', { coordinatorName: 'n'.repeat(201) }, 'coordinatorName'],
    ['an email without @', { coordinatorEmail: 'rosa at riverside' }, 'coordinatorEmail'],
    ['a short password', { coordinatorPassword: 'short' }, 'coordinatorPassword'],
    ['a 1001-character password', { coordinatorPassword: 'p'.repeat(1001) }, 'coordinatorPassword'],
  ])('refuses %s, naming the field, and creates nothing', async (_label, overrides, field) => {
    const error = await refused(server, () => complete(codeOf(setupUrl), overrides), 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toContain(field);
    expect(ok(await server.gql(PARTNERSHIP)).partnership.setupRequired).toBe(true);
  });

  it('refuses an unknown code and an expired one', async () => {
    const unknown = await refused(server, () => complete('x'.repeat(43)), 'NOT_FOUND', /not valid/);
    expect(unknown.extensions?.field).toBe('code');
    const expired = await buildAccessLink(server, 'SETUP');
    await server.app.orm.em
      .fork()
      .nativeUpdate(AccessLink, { pk: expired.pk }, { expiresAt: new Date(Date.now() - 1000) });
    const error = await refused(server, () => complete(expired.code), 'BAD_USER_INPUT', /expired/);
    expect(error.extensions).toMatchObject({ reason: 'LINK_EXPIRED', field: 'code' });
    theError(await server.gql(ACCESS_LINK, { code: expired.code }));
  });

  it('creates the partnership, the agency and the coordinator, signs them in, and closes', async () => {
    const res = ok(await complete(codeOf(setupUrl))).completeSetup;
    session = res;
    expect(res.member).toMatchObject({
      name: 'Rosa Rivera',
      role: 'COORDINATOR',
      organization: { name: 'Riverside Police Department', kind: 'AGENCY' },
    });
    expect(ok(await server.gql('{ viewer { id role email } }', {}, res.token)).viewer).toEqual({
      id: res.member.id,
      role: 'COORDINATOR',
      email: 'rosa.rivera@riverside.example',
    });
    expect(ok(await server.gql(PARTNERSHIP)).partnership).toMatchObject({
      name: 'Riverside Community Partnership',
      timeZone: 'America/Chicago',
      language: 'es',
      setupRequired: false,
    });
    // The password was stored as argon2id and works for login.
    const [row] = await sqlOf(() => server)('select password_hash from member where email = ?', [
      'rosa.rivera@riverside.example',
    ]);
    expect(String(row.password_hash)).toMatch(/^\$argon2id\$/);
    ok(await server.gql(LOGIN, { e: SETUP.coordinatorEmail, p: SETUP.coordinatorPassword }));
    // Every setup link is spent, the older one too.
    const open = await sqlOf(() => server)(
      "select count(*) as n from access_link where kind = 'SETUP' and used_at is null and expires_at > ?",
      [new Date()],
    );
    expect(Number(open[0].n)).toBe(0);
  });

  it('refuses the same code again (LINK_USED) and any other code (SETUP_CLOSED)', async () => {
    const again = await refused(
      server,
      () => complete(codeOf(setupUrl), { coordinatorEmail: 'other@riverside.example' }),
      'BAD_USER_INPUT',
    );
    expect(again.extensions?.reason).toBe('LINK_USED');
    const fresh = await buildAccessLink(server, 'SETUP');
    const closed = await refused(
      server,
      () => complete(fresh.code, { coordinatorEmail: 'other@riverside.example' }),
      'FORBIDDEN',
      /already complete/,
    );
    expect(closed.extensions?.reason).toBe('SETUP_CLOSED');
  });

  it('shows SETUP_COMPLETED to coordinators only, by query and by subscription', async () => {
    const coordinator = session.token;
    const agency = ok(await server.gql('{ organizations { id name } }')).organizations[0].id;
    const youth = ok(
      await server.gql(
        'mutation { createOrganization(input: { name: "Youth Club", kind: YOUTH }) { id } }',
        {},
        coordinator,
      ),
    ).createOrganization.id;
    const member = async (role: string, organizationId: string) => {
      const email = `${role.toLowerCase()}@riverside.example`;
      const input = { name: `Riverside ${role}`, email, role, organizationId, password: PASSWORD };
      ok(
        await server.gql(
          'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
          { input },
          coordinator,
        ),
      );
      return server.login(email);
    };
    const viewers: [string, string | null][] = [
      ['officer', await member('OFFICER', agency)],
      ['partner', await member('PARTNER', youth)],
      ['activity:read token', (await buildApiToken(server, coordinator, ['ACTIVITY_READ'])).token],
      ['public', null],
    ];
    expect(kindsOf(await server.gql(ACTIVITIES, {}, coordinator))).toContain('SETUP_COMPLETED');
    for (const [who, token] of viewers) {
      expect(kindsOf(await server.gql(ACTIVITIES, {}, token)), who).not.toContain('SETUP_COMPLETED');
    }

    // Replay from the start, then live: an admin change, then a public report as the marker.
    const feeds = [['coordinator', coordinator] as [string, string | null], ...viewers].map(([who, token]) => ({
      who,
      feed: collect<FeedEvent>(server.ws(token), ACTIVITY_FEED, { after: 0 }),
    }));
    await new Promise((r) => setTimeout(r, 300));
    ok(await server.gql(UPDATE_SETTINGS, { input: { welcomeText: 'Bienvenidos' } }, coordinator));
    const em = server.app.orm.em.fork();
    const hood = em.create(Neighborhood, { name: 'Centro', centerLat: 41.88, centerLng: -87.63 });
    await em.flush();
    ok(
      await server.gql(
        'mutation($n: ID!) { reportIssue(input: { title: "Broken swing", category: OTHER, neighborhoodId: $n }) { id } }',
        { n: toGlobalId('Neighborhood', hood.pk) },
      ),
    );
    for (const { who, feed } of feeds) {
      const events = await waitForKind(feed, 'ISSUE_REPORTED');
      const kinds = events.map((e) => e.activity.kind);
      if (who === 'coordinator') {
        expect(kinds).toEqual(expect.arrayContaining(['SETUP_COMPLETED', 'ORGANIZATION_CREATED', 'SETTINGS_UPDATED']));
        expect(events[0].activity.summary).toBe(
          'Rosa Rivera set up Riverside Community Partnership, with Riverside Police Department as its police agency',
        );
      } else {
        expect(kinds, who).toEqual(['ISSUE_REPORTED']);
      }
      feed.stop();
    }
  });

  it('issues no setup link at the next start', async () => {
    await server.stop();
    server = await startServer({ db: server.db, seed: false });
    expect(server.app.setupUrl).toBeNull();
    expect(ok(await server.gql(PARTNERSHIP)).partnership.setupRequired).toBe(false);
  });
});

describe('two setups at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ seed: false, announceSetup: false });
  });
  afterAll(() => server?.close());

  it('only one of two links followed at the same moment creates a coordinator', async () => {
    const [a, b] = [await buildAccessLink(server, 'SETUP'), await buildAccessLink(server, 'SETUP')];
    const results = await Promise.all(
      [a, b].map((link, i) =>
        server.gql(COMPLETE_SETUP, {
          code: link.code,
          input: { ...SETUP, coordinatorEmail: `racer${i}@riverside.example` },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const loser = results.find((r) => r.errors)!;
    expect(theError(loser).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SETUP_CLOSED' });
    const coordinators = await sqlOf(() => server)("select count(*) as n from member where role = 'COORDINATOR'");
    expect(Number(coordinators[0].n)).toBe(1);
  });
});

describe('PASSWORD links', () => {
  let server: TestServer;
  let coordinator: string;

  beforeAll(async () => {
    server = await startServer();
    coordinator = await server.login(server.basics.emails.coordinator);
  });
  afterAll(() => server?.close());

  it('accessLink says whose password the link sets; unknown and spent codes are refused', async () => {
    const { code } = await buildAccessLink(server, 'PASSWORD', { email: server.basics.emails.partner });
    expect(ok(await server.gql(ACCESS_LINK, { code })).accessLink).toMatchObject({
      kind: 'PASSWORD',
      email: 'partner@test.local',
      name: 'Paula Partner',
      role: null,
      organizationName: 'Youth Alliance',
    });
    expect(theError(await server.gql(ACCESS_LINK, { code: 'not-a-code' })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'code',
    });
  });

  it('resetPassword sets the password, ends older sessions, signs in, and works once', async () => {
    const member = await buildMember(server, coordinator);
    const oldSession = await server.login(member.email);
    const { code } = await buildAccessLink(server, 'PASSWORD', { email: member.email });
    const other = await buildAccessLink(server, 'PASSWORD', { email: member.email });

    const short = await refused(server, () => server.gql(RESET_PASSWORD, { code, p: 'too short' }), 'BAD_USER_INPUT');
    expect(short.extensions?.field).toBe('password');

    const res = ok(await server.gql(RESET_PASSWORD, { code, p: 'my own new passphrase' })).resetPassword;
    expect(res.member).toMatchObject({ id: member.id, name: member.name });
    expect(ok(await server.gql('{ viewer { id } }', {}, res.token)).viewer.id).toBe(member.id);
    expect(theError(await server.gql('{ viewer { id } }', {}, oldSession)).extensions?.code).toBe('UNAUTHENTICATED');
    ok(await server.gql(LOGIN, { e: member.email, p: 'my own new passphrase' }));
    expect(theError(await server.gql(LOGIN, { e: member.email, p: member.password })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const again = await refused(
      server,
      () => server.gql(RESET_PASSWORD, { code, p: 'a third passphrase' }),
      'BAD_USER_INPUT',
    );
    expect(again.extensions?.reason).toBe('LINK_USED');
    // The member's other pending link ended with the new password.
    const revoked = await refused(
      server,
      () => server.gql(RESET_PASSWORD, { code: other.code, p: 'a third passphrase' }),
      'BAD_USER_INPUT',
    );
    expect(revoked.extensions?.reason).toBe('LINK_REVOKED');

    const feed = ok(await server.gql(ACTIVITIES, {}, coordinator)).activities;
    expect(feed[0]).toMatchObject({
      kind: 'PASSWORD_CHANGED',
      visibility: 'COORDINATORS',
      summary: `${member.name} set a new password with a one-time link`,
    });
    const officer = await server.login(server.basics.emails.officer);
    expect(kindsOf(await server.gql(ACTIVITIES, {}, officer))).not.toContain('PASSWORD_CHANGED');
  });

  it('refuses a deactivated member, changing nothing', async () => {
    const member = await buildMember(server, coordinator);
    const { code } = await buildAccessLink(server, 'PASSWORD', { email: member.email });
    await sqlOf(() => server)('update member set deactivated_at = ? where email = ?', [new Date(), member.email]);
    await refused(
      server,
      () => server.gql(RESET_PASSWORD, { code, p: 'my own new passphrase' }),
      'FORBIDDEN',
      /deactivated/,
    );
  });

  it('refuses a link of another kind', async () => {
    const setup = await buildAccessLink(server, 'SETUP');
    await refused(
      server,
      () => server.gql(RESET_PASSWORD, { code: setup.code, p: 'my own new passphrase' }),
      'NOT_FOUND',
    );
  });
});

describe('the demo city', () => {
  let server: TestServer;
  beforeAll(async () => {
    // As `pnpm demo` starts: no setup link, then the seeder.
    server = await startServer({ seed: false, announceSetup: false });
  });
  afterAll(() => server?.close());

  it('comes with its partnership settings, its map centred on its neighborhoods', async () => {
    expect(server.app.setupUrl).toBeNull();
    await seedDemo(server.app.services);
    const { partnership } = ok(await server.gql(PARTNERSHIP));
    expect(partnership).toMatchObject({
      name: 'Demo City Partnership',
      timeZone: 'America/Los_Angeles',
      language: 'en',
      setupRequired: false,
    });
    const hoods: { centerLat: number; centerLng: number }[] = ok(
      await server.gql('{ neighborhoods { centerLat centerLng } }'),
    ).neighborhoods;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(partnership.mapCenter.lat).toBeCloseTo(mean(hoods.map((n) => n.centerLat)), 4);
    expect(partnership.mapCenter.lng).toBeCloseTo(mean(hoods.map((n) => n.centerLng)), 4);
  });
});

/** The feed's events up to and including the first of `kind`. */
type FeedEvent = { activity: { seq: number; kind: string; summary: string } };

async function waitForKind(feed: Collector<FeedEvent>, kind: string, ms = 8000): Promise<FeedEvent[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = feed.events.findIndex((e) => e.activity.kind === kind);
    if (found >= 0) return feed.events.slice(0, found + 1);
    if (feed.errors.length) throw new Error(`subscription error: ${JSON.stringify(feed.errors)}`);
    if (Date.now() > deadline) throw new Error(`no ${kind} in ${JSON.stringify(feed.events)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
