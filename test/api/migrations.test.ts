import { afterAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../../server/src/db/orm.js';
import { hashPassword } from '../../server/src/auth/password.js';
import { toGlobalId } from '../../server/src/common/relay.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';
import { TEST_PASSWORD as PASSWORD } from '../support/fixtures.js';

// The migration before issue 7's: a database a city already runs.
const BEFORE_CITY_SETUP = 'Migration20261125220544';

let db: TestDatabase | undefined;
let server: TestServer | undefined;
afterAll(async () => {
  if (server) await server.close();
  else await db?.drop();
});
// The migration before issue 8's co-hosting by consent.
const BEFORE_COHOST_CONSENT = 'Migration20261201083501';
let cohostDb: TestDatabase | undefined;
let cohostServer: TestServer | undefined;
afterAll(async () => {
  if (cohostServer) await cohostServer.close();
  else await cohostDb?.drop();
});

describe('upgrading a database that holds data', () => {
  it('keeps every issue, update and activity entry, and accepts the new kinds of entries', async () => {
    db = await freshDatabase();
    const orm = await MikroORM.init(ormOptions(db.config));
    const sqlite = db.config.dialect === 'sqlite';
    // SQLite keeps MikroORM datetimes as epoch milliseconds; PostgreSQL reads ISO text.
    const at = (iso: string) => (sqlite ? Date.parse(iso) : iso);
    try {
      if (sqlite) await orm.em.getConnection().execute('pragma foreign_keys = on');
      await orm.getMigrator().up({ to: BEFORE_CITY_SETUP });
      const sql = (query: string, params: unknown[] = []) => orm.em.getConnection().execute(query, params);
      const t = at('2026-11-20T10:00:00.000Z');
      await sql(
        'insert into neighborhood (id, name, center_lat, center_lng, created_at) values (1, ?, 45.5, -122.6, ?)',
        ['Eastside', t],
      );
      await sql("insert into organization (id, name, kind, created_at) values (1, 'City Police', 'AGENCY', ?)", [t]);
      await sql('insert into organization_neighborhood (organization_id, neighborhood_id) values (1, 1)');
      await sql(
        "insert into member (id, name, email, password_hash, role, organization_id, created_at) values (1, 'Cora', 'cora@city.test', ?, 'COORDINATOR', 1, ?)",
        [await hashPassword(PASSWORD), t],
      );
      await sql(
        `insert into community_issue (id, title, description, category, status, priority, priority_rank, neighborhood_id,
           reporter_id, anonymous, supporters_count, reported_at, updated_at, version)
         values (1, 'Broken swing', 'In the park', 'OTHER', 'ACKNOWLEDGED', 'NORMAL', 2, 1, 1, ?, 3, ?, ?, 2)`,
        [sqlite ? 0 : false, t, t],
      );
      await sql('insert into issue_organization (community_issue_id, organization_id) values (1, 1)');
      await sql(
        "insert into issue_update (id, issue_id, author_id, kind, body, visibility, created_at) values (1, 1, 1, 'COMMENT', 'On it', 'PARTNERS', ?)",
        [t],
      );
      for (const [seq, kind] of [
        [1, 'ISSUE_REPORTED'],
        [2, 'ISSUE_STATUS_CHANGED'],
      ] as const) {
        await sql(
          `insert into activity (seq, at, kind, visibility, actor_id, actor_organization_id, issue_id, summary, subject_version, snapshot)
           values (?, ?, ?, 'PUBLIC', 1, 1, 1, ?, ?, ?)`,
          [seq, t, kind, `entry ${seq}`, seq, JSON.stringify({})],
        );
      }
      await sql('update activity_sequence set value = 2 where id = 1');

      await orm.getMigrator().up();
      // The rebuilt activity table takes the administration kinds and visibility.
      await sql(
        "insert into activity (seq, at, kind, visibility, summary, snapshot) values (3, ?, 'SETUP_COMPLETED', 'COORDINATORS', 'check', ?)",
        [t, JSON.stringify({})],
      );
      await sql('delete from activity where seq = 3');
    } finally {
      await orm.close(true);
    }

    server = await startServer({ db, seed: false });
    const coordinator = await server.gql<{ login: { token: string } }>(
      'mutation($p: String!) { login(email: "cora@city.test", password: $p) { token } }',
      { p: PASSWORD },
    );
    const token = coordinator.data!.login.token;
    const issue = await server.gql(
      'query($id: ID!) { issue(id: $id) { title status version supportersCount neighborhood { name } organizations { name } updates { body } } }',
      { id: toGlobalId('CommunityIssue', 1) },
      token,
    );
    expect(issue.errors).toBeUndefined();
    expect(issue.data.issue).toEqual({
      title: 'Broken swing',
      status: 'ACKNOWLEDGED',
      version: 2,
      supportersCount: 3,
      neighborhood: { name: 'Eastside' },
      organizations: [{ name: 'City Police' }],
      updates: [{ body: 'On it' }],
    });
    const feed = await server.gql('{ activities(first: 10) { seq kind summary } latestSeq }', {}, token);
    expect(feed.data).toEqual({
      activities: [
        { seq: 2, kind: 'ISSUE_STATUS_CHANGED', summary: 'entry 2' },
        { seq: 1, kind: 'ISSUE_REPORTED', summary: 'entry 1' },
      ],
      latestSeq: 2,
    });
    const organizations = await server.gql('{ organizations { name neighborhoods { name } } }');
    expect(organizations.data.organizations).toEqual([{ name: 'City Police', neighborhoods: [{ name: 'Eastside' }] }]);
  });

  it('turns co-hostings named before consent into pending invitations, keeping events, RSVPs and staff', async () => {
    cohostDb = await freshDatabase();
    const orm = await MikroORM.init(ormOptions(cohostDb.config));
    const sqlite = cohostDb.config.dialect === 'sqlite';
    const at = (iso: string) => (sqlite ? Date.parse(iso) : iso);
    try {
      if (sqlite) await orm.em.getConnection().execute('pragma foreign_keys = on');
      await orm.getMigrator().up({ to: BEFORE_COHOST_CONSENT });
      const sql = (query: string, params: unknown[] = []) => orm.em.getConnection().execute(query, params);
      const t = at('2026-11-20T10:00:00.000Z');
      const hash = await hashPassword(PASSWORD);
      await sql("insert into organization (id, name, kind, created_at) values (1, 'City Police', 'AGENCY', ?)", [t]);
      await sql("insert into organization (id, name, kind, created_at) values (2, 'Youth Club', 'YOUTH', ?)", [t]);
      await sql(
        "insert into member (id, name, email, password_hash, role, organization_id, created_at) values (1, 'Cora', 'cora@city.test', ?, 'COORDINATOR', 1, ?), (2, 'Yan', 'yan@youth.test', ?, 'PARTNER', 2, ?)",
        [hash, t, hash, t],
      );
      await sql(
        `insert into shared_event (id, title, description, kind, status, starts_at, ends_at, location_name, host_id,
           capacity, rsvp_count, is_public, created_by_id, created_at, updated_at, version)
         values (1, 'Town hall', '', 'TOWN_HALL', 'PLANNED', ?, ?, 'Library', 1, 50, 3, ?, 1, ?, ?, 4)`,
        [at('2027-01-10T18:00:00.000Z'), at('2027-01-10T20:00:00.000Z'), sqlite ? 1 : true, t, t],
      );
      await sql('insert into event_cohost (shared_event_id, organization_id) values (1, 2)');
      await sql("insert into event_rsvp (id, event_id, name, party_size, created_at) values (1, 1, 'Rita', 3, ?)", [t]);
      await sql(
        'insert into staff_commitment (id, event_id, organization_id, count, updated_by_id, updated_at) values (1, 1, 2, 4, 2, ?)',
        [t],
      );
      await sql(
        "insert into activity (seq, at, kind, visibility, actor_id, actor_organization_id, event_id, summary, subject_version, snapshot) values (1, ?, 'EVENT_CREATED', 'PUBLIC', 1, 1, 1, 'New event: Town hall', 4, ?)",
        [t, JSON.stringify({})],
      );
      await sql('update activity_sequence set value = 1 where id = 1');

      await orm.getMigrator().up();
      // The rebuilt activity table takes the co-hosting kinds.
      await sql(
        "insert into activity (seq, at, kind, visibility, summary, snapshot) values (2, ?, 'EVENT_COHOST_ACCEPTED', 'MEMBERS', 'check', ?)",
        [t, JSON.stringify({})],
      );
      await sql('delete from activity where seq = 2');
    } finally {
      await orm.close(true);
    }

    cohostServer = await startServer({ db: cohostDb, seed: false });
    const login = async (email: string) =>
      (
        await cohostServer!.gql<{ login: { token: string } }>(
          'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          { e: email, p: PASSWORD },
        )
      ).data!.login.token;
    const [cora, yan] = [await login('cora@city.test'), await login('yan@youth.test')];
    const EVENT = `query($id: ID!) { event(id: $id) {
      title version rsvpCount coHosts { name } rsvps { name partySize } staff { count organization { name } }
      coHostInvitations { status organization { name } invitedBy { name } }
    } }`;
    const id = toGlobalId('SharedEvent', 1);
    const before = await cohostServer.gql(EVENT, { id }, cora);
    expect(before.errors).toBeUndefined();
    expect(before.data.event).toEqual({
      title: 'Town hall',
      version: 4,
      rsvpCount: 3,
      coHosts: [],
      rsvps: [{ name: 'Rita', partySize: 3 }],
      staff: [{ count: 4, organization: { name: 'Youth Club' } }],
      coHostInvitations: [{ status: 'PENDING', organization: { name: 'Youth Club' }, invitedBy: { name: 'Cora' } }],
    });
    const pending = await cohostServer.gql('{ coHostInvitations(status: [PENDING]) { id } }', {}, yan);
    const accepted = await cohostServer.gql(
      'mutation($id: ID!) { respondToCoHostInvitation(id: $id, accept: true) { event { coHosts { name } } } }',
      { id: pending.data.coHostInvitations[0].id },
      yan,
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.respondToCoHostInvitation.event.coHosts).toEqual([{ name: 'Youth Club' }]);
    const feed = await cohostServer.gql('{ activities(first: 10) { seq kind } }', {}, cora);
    expect(feed.data.activities).toEqual([
      { seq: 2, kind: 'EVENT_COHOST_ACCEPTED' },
      { seq: 1, kind: 'EVENT_CREATED' },
    ]);
  });
});
