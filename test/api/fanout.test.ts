import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildApiToken, buildIssue, buildMember } from '../support/factories.js';
import { collect, connected, type Collector } from '../support/live.js';
import { init, openRaw } from '../support/raw-ws.js';

// Live delivery with many subscribers on one operation: whatever the server shares between
// them (one execution per group of identical subscriptions), each client must get exactly
// what it would get alone, and exactly what the same viewer reads over HTTP.

/** Everything on an issue that differs by viewer: contact, precise point, internal notes, emails. */
const ISSUE_SELECTION = `id title status version contact
  location { lat lng precise address }
  latestUpdate { body visibility author { name email } }
  updates { kind body visibility author { name email } organization { name } }
  reporter { name email }
  organizations { name }`;
const ACTIVITY_SELECTION = 'id seq kind visibility summary actor { name email } actorOrganization { name }';
const EVERYTHING = `subscription { issueChanged { seq kind issue { ${ISSUE_SELECTION} } activity { ${ACTIVITY_SELECTION} } } }`;
const ISSUE_QUERY = `query($id: ID!) { issue(id: $id) { ${ISSUE_SELECTION} } }`;
const ACTIVITY_QUERY = `query($id: ID!) { node(id: $id) { ... on Activity { ${ACTIVITY_SELECTION} } } }`;

const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';
const NOTE =
  'mutation($id: ID!, $body: String!, $v: UpdateVisibility!) { addIssueUpdate(issueId: $id, body: $body, visibility: $v) { id } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id } }';
const LOG = `query($issueId: ID) {
  contactAccessLog(issueId: $issueId, first: 100) { totalCount edges { node { member { name } organization { name } } } }
}`;

const CONTACT = 'fanout-resident@example.org';
const ADDRESS = '41 Alder Court';
const POINT = { lat: 45.5187654, lng: -122.6512345 };

let server: TestServer;
let coordinator: string;

/** Each viewer of the privacy test: who they are and what their role may see. */
interface Viewer {
  name: string;
  token: string | null;
  /** The member's own name and email, when the viewer is a member. */
  person: string | null;
  email: string | null;
  member: boolean;
  coordinator: boolean;
  /** A member of the organization the issue gets assigned to. */
  assigned: boolean;
  /** Reads precise locations and internal notes (members and issues:read tokens). */
  issuesRead: boolean;
}

let viewers: Viewer[];
let secondYouth: { name: string; email: string };
let secondOfficer: { name: string; email: string };

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  secondYouth = await buildMember(server, coordinator, {
    name: 'Yara Youth',
    organizationId: server.basics.orgs.youth,
  });
  secondOfficer = await buildMember(server, coordinator, {
    name: 'Olga Officer',
    role: 'OFFICER',
    organizationId: server.basics.orgs.agency,
  });
  // A token of the very organization the issue is assigned to: tokens still never see a contact.
  const { token: issuesRead } = await buildApiToken(server, coordinator, ['ISSUES_READ'], {
    organizationId: server.basics.orgs.youth,
  });
  const { emails } = server.basics;
  const member = (name: string, person: string, email: string, extra: Partial<Viewer> = {}): Promise<Viewer> =>
    server.login(email).then((token) => ({
      name,
      token,
      person,
      email,
      member: true,
      coordinator: false,
      assigned: false,
      issuesRead: true,
      ...extra,
    }));
  viewers = [
    {
      name: 'public',
      token: null,
      person: null,
      email: null,
      member: false,
      coordinator: false,
      assigned: false,
      issuesRead: false,
    },
    await member('assigned partner', 'Paula Partner', emails.partner, { assigned: true }),
    await member('second assigned partner', secondYouth.name, secondYouth.email, { assigned: true }),
    await member('unassigned partner', 'Hank Health', emails.otherPartner),
    await member('officer', 'Oscar Officer', emails.officer),
    await member('second officer', secondOfficer.name, secondOfficer.email),
    await member('coordinator', 'Cora Coordinator', emails.coordinator, { coordinator: true }),
    {
      name: 'issues:read token',
      token: issuesRead,
      person: null,
      email: null,
      member: false,
      coordinator: false,
      assigned: false,
      issuesRead: true,
    },
  ];
});
afterAll(() => server?.close());

// A failed test must not leave subscribers behind to read (and log) the next test's contacts.
const open: Collector[] = [];
const follow = (...args: Parameters<typeof collect>): Collector => {
  const feed = collect(...args);
  open.push(feed);
  return feed;
};
afterEach(() => {
  for (const feed of open.splice(0)) feed.stop();
});

const tokenOf = (name: string) => viewers.find((v) => v.name === name)!.token;

/** Every email address in a payload. */
const emailsIn = (value: unknown): string[] => JSON.stringify(value).match(/[\w.+-]+@[\w.-]+\.\w+/g) ?? [];

describe('one operation, many viewers: privacy by class', () => {
  it('gives each viewer exactly what their role may see, and exactly what the same query returns', async () => {
    const issue = await buildIssue(server, {
      title: 'Needles in the playground',
      contact: CONTACT,
      location: { ...POINT, address: ADDRESS },
    });
    const feeds = new Map<Viewer, Collector>();
    const clients = viewers.map((v) => server.ws(v.token));
    viewers.forEach((v, i) => feeds.set(v, follow(clients[i], EVERYTHING)));
    await Promise.all(clients.map(connected));
    await new Promise((r) => setTimeout(r, 300));

    const officer = tokenOf('officer');
    const secondOfficerToken = tokenOf('second officer');
    const partner = tokenOf('assigned partner');
    const changes: { run: () => Promise<unknown>; actor: string; internal: boolean }[] = [
      {
        actor: 'officer',
        internal: true,
        run: () => server.gql(NOTE, { id: issue.id, body: 'Internal: sharps box requested', v: 'PARTNERS' }, officer),
      },
      {
        actor: 'second officer',
        internal: false,
        run: () => server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, secondOfficerToken),
      },
      {
        actor: 'assigned partner',
        internal: false,
        run: () => server.gql(SET_STATUS, { id: issue.id, s: 'ACKNOWLEDGED' }, partner),
      },
    ];

    for (const [step, change] of changes.entries()) {
      const res = (await change.run()) as { errors?: unknown };
      expect(res.errors, `change ${step}`).toBeUndefined();
      const assignedNow = step >= 1;
      for (const viewer of viewers) {
        const feed = feeds.get(viewer)!;
        const expected = changes.slice(0, step + 1).filter((c) => !c.internal || viewer.issuesRead).length;
        // An internal note is not for the public: checked once all changes are in.
        if (change.internal && !viewer.issuesRead) continue;
        const events = await feed.waitFor(expected, 10_000);
        expect(events, viewer.name).toHaveLength(expected);
        const received = events.at(-1).issueChanged;
        const label = `${viewer.name}, change ${step}`;

        // What the role may see, stated outright.
        expect(received.issue.id, label).toBe(issue.id);
        const mayReadContact = viewer.coordinator || (viewer.assigned && assignedNow);
        expect(received.issue.contact, label).toBe(mayReadContact ? CONTACT : null);
        expect(received.issue.location, label).toEqual(
          viewer.issuesRead
            ? { ...POINT, precise: true, address: ADDRESS }
            : { lat: expect.any(Number), lng: expect.any(Number), precise: false, address: null },
        );
        if (!viewer.issuesRead) {
          expect(received.issue.location.lat).not.toBe(POINT.lat);
          expect(received.issue.updates.every((u: { visibility: string }) => u.visibility === 'PUBLIC')).toBe(true);
          expect(JSON.stringify(received)).not.toMatch(/Internal: sharps/);
          expect(received.activity.actor, label).toBeNull();
        }
        if (viewer.issuesRead) {
          expect(
            received.issue.updates.some((u: { body: string }) => u.body === 'Internal: sharps box requested'),
          ).toBe(true);
        }
        // Member.email: only the member themself and coordinators.
        const allowedEmails = viewer.coordinator ? null : viewer.email ? [viewer.email] : [];
        if (allowedEmails) {
          for (const email of emailsIn({ ...received, issue: { ...received.issue, contact: null } })) {
            expect(allowedEmails, `${label} saw ${email}`).toContain(email);
          }
        }
        if (viewer.member) {
          const actor = viewers.find((v) => v.name === change.actor)!;
          expect(received.activity.actor, label).toEqual({
            name: actor.person,
            email: viewer.coordinator || viewer === actor ? actor.email : null,
          });
        }
        if (viewer.name === 'issues:read token') {
          // Who did it is activity:read; who wrote an update is issues:read, without emails.
          expect(received.activity.actor, label).toBeNull();
          expect(received.issue.latestUpdate.author, label).toEqual({ name: expect.any(String), email: null });
        }

        // And exactly what the same viewer reads over HTTP right after.
        const query = await server.gql(ISSUE_QUERY, { id: issue.id }, viewer.token);
        expect(query.errors, label).toBeUndefined();
        expect(received.issue, label).toEqual(query.data.issue);
        const activity = await server.gql(ACTIVITY_QUERY, { id: received.activity.id }, viewer.token);
        expect(activity.errors, label).toBeUndefined();
        // node(Activity) is activity:read for tokens; the stream carries it under issues:read.
        if (viewer.name !== 'issues:read token') expect(received.activity, label).toEqual(activity.data.node);
      }
    }

    // Nothing else arrives, to anyone.
    await new Promise((r) => setTimeout(r, 300));
    for (const viewer of viewers) {
      const feed = feeds.get(viewer)!;
      expect(feed.events.length, viewer.name).toBe(viewer.issuesRead ? 3 : 2);
      expect(feed.errors, viewer.name).toEqual([]);
      const seqs = feed.events.map((e) => e.issueChanged.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    // The public's whole stream never held the contact, the point, the address or the internal note.
    expect(JSON.stringify(feeds.get(viewers[0])!.events)).not.toMatch(
      new RegExp([CONTACT, ADDRESS, String(POINT.lat), 'Internal: sharps', '@'].join('|')),
    );
  });

  it('logs every delivery of a contact to every member who received it', async () => {
    const issue = await buildIssue(server, { title: 'Abandoned car, plates removed', contact: CONTACT });
    expect(
      (await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.youth] }, tokenOf('officer'))).errors,
    ).toBeUndefined();
    const query = 'subscription($f: IssueFilter) { issueChanged(filter: $f) { seq issue { id title contact } } }';
    const variables = { f: { organizationId: server.basics.orgs.youth } };
    const names = ['assigned partner', 'second assigned partner', 'unassigned partner', 'officer'];
    const clients = names.map((n) => server.ws(tokenOf(n)));
    const feeds = clients.map((c) => follow(c, query, variables));
    await Promise.all(clients.map(connected));
    await new Promise((r) => setTimeout(r, 300));
    const before = (await server.gql(LOG, { issueId: issue.id }, coordinator)).data.contactAccessLog.totalCount;
    expect(before).toBe(0);

    for (let i = 1; i <= 3; i++) {
      const res = await server.gql(NOTE, { id: issue.id, body: `Tow request ${i}`, v: 'PUBLIC' }, tokenOf('officer'));
      expect(res.errors).toBeUndefined();
    }
    const delivered = await Promise.all(feeds.map((f) => f.waitFor(3, 10_000)));
    expect(delivered[0].map((e) => e.issueChanged.issue.contact)).toEqual([CONTACT, CONTACT, CONTACT]);
    expect(delivered[1].map((e) => e.issueChanged.issue.contact)).toEqual([CONTACT, CONTACT, CONTACT]);
    expect(delivered[2].map((e) => e.issueChanged.issue.contact)).toEqual([null, null, null]);
    expect(delivered[3].map((e) => e.issueChanged.issue.contact)).toEqual([null, null, null]);

    // One row per change delivered, per member who received the contact; none for those who did not.
    await expect
      .poll(async () => (await server.gql(LOG, { issueId: issue.id }, coordinator)).data.contactAccessLog.totalCount, {
        timeout: 3000,
      })
      .toBe(6);
    const log = (await server.gql(LOG, { issueId: issue.id }, coordinator)).data.contactAccessLog;
    const rows = log.edges.map((e: { node: { member: { name: string }; organization: { name: string } } }) => [
      e.node.member.name,
      e.node.organization.name,
    ]);
    expect(rows.sort()).toEqual(
      [
        ...Array(3).fill(['Paula Partner', 'Youth Alliance']),
        ...Array(3).fill([secondYouth.name, 'Youth Alliance']),
      ].sort(),
    );
  });
});

describe('grouping is invisible to clients', () => {
  const FEED = `subscription($filter: IssueFilter, $after: Int) {
    issueChanged(filter: $filter, after: $after) { seq kind issue { id status neighborhood { id } } }
  }`;

  /** One change the writer made, in commit order (it is the only writer on its own server). */
  interface Change {
    issue: string;
    kind: string;
    neighborhood: string;
    /** Status before and after the change. */
    from: string;
    to: string;
    /** Internal notes reach members only. */
    internal: boolean;
  }

  let own: TestServer;
  let officer: string;
  beforeAll(async () => {
    // A server of its own, so that `after: 0` replays a history this test wrote entirely.
    own = await startServer();
    officer = await own.login(own.basics.emails.officer);
  });
  afterAll(() => own?.close());

  it('delivers to ~50 clients on one operation every matching change once, in seq order, from each own after', async () => {
    const { east, west } = own.basics.neighborhoods;
    const log: Change[] = [];
    const issues: { id: string; neighborhood: string; status: string }[] = [];
    const ok = (res: { errors?: unknown }) => {
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    let n = 0;
    const write = async () => {
      const step = n++;
      const target = issues[(step * 7) % Math.max(issues.length, 1)];
      if (!target || step % 5 === 0) {
        const neighborhood = step % 2 ? west : east;
        const issue = await buildIssue(own, { title: `Grouped ${step}`, neighborhoodId: neighborhood });
        issues.push({ id: issue.id, neighborhood, status: 'OPEN' });
        log.push({ issue: issue.id, kind: 'ISSUE_REPORTED', neighborhood, from: 'OPEN', to: 'OPEN', internal: false });
        return;
      }
      const before = target.status;
      if (step % 5 === 1 && before !== 'IN_PROGRESS') {
        const to = before === 'OPEN' ? 'ACKNOWLEDGED' : 'IN_PROGRESS';
        ok(await own.gql(SET_STATUS, { id: target.id, s: to }, officer));
        target.status = to;
        log.push({ ...target, issue: target.id, kind: 'ISSUE_STATUS_CHANGED', from: before, to, internal: false });
        return;
      }
      const internal = step % 5 === 2;
      ok(await own.gql(NOTE, { id: target.id, body: `Note ${step}`, v: internal ? 'PARTNERS' : 'PUBLIC' }, officer));
      log.push({ ...target, issue: target.id, kind: 'ISSUE_UPDATE_ADDED', from: before, to: before, internal });
    };

    // A history to replay, then a writer that keeps going while the clients subscribe.
    for (let i = 0; i < 40; i++) await write();
    let writing = true;
    const writer = (async () => {
      while (writing) await write();
    })();

    type Filter = { neighborhoodId?: string; status?: string[] } | undefined;
    const filters: Filter[] = [undefined, undefined, undefined, { neighborhoodId: west }, { status: ['OPEN'] }];
    const matches = (filter: Filter, c: Change) =>
      !c.internal &&
      (!filter?.neighborhoodId || filter.neighborhoodId === c.neighborhood) &&
      (!filter?.status || filter.status.includes(c.from) || filter.status.includes(c.to));
    interface Subscriber {
      filter: Filter;
      /** null: live only, from whenever the server took the subscription. */
      after: number | null;
      feed: Collector;
    }
    const subscribers: Subscriber[] = [];
    for (let i = 0; i < 50; i++) {
      const filter = filters[i % filters.length];
      const mode = Math.floor(i / filters.length) % 5;
      const latest = mode === 3 ? ((await own.gql('{ latestSeq }')).data.latestSeq as number) : 0;
      const after = [0, 7, 25, latest, null][mode];
      const client = own.ws(null);
      const feed = follow(client, FEED, { filter, ...(after == null ? {} : { after }) });
      subscribers.push({ filter, after, feed });
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }

    // A client that completes one of two identical subscriptions on its socket: that one stops, the other goes on.
    const raw = await openRaw(own.app.wsUrl);
    expect(await init(raw)).toBe(true);
    const rawAfter = (await own.gql('{ latestSeq }')).data.latestSeq as number;
    for (const id of ['stays', 'leaves'])
      raw.send({ id, type: 'subscribe', payload: { query: FEED, variables: { after: rawAfter } } });
    const nextsOf = (id: string) => raw.messages.filter((m) => m.type === 'next' && m.id === id);
    await expect.poll(() => nextsOf('leaves').length, { timeout: 20_000 }).toBeGreaterThan(2);
    raw.send({ id: 'leaves', type: 'complete' });
    // Anything the server sent before it took the complete arrives before its pong.
    raw.send({ type: 'ping' });
    await expect.poll(() => raw.messages.some((m) => m.type === 'pong'), { timeout: 10_000 }).toBe(true);
    const leftWith = nextsOf('leaves').length;
    const stayedWith = nextsOf('stays').length;

    // Keep writing a while after everyone is in, then stop and see what each got.
    await Promise.all(subscribers.map((s) => s.feed.waitFor(1, 20_000)));
    const seqAtLastJoin = (await own.gql('{ latestSeq }')).data.latestSeq as number;
    await expect
      .poll(async () => (await own.gql('{ latestSeq }')).data.latestSeq, { timeout: 20_000 })
      .toBeGreaterThan(seqAtLastJoin + 15);
    writing = false;
    await writer;

    // The writer's log is the feed: check it against the server's own record first.
    const final = (await own.gql('{ latestSeq }')).data.latestSeq as number;
    expect(final).toBe(log.length);
    const recorded: { seq: number; kind: string; issue: { id: string } }[] = [];
    for (let before: number | undefined; recorded.length < final; ) {
      const page = await own.gql(
        'query($before: Int) { activities(first: 100, before: $before) { seq kind issue { id } } }',
        { before },
        officer,
      );
      recorded.push(...page.data.activities);
      before = page.data.activities.at(-1).seq;
    }
    expect(recorded.reverse().map((a) => [a.seq, a.kind, a.issue.id])).toEqual(
      log.map((c, i) => [i + 1, c.kind, c.issue]),
    );

    const expectedFor = (filter: Filter, after: number) =>
      log.flatMap((c, i) => (i + 1 > after && matches(filter, c) ? [i + 1] : []));
    for (const [i, s] of subscribers.entries()) {
      const label = `subscriber ${i} (after ${s.after}, filter ${JSON.stringify(s.filter)})`;
      if (s.after == null) {
        // Live only: from its first change on, every later match, none twice.
        await expect
          .poll(() => s.feed.events.at(-1)?.issueChanged.seq, { timeout: 15_000 })
          .toBe(expectedFor(s.filter, 0).at(-1));
        const first = s.feed.events[0].issueChanged.seq as number;
        expect(
          s.feed.events.map((e) => e.issueChanged.seq),
          label,
        ).toEqual(expectedFor(s.filter, first - 1));
        continue;
      }
      const expected = expectedFor(s.filter, s.after);
      await s.feed.waitFor(expected.length, 15_000);
      expect(s.feed.errors, label).toEqual([]);
      expect(
        s.feed.events.map((e) => e.issueChanged.seq),
        label,
      ).toEqual(expected);
      for (const e of s.feed.events) {
        const change = log[e.issueChanged.seq - 1];
        expect([e.issueChanged.kind, e.issueChanged.issue.id], label).toEqual([change.kind, change.issue]);
        if (change.kind !== 'ISSUE_STATUS_CHANGED' && e.issueChanged.seq === final)
          expect(e.issueChanged.issue.status).toBe(change.to);
      }
    }
    await expect.poll(() => nextsOf('stays').length, { timeout: 15_000 }).toBe(expectedFor(undefined, rawAfter).length);

    // Nothing more for anyone, and nothing at all for the completed subscription after its complete.
    await new Promise((r) => setTimeout(r, 500));
    for (const s of subscribers) {
      const seqs = s.feed.events.map((e) => e.issueChanged.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.at(-1)).toBe(expectedFor(s.filter, 0).at(-1));
    }
    expect(
      nextsOf('stays').map((m) => (m.payload as { data: { issueChanged: { seq: number } } }).data.issueChanged.seq),
    ).toEqual(expectedFor(undefined, rawAfter));
    // At most the one change the server was already executing when the complete came in
    // (graphql-ws's own executor may finish it), and none of the many that followed.
    expect(nextsOf('leaves').length).toBeLessThanOrEqual(leftWith + 1);
    expect(nextsOf('stays').length).toBeGreaterThan(stayedWith + 10);
    expect(raw.messages.filter((m) => m.type === 'error' || m.type === 'complete')).toEqual([]);
    raw.socket.close();
  });
});
