import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';

const BOARD_PAGE = `query($first: Int, $after: String, $filter: IssueFilter, $orderBy: IssueOrder) {
  issues(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title status category supportersCount version reportedAt
      neighborhood { id name }
      organizations { id name }
      latestUpdate { body visibility createdAt }
      updateCount
      updates { id kind }
    } }
  }
}`;

let server: TestServer;
let officer: string;
const categories = ['LIGHTING', 'TRAFFIC', 'NOISE'] as const;
let ids: string[] = [];

beforeAll(async () => {
  server = await startServer();
  officer = await server.login(server.basics.emails.officer);
  const { east, west } = server.basics.neighborhoods;
  for (let i = 0; i < 57; i++) {
    const issue = await buildIssue(server, {
      title: i % 10 === 0 ? `Broken streetlight number ${i}` : `Issue number ${i}`,
      category: categories[i % 3],
      neighborhoodId: i % 2 ? west : east,
    });
    ids.push(issue.id);
    if (i % 5 === 0) {
      await server.gql(
        'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
        { id: issue.id, orgs: [server.basics.orgs.youth, server.basics.orgs.health] },
        officer,
      );
    }
    if (i % 4 === 0) {
      await server.gql(
        'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
        { id: issue.id },
        officer,
      );
    }
    if (i % 7 === 0) {
      await server.gql(
        'mutation($id: ID!) { addIssueUpdate(issueId: $id, body: "internal note", visibility: PARTNERS) { id } }',
        { id: issue.id },
        officer,
      );
    }
  }
}, 120_000);
afterAll(() => server?.close());

async function walk(variables: Record<string, unknown>, token: string | null = null) {
  const seen: any[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const res: { data?: any; errors?: unknown[] } = await server.gql(BOARD_PAGE, { ...variables, after }, token);
    expect(res.errors).toBeUndefined();
    const conn: any = res.data.issues;
    totalCount = conn.totalCount;
    seen.push(...conn.edges.map((e: any) => e.node));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { seen, totalCount };
}

describe('Query.issues', () => {
  it('walks every issue exactly once, newest first, page by page', async () => {
    const { seen, totalCount } = await walk({ first: 10 });
    expect(totalCount).toBe(57);
    expect(seen).toHaveLength(57);
    expect(new Set(seen.map((n) => n.id))).toEqual(new Set(ids));
    const times = seen.map((n) => n.reportedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('walks every issue once in every order', async () => {
    for (const orderBy of ['REPORTED_AT_ASC', 'UPDATED_AT_DESC', 'PRIORITY_DESC', 'SUPPORTERS_DESC']) {
      const { seen } = await walk({ first: 13, orderBy });
      expect(seen.map((n) => n.id).sort(), orderBy).toEqual([...ids].sort());
    }
  });

  it('combines filters with AND, and paginates the filtered set', async () => {
    const filter = { status: ['OPEN'], category: 'LIGHTING', neighborhoodId: server.basics.neighborhoods.east };
    const { seen, totalCount } = await walk({ first: 3, filter });
    // i % 3 == 0 (LIGHTING), i even (east), i % 4 != 0 (still OPEN)
    const expected = ids.filter((_, i) => i % 3 === 0 && i % 2 === 0 && i % 4 !== 0);
    expect(totalCount).toBe(expected.length);
    expect(seen.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(
      seen.every((n) => n.status === 'OPEN' && n.category === 'LIGHTING' && n.neighborhood.name === 'Eastside'),
    ).toBe(true);
  });

  it('filters by organization and by text search', async () => {
    const byOrg = await walk({ first: 50, filter: { organizationId: server.basics.orgs.youth } });
    expect(byOrg.totalCount).toBe(ids.filter((_, i) => i % 5 === 0).length);
    expect(byOrg.seen.every((n) => n.organizations.some((o: any) => o.name === 'Youth Alliance'))).toBe(true);

    const search = await walk({ first: 50, filter: { search: 'STREETLIGHT broken' } });
    expect(search.seen.map((n) => n.title).sort()).toEqual(
      ids
        .map((_, i) => i)
        .filter((i) => i % 10 === 0)
        .map((i) => `Broken streetlight number ${i}`)
        .sort(),
    );

    const both = await walk({
      first: 50,
      filter: { search: 'streetlight', organizationId: server.basics.orgs.youth, status: ['ACKNOWLEDGED'] },
    });
    expect(both.seen.map((n) => n.title).sort()).toEqual([
      'Broken streetlight number 0',
      'Broken streetlight number 20',
      'Broken streetlight number 40',
    ]);
  });

  it('shows members the internal latest update and counts, and the public only public ones', async () => {
    const target = ids[7]; // i=7: one PARTNERS note, no status change
    const q = 'query($id: ID!) { issue(id: $id) { latestUpdate { body visibility } updateCount } }';
    const member = await server.gql(q, { id: target }, officer);
    expect(member.data.issue).toEqual({
      latestUpdate: { body: 'internal note', visibility: 'PARTNERS' },
      updateCount: 1,
    });
    const pub = await server.gql(q, { id: target });
    expect(pub.data.issue).toEqual({ latestUpdate: null, updateCount: 0 });
  });

  it('rejects page sizes over 100 and foreign cursors with BAD_USER_INPUT', async () => {
    const big = await server.gql(BOARD_PAGE, { first: 101 });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].message).toMatch(/first/);
    const bogus = await server.gql(BOARD_PAGE, { first: 5, after: 'not-a-cursor' });
    expect(bogus.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bogus.errors?.[0].message).toMatch(/after/);
  });

  it('reads a board page of 50 in a constant number of SQL statements (no N+1)', async () => {
    const knex = (server.app.orm.em.getConnection() as any).getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    const count = async (first: number) => {
      statements.length = 0;
      const res = await server.gql(BOARD_PAGE, { first }, officer);
      expect(res.errors).toBeUndefined();
      expect(res.data.issues.edges).toHaveLength(first);
      return statements.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    knex.removeListener('query', listener);
    console.log(`board page: ${fifty} SQL statements for 50 issues, ${five} for 5`);
    expect(fifty).toBe(five);
    // viewer, page, count, neighborhoods, organizations, latest ids, latest rows, counts, timelines
    expect(fifty).toBeLessThanOrEqual(9);
  });
});

describe('Query.activities', () => {
  it('reads a feed page in a constant number of SQL statements, newest first', async () => {
    const q =
      'query($first: Int!) { activities(first: $first) { seq kind summary actor { name } actorOrganization { name } issue { title neighborhood { name } } event { title } } }';
    const knex = (server.app.orm.em.getConnection() as any).getKnex();
    const statements: string[] = [];
    const listener = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listener);
    const run = async (first: number) => {
      statements.length = 0;
      const res = await server.gql(q, { first }, officer);
      expect(res.errors).toBeUndefined();
      expect(res.data.activities).toHaveLength(first);
      const seqs = res.data.activities.map((a: { seq: number }) => a.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      return statements.length;
    };
    const five = await run(5);
    const fifty = await run(50);
    knex.removeListener('query', listener);
    expect(fifty).toBe(five);
  });
});
