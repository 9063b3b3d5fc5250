import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOf } from '../support/assert.js';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { pkOf } from '../support/ids.js';
import { RetentionJob } from '../../server/src/modules/privacy/retention.js';

// The board's own stream (web/src/features/board/graphql/subscriptions), with what a drawer shows.
const BOARD_CHANGES = `subscription($filter: IssueFilter!, $after: Int) {
  issueChanged(filter: $filter, after: $after) {
    seq kind issue { id title status version contact location { lat lng address precise } }
  }
}`;
const ASSIGN = 'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }';
const CLOSE = 'mutation($id: ID!) { setIssueStatus(id: $id, status: CLOSED) { id version } }';
const DAY = 86_400_000;

let server: TestServer;
let officer: string;

beforeAll(async () => {
  server = await startServer();
  officer = await server.login(server.basics.emails.officer);
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const latestSeq = async () => (await server.gql('{ latestSeq }')).data.latestSeq as number;

describe('retention on open boards', () => {
  it('reaches an officer and the public live, once each, with the location gone; a resume after it replays it', async () => {
    const job = new RetentionJob(server.app.orm, server.app.services.bus, 30);
    const due = new Date(Date.now() + 31 * DAY);
    const issue = await buildIssue(server, {
      title: 'Abandoned couch on the sidewalk',
      contact: 'couch@example.org',
      location: { lat: 45.5166666, lng: -122.6333333, address: '40 Couch St' },
    });
    // Assigned to the officer's own organization, so the officer is shown the contact until erased.
    expect((await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.agency] }, officer)).errors).toBe(
      undefined,
    );
    const closed = await server.gql(CLOSE, { id: issue.id }, officer);
    const versionBefore: number = closed.data.setIssueStatus.version;
    const before = await latestSeq();

    const filter = { status: ['RESOLVED', 'CLOSED'] };
    const officerClient = server.ws(officer);
    const publicClient = server.ws(null);
    const officerBoard = collect(officerClient, BOARD_CHANGES, { filter });
    const publicBoard = collect(publicClient, BOARD_CHANGES, { filter });
    await Promise.all([connected(officerClient), connected(publicClient)]);
    await new Promise((r) => setTimeout(r, 200));

    expect(await job.run(due)).toBe(1);
    const [seen] = await officerBoard.waitFor(1);
    const [seenPublicly] = await publicBoard.waitFor(1);
    // The erasure took the next seq: it is committed activity like any other change.
    expect(await latestSeq()).toBe(before + 1);
    const change = {
      seq: before + 1,
      kind: 'ISSUE_DETAILS_ERASED',
      issue: {
        id: issue.id,
        title: 'Abandoned couch on the sidewalk',
        status: 'CLOSED',
        version: versionBefore + 1,
        contact: null,
        // The neighborhood's centre, as for anyone: the precise point is gone.
        location: { lat: 45.523, lng: -122.642, address: null, precise: false },
      },
    };
    expect(seen.issueChanged).toEqual(change);
    expect(seenPublicly.issueChanged).toEqual(change);
    // Exactly once each, and a second run has nothing more to say.
    expect(await job.run(due)).toBe(0);
    expect(await officerBoard.settle(700)).toHaveLength(1);
    expect(await publicBoard.settle(0)).toHaveLength(1);
    expect(officerBoard.errors).toEqual([]);
    expect(publicBoard.errors).toEqual([]);

    // A board that was closed meanwhile resumes from its last seq and hears the erasure.
    const resumed = collect(server.ws(officer), BOARD_CHANGES, { filter, after: before });
    const [replayed] = await resumed.waitFor(1);
    expect(replayed.issueChanged).toEqual(change);
    expect(await resumed.settle(300)).toHaveLength(1);

    const [row] = await sql(
      "select kind, visibility, actor_id, summary from activity where issue_id = ? and kind = 'ISSUE_DETAILS_ERASED'",
      [pkOf(issue.id)],
    );
    expect(row).toMatchObject({ visibility: 'PUBLIC', actor_id: null });
    expect(row.summary).not.toMatch(/couch@example|40 Couch/);
  });

  it('is seen before erasure by the officer as the precise point and contact (so the test above can fail)', async () => {
    const issue = await buildIssue(server, {
      title: 'Graffiti on the bridge',
      contact: 'bridge@example.org',
      location: { lat: 45.5166666, lng: -122.6333333, address: '1 Bridge Rd' },
    });
    await server.gql(ASSIGN, { id: issue.id, orgs: [server.basics.orgs.agency] }, officer);
    const res = await server.gql(
      'query($id: ID!) { issue(id: $id) { contact location { lat lng address precise } } }',
      { id: issue.id },
      officer,
    );
    expect(res.data.issue).toEqual({
      contact: 'bridge@example.org',
      location: { lat: 45.5166666, lng: -122.6333333, address: '1 Bridge Rd', precise: true },
    });
  });
});
