import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, PASSWORD, type TestServer } from '../support/server.js';
import { buildIssue, buildMember } from '../support/factories.js';
import { statementsOf } from '../support/statements.js';

// The board's first page, with what differs by class (location, contact) and by identity (email).
const BOARD = `query Board($first: Int!) {
  latestSeq
  issues(first: $first) {
    totalCount
    edges { node { id title status version contact location { lat lng precise } neighborhood { name } organizations { name } updateCount } }
  }
}`;
const FEED = 'query Feed { activities(first: 20) { seq kind summary actor { name email } } }';
const SET_STATUS = 'mutation($id: ID!, $s: IssueStatus!) { setIssueStatus(id: $id, status: $s) { id version } }';
const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';

/** Reads of issue rows among SQL statements (the board's data, not the seq counter or the session). */
const issueReads = (statements: string[]) =>
  statements.filter((s) => /^\s*select\b/i.test(s) && /\b(community_issue|issue_update|issue_organization)\b/i.test(s));

/** POST /graphql, keeping the exact bytes and headers of the answer. */
async function post(server: TestServer, query: string, variables: Record<string, unknown>, token: string | null) {
  const res = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text), type: res.headers.get('content-type') };
}

let server: TestServer;
let coordinator: string;
let officer: string;
let secondOfficer: string;
let partner: string;
let secondPartner: string;
let issueId: string;

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  const other = await buildMember(server, coordinator, {
    role: 'OFFICER',
    organizationId: server.basics.orgs.agency,
    password: PASSWORD,
  });
  secondOfficer = await server.login(other.email);
  const otherPartner = await buildMember(server, coordinator, { password: PASSWORD });
  secondPartner = await server.login(otherPartner.email);
  const issue = await buildIssue(server, {
    title: 'Pothole on Birch',
    contact: 'birch@example.org',
    location: { lat: 45.5155555, lng: -122.6444444, address: '3 Birch Ave' },
  });
  issueId = issue.id;
  // Shared with the partners' organization: they are shown the contact (and logged reading it).
  expect((await server.gql(ASSIGN, { id: issueId, orgs: [server.basics.orgs.youth] }, officer)).errors).toBe(undefined);
});
afterAll(() => server?.close());

describe('result cache', () => {
  it('shares one answer between two officers of one organization, byte for byte, without reading issues again', async () => {
    const first = await post(server, BOARD, { first: 50 }, officer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.issues.edges[0].node).toMatchObject({ title: 'Pothole on Birch', contact: null });
    let second!: Awaited<ReturnType<typeof post>>;
    const statements = await statementsOf(
      server,
      async () => {
        second = await post(server, BOARD, { first: 50 }, secondOfficer);
      },
      0,
    );
    expect(issueReads(statements)).toEqual([]);
    // Only the seq counter (and the session's member) were read.
    expect(statements.some((s) => /activity_sequence/.test(s))).toBe(true);
    expect(second.status).toBe(first.status);
    expect(second.type).toBe(first.type);
    expect(second.text).toBe(first.text);
  });

  it('executes again once anything is committed: the next read shows the change', async () => {
    const before = await post(server, BOARD, { first: 50 }, officer);
    const moved = await server.gql(SET_STATUS, { id: issueId, s: 'ACKNOWLEDGED' }, officer);
    expect(moved.errors).toBeUndefined();
    const statements = await statementsOf(
      server,
      async () => {
        const after = await post(server, BOARD, { first: 50 }, secondOfficer);
        expect(after.body.data.latestSeq).toBe(before.body.data.latestSeq + 1);
        expect(after.body.data.issues.edges[0].node).toMatchObject({
          status: 'ACKNOWLEDGED',
          version: moved.data.setIssueStatus.version,
        });
      },
      0,
    );
    expect(issueReads(statements).length).toBeGreaterThan(0);
  });

  it('never gives the public or a partner what an officer was shown, nor the other way round', async () => {
    const asOfficer = await post(server, BOARD, { first: 50 }, officer);
    const asPublic = await post(server, BOARD, { first: 50 }, null);
    const asPartner = await post(server, BOARD, { first: 50 }, partner);
    const node = (r: typeof asOfficer) => r.body.data.issues.edges[0].node;
    expect(node(asOfficer).location).toEqual({ lat: 45.5155555, lng: -122.6444444, precise: true });
    expect(node(asPublic).location.precise).toBe(false);
    expect(node(asPublic).contact).toBeNull();
    expect(node(asPartner).contact).toBe('birch@example.org');
    expect(node(asOfficer).contact).toBeNull();
    // Asked again, each still gets its own, now possibly from the cache.
    expect((await post(server, BOARD, { first: 50 }, null)).text).toBe(asPublic.text);
    expect((await post(server, BOARD, { first: 50 }, officer)).text).toBe(asOfficer.text);
  });

  it('does not share an answer that read who the viewer is: each partner is logged reading the contact', async () => {
    const logged = async () =>
      (
        await server.gql(
          'query($id: ID) { contactAccessLog(issueId: $id, first: 100) { edges { node { member { name } } } } }',
          { id: issueId },
          coordinator,
        )
      ).data.contactAccessLog.edges.length;
    const before = await logged();
    const first = await post(server, BOARD, { first: 50 }, partner);
    const statements = await statementsOf(
      server,
      async () => {
        const second = await post(server, BOARD, { first: 50 }, secondPartner);
        expect(second.body.data.issues.edges[0].node.contact).toBe('birch@example.org');
        expect(second.text).toBe(first.text);
      },
      0,
    );
    // The second partner's answer was executed for them, and their read of the contact logged.
    expect(issueReads(statements).length).toBeGreaterThan(0);
    expect(await logged()).toBe(before + 2);
  });

  it("never shows one officer another's email: the feed's actors read who is asking", async () => {
    const mine = await post(server, FEED, {}, officer);
    const theirs = await post(server, FEED, {}, secondOfficer);
    const emails = (r: typeof mine) =>
      r.body.data.activities.map((a: { actor: { email: string | null } | null }) => a.actor?.email ?? null);
    expect(emails(mine)).toContain(server.basics.emails.officer);
    expect(emails(theirs)).not.toContain(server.basics.emails.officer);
    expect((await post(server, FEED, {}, secondOfficer)).text).toBe(theirs.text);
    expect((await post(server, FEED, {}, officer)).text).toBe(mine.text);
  });

  it('never keeps an error', async () => {
    const stored = server.app.resultCache!.stats().stored;
    const refused = await post(server, 'query { issues(first: 500) { totalCount } }', {}, officer);
    expect(refused.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const again = await post(server, 'query { issues(first: 500) { totalCount } }', {}, secondOfficer);
    expect(again.text).toBe(refused.text);
    expect(server.app.resultCache!.stats().stored).toBe(stored);
  });
});

describe('result cache off', () => {
  it('RESULT_CACHE=off executes every read', async () => {
    const plain = await startServer({ config: { resultCacheBytes: null } });
    try {
      expect(plain.app.resultCache).toBeNull();
      const token = await plain.login(plain.basics.emails.officer);
      await buildIssue(plain, { title: 'Bench broken' });
      await post(plain, BOARD, { first: 50 }, token);
      const statements = await statementsOf(
        plain,
        async () => void (await post(plain, BOARD, { first: 50 }, token)),
        0,
      );
      expect(issueReads(statements).length).toBeGreaterThan(0);
    } finally {
      await plain.close();
    }
  });
});
