import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect, connected } from '../support/live.js';

let second: TestServer | undefined;
afterAll(() => second?.close());

describe('restart', () => {
  it('keeps data, versions, tokens and the activity feed across a restart on the same database', async () => {
    const first = await startServer();
    const officer = await first.login(first.basics.emails.officer);
    const issue = await buildIssue(first, { title: 'Survives restarts' });
    const moved = await first.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED, expectedVersion: 1) { version } }',
      { id: issue.id },
      officer,
    );
    expect(moved.data.setIssueStatus.version).toBe(2);
    await first.stop();

    second = await startServer({ db: first.db, seed: false });
    Object.assign(second, { basics: first.basics });
    const again = await second.gql('query($id: ID!) { issue(id: $id) { title status version } }', { id: issue.id });
    expect(again.data.issue).toEqual({ title: 'Survives restarts', status: 'ACKNOWLEDGED', version: 2 });

    // The signing secret lives in the database, so a session survives the restart.
    const viewer = await second.gql('{ viewer { name } }', {}, officer);
    expect(viewer.data.viewer.name).toBe('Oscar Officer');

    // The feed continues from where it was: replay from 0 gives both changes, then new ones follow.
    const client = second.ws(officer);
    const feed = collect(client, 'subscription { activity(after: 0) { seq kind } }');
    await connected(client);
    const replay = await feed.waitFor(2);
    expect(replay.map((e) => [e.activity.seq, e.activity.kind])).toEqual([
      [1, 'ISSUE_REPORTED'],
      [2, 'ISSUE_STATUS_CHANGED'],
    ]);
    await buildIssue(second, { title: 'After restart' });
    const all = await feed.waitFor(3);
    expect(all[2].activity).toEqual({ seq: 3, kind: 'ISSUE_REPORTED' });
    feed.stop();
  });
});
