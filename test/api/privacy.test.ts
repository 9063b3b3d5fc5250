import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, sqlOf } from '../support/assert.js';
import { startServer, type TestServer } from '../support/server.js';
import { buildApiToken, buildIssue } from '../support/factories.js';
import { collect } from '../support/live.js';
import { RetentionJob } from '../../server/src/modules/privacy/retention.js';
import { CommunityIssue } from '../../server/src/modules/issues/issue.entity.js';
import { pkOf } from '../support/ids.js';

const LOG = `query($issueId: ID, $first: Int, $after: String) {
  contactAccessLog(issueId: $issueId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { at issue { id } member { name } organization { name } } }
  }
}`;
const CONTACT_OF = 'query($id: ID!) { issue(id: $id) { id contact } }';
const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id version } }';
const DAY = 86_400_000;

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string;
let otherPartner: string;

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  otherPartner = await server.login(server.basics.emails.otherPartner);
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const logOf = async (issueId: string) => {
  const res = await server.gql(LOG, { issueId, first: 100 }, coordinator);
  expect(res.errors).toBeUndefined();
  return res.data.contactAccessLog;
};
const who = (log: { edges: { node: { member: { name: string } } }[] }) => log.edges.map((e) => e.node.member.name);

describe('Query.contactAccessLog', () => {
  it('is for coordinators only: the public, partners, officers and API tokens are refused', async () => {
    const { token } = await buildApiToken(server, coordinator, ['ISSUES_READ', 'ACTIVITY_READ']);
    expect((await server.gql(LOG, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const caller of [partner, officer, token]) {
      expect((await server.gql(LOG, {}, caller)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('records every read of a contact, who and as which organization, and nothing else', async () => {
    const issue = await buildIssue(server, { title: 'Loud generator at night', contact: 'ana@example.org' });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, officer);
    const allScopes = await buildApiToken(server, coordinator, ['ISSUES_READ', 'ISSUES_WRITE']);

    // Readers who get null are not logged: the public, a token, an officer and a partner not assigned.
    for (const reader of [null, allScopes.token, officer, otherPartner]) {
      expect((await server.gql(CONTACT_OF, { id: issue.id }, reader)).data.issue.contact).toBeNull();
    }
    // Nor is a read that does not select the contact.
    await server.gql('query($id: ID!) { issue(id: $id) { title } }', { id: issue.id }, partner);
    expect((await logOf(issue.id)).totalCount).toBe(0);

    const before = Date.now();
    expect((await server.gql(CONTACT_OF, { id: issue.id }, partner)).data.issue.contact).toBe('ana@example.org');
    // The same contact twice in one request is one read.
    const twice = await server.gql(
      'query($id: ID!) { a: issue(id: $id) { contact } b: node(id: $id) { ... on CommunityIssue { contact } } }',
      { id: issue.id },
      coordinator,
    );
    expect(twice.data).toEqual({ a: { contact: 'ana@example.org' }, b: { contact: 'ana@example.org' } });

    const log = await logOf(issue.id);
    expect(log.totalCount).toBe(2);
    expect(log.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        at: expect.any(String),
        issue: { id: issue.id },
        member: { name: 'Cora Coordinator' },
        organization: { name: 'City Police' },
      },
      {
        at: expect.any(String),
        issue: { id: issue.id },
        member: { name: 'Paula Partner' },
        organization: { name: 'Youth Alliance' },
      },
    ]);
    for (const edge of log.edges) {
      expect(new Date(edge.node.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(edge.node.at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('logs a page of contacts with one insert, before the contacts are sent', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++)
      ids.push((await buildIssue(server, { title: `Paged ${i}`, contact: `r${i}@x.org` })).id);
    const knex = (server.app.orm.em.getConnection() as any).getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    const res = await server.gql('{ issues(first: 20) { edges { node { id contact } } } }', {}, coordinator);
    knex.removeListener('query', listener);
    expect(res.errors).toBeUndefined();
    expect(statements.filter((s) => /insert into .contact_access/i.test(s))).toHaveLength(1);
    const withContact = res.data.issues.edges.filter((e: { node: { contact: string | null } }) => e.node.contact);
    expect(withContact.length).toBeGreaterThanOrEqual(6);
    for (const id of ids) expect(who(await logOf(id))).toEqual(['Cora Coordinator']);
  });

  it('does not send a contact it could not log', async () => {
    const issue = await buildIssue(server, { title: 'Log is down', contact: 'hidden@example.org' });
    const service = server.app.services.contactAccess;
    const original = service.recorder;
    service.recorder = function (this: typeof service, viewer, cache) {
      const loader = original.call(this, viewer, cache);
      loader.load = () => Promise.reject(new Error('disk full'));
      return loader;
    };
    try {
      const res = await server.gql(CONTACT_OF, { id: issue.id }, coordinator);
      expect(res.data.issue).toEqual({ id: issue.id, contact: null });
      expect(res.errors?.[0]).toMatchObject({
        path: ['issue', 'contact'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(res)).not.toContain('hidden@example.org');
    } finally {
      service.recorder = original;
    }
  });

  it('logs each delivery of a contact on a subscription', async () => {
    const issue = await buildIssue(server, { title: 'Followed live', contact: 'live@example.org' });
    const after = (await server.gql('{ latestSeq }')).data.latestSeq;
    const feed = collect(
      server.ws(coordinator),
      'subscription($after: Int) { issueChanged(after: $after) { seq issue { id contact } } }',
      { after: after - 1 },
    );
    await feed.waitFor(1);
    await server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, officer);
    const events = await feed.waitFor(2);
    feed.stop();
    expect(events.map((e) => e.issueChanged.issue.contact)).toEqual(['live@example.org', 'live@example.org']);
    expect(who(await logOf(issue.id))).toEqual(['Cora Coordinator', 'Cora Coordinator']);
  });

  it('pages newest first across all issues, and refuses a bad issue id or cursor', async () => {
    const first = await server.gql(LOG, { first: 2 }, coordinator);
    expect(first.data.contactAccessLog.edges).toHaveLength(2);
    expect(first.data.contactAccessLog.pageInfo.hasNextPage).toBe(true);
    const next = await server.gql(
      LOG,
      { first: 2, after: first.data.contactAccessLog.pageInfo.endCursor },
      coordinator,
    );
    const ats = [...first.data.contactAccessLog.edges, ...next.data.contactAccessLog.edges].map(
      (e: { node: { at: string } }) => e.node.at,
    );
    expect(ats).toEqual([...ats].sort().reverse());
    await expectRefused(
      server,
      () => server.gql(LOG, { issueId: server.basics.orgs.youth }, coordinator),
      'BAD_USER_INPUT',
      /issueId/,
    );
    await expectRefused(server, () => server.gql(LOG, { after: 'nope' }, coordinator), 'BAD_USER_INPUT', /after/);
    await expectRefused(server, () => server.gql(LOG, { first: 101 }, coordinator), 'BAD_USER_INPUT', /first/);
  });
});

describe('retention', () => {
  const report = async (title: string, status: string | null, anonymous = false) => {
    const issue = await buildIssue(server, {
      title,
      anonymous,
      ...(anonymous ? {} : { contact: `${title.replace(/\W/g, '')}@example.org` }),
      location: { lat: 45.5111111, lng: -122.6111111, address: '9 Erase St' },
    });
    if (status) expect((await server.gql(SET_STATUS, { id: issue.id, s: status }, officer)).errors).toBeUndefined();
    return issue;
  };
  const row = async (id: string) =>
    (
      await sql('select contact, lat, lng, address, title, status, version from community_issue where id = ?', [
        pkOf(id),
      ])
    )[0];

  it('erases contacts and precise locations of issues resolved or closed for the period, and nothing else', async () => {
    const job = new RetentionJob(server.app.orm, server.app.services.bus, 30);
    const resolved = await report('Resolved long ago', 'RESOLVED');
    const closed = await report('Closed long ago', 'CLOSED');
    const open = await report('Still open', null);
    const inProgress = await report('Still being worked on', 'IN_PROGRESS');
    const anonymous = await report('Anonymous and resolved', 'RESOLVED', true);
    const versionBefore = Number((await row(resolved.id)).version);

    // Not yet due a day before the period ends.
    expect(await job.run(new Date(Date.now() + 29 * DAY))).toBe(0);
    expect((await row(resolved.id)).contact).not.toBeNull();

    // Two instances running it at the same moment erase each issue once between them.
    const [{ n: dueCount }] = await sql(
      "select count(*) as n from community_issue where status in ('RESOLVED', 'CLOSED') and (contact is not null or lat is not null)",
    );
    expect(Number(dueCount)).toBeGreaterThanOrEqual(3);
    const due = new Date(Date.now() + 31 * DAY);
    const [a, b] = await Promise.all([
      job.run(due),
      new RetentionJob(server.app.orm, server.app.services.bus, 30).run(due),
    ]);
    expect(a + b).toBe(Number(dueCount));
    const erased = [resolved, closed, anonymous];
    for (const issue of erased) {
      expect(await row(issue.id)).toMatchObject({ contact: null, lat: null, lng: null, address: null });
    }
    for (const issue of [open, inProgress]) {
      expect(await row(issue.id)).toMatchObject({ lat: 45.5111111, address: '9 Erase St' });
      expect((await row(issue.id)).contact).toMatch(/@example\.org$/);
    }
    // The issue stays, at its neighborhood's centre; the erasure is a change, so its version moves on.
    expect(await row(resolved.id)).toMatchObject({
      title: 'Resolved long ago',
      status: 'RESOLVED',
      version: versionBefore + 1,
    });
    // Each erasure recorded once, even with two instances at it.
    for (const issue of erased) {
      const recorded = await sql(
        "select count(*) as n from activity where issue_id = ? and kind = 'ISSUE_DETAILS_ERASED'",
        [pkOf(issue.id)],
      );
      expect(Number(recorded[0].n)).toBe(1);
    }
    const seen = await server.gql(
      'query($id: ID!) { issue(id: $id) { contact location { lat lng address precise } } }',
      { id: resolved.id },
      coordinator,
    );
    expect(seen.data.issue).toEqual({
      contact: null,
      location: { lat: 45.523, lng: -122.642, address: null, precise: false },
    });
    // Running again finds nothing left to do.
    expect(await job.run(due)).toBe(0);
  });

  it('erases nothing when off', async () => {
    const issue = await report('Kept for ever', 'CLOSED');
    expect(
      await new RetentionJob(server.app.orm, server.app.services.bus, null).run(new Date(Date.now() + 36_500 * DAY)),
    ).toBe(0);
    expect((await row(issue.id)).contact).not.toBeNull();
  });

  it('runs when the server starts', async () => {
    const restartable = await startServer({ config: { retentionDays: 7 } });
    try {
      const old = await buildIssue(restartable, { title: 'Closed a month ago', contact: 'old@example.org' });
      const recent = await buildIssue(restartable, { title: 'Closed today', contact: 'new@example.org' });
      const boss = await restartable.login(restartable.basics.emails.officer);
      for (const id of [old.id, recent.id]) await restartable.gql(SET_STATUS, { id, s: 'CLOSED' }, boss);
      await restartable.app.orm.em
        .fork()
        .nativeUpdate(CommunityIssue, { pk: pkOf(old.id) }, { updatedAt: new Date(Date.now() - 30 * DAY) });
      await restartable.stop();

      const again = await startServer({ db: restartable.db, seed: false, config: { retentionDays: 7 } });
      try {
        const contactOf = async (id: string) =>
          (
            await again.app.orm.em
              .fork()
              .getConnection()
              .execute('select contact from community_issue where id = ?', [pkOf(id)])
          )[0].contact;
        const deadline = Date.now() + 5000;
        while ((await contactOf(old.id)) !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(await contactOf(old.id)).toBeNull();
        expect(await contactOf(recent.id)).toBe('new@example.org');
      } finally {
        await again.stop();
      }
    } finally {
      await restartable.close();
    }
  });
});

describe('anonymous reports', () => {
  it('leave no identity anywhere: not in the row, not in the activity, not in what the server prints', async () => {
    const printed: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => {
        stream.write = write;
      };
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    let id: string;
    try {
      ({ id } = await buildIssue(server, { title: 'Dealing on the corner', anonymous: true }));
    } finally {
      restore.forEach((r) => r());
    }
    const pk = pkOf(id);
    const sql = sqlOf(() => server);
    const [row] = await sql('select * from community_issue where id = ?', [pk]);
    expect(row).toMatchObject({ contact: null, reporter_id: null });
    // No column of the row holds anything like an address of the reporter.
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|::1|::ffff:|localhost/);
    const [activity] = await sql('select * from activity where issue_id = ? order by seq limit 1', [pk]);
    expect(activity).toMatchObject({ actor_id: null, actor_organization_id: null });
    expect(printed.join('')).not.toMatch(/127\.0\.0\.1|::1|::ffff:|Dealing on the corner/);
  });
});
