/**
 * A child process of HTTP clients: `concurrency` loops, each sending its next request as soon
 * as the previous one is answered, for `seconds`. Runs one job (argv[2], JSON), answers over
 * IPC with what it measured, and exits.
 */
import { nowUs } from '../procs.js';
import { summarize } from '../stats.js';
import { gql, type ChangeRecord } from '../targets.js';
import type { HttpJob, HttpResult } from './http-job.js';

const job = JSON.parse(process.argv[2]) as HttpJob;

const BOARD_PAGE = `{ issues(first: 50) { totalCount edges { node { id title status category supportersCount version
  neighborhood { name } organizations { name } latestUpdate { body } updateCount } } } }`;
const SUPPORT = `mutation($id: ID!) { supportIssue(id: $id) { id version } }`;
const REPORT = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id version } }`;
const STATUS = `mutation($id: ID!, $status: IssueStatus!) { setIssueStatus(id: $id, status: $status) { id status version } }`;

type Step = (loop: number, n: number) => Promise<ChangeRecord | null>;

async function statuses(ids: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const id of ids) {
    const answer = await gql<{ issue: { status: string } }>(job.url, 'query($id: ID!) { issue(id: $id) { status } }', {
      id,
    });
    map.set(id, answer.data?.issue.status ?? 'OPEN');
  }
  return map;
}

async function stepFor(): Promise<Step> {
  const call = async (query: string, variables: Record<string, unknown>, field: string): Promise<ChangeRecord> => {
    const sentAt = nowUs();
    const answer = await gql<Record<string, { id: string; version: number; status?: string }>>(
      job.url,
      query,
      variables,
      job.token,
    );
    const answeredAt = nowUs();
    const data = answer.data?.[field];
    if (!data) {
      return { ok: false, key: '', seq: null, sentAt, answeredAt, error: answer.errors?.[0]?.message ?? 'no data' };
    }
    return { ok: true, key: `${data.id}:${data.version}`, seq: null, sentAt, answeredAt };
  };
  switch (job.kind) {
    case 'read':
      return async () => {
        const sentAt = nowUs();
        const answer = await gql(job.url, BOARD_PAGE, {}, job.token);
        const answeredAt = nowUs();
        return { ok: !answer.errors, key: '', seq: null, sentAt, answeredAt, error: answer.errors?.[0]?.message };
      };
    case 'support':
      return (_loop, n) => call(SUPPORT, { id: job.issueIds[n % job.issueIds.length] }, 'supportIssue');
    case 'report':
      return (loop, n) =>
        call(
          REPORT,
          {
            input: {
              title: `Bench report ${loop}-${n}`,
              description: 'A pothole that keeps growing after the rain.',
              category: 'TRAFFIC',
              neighborhoodId: job.neighborhoodId,
              anonymous: true,
            },
          },
          'reportIssue',
        );
    case 'status': {
      const current = await statuses(job.issueIds);
      return async (loop) => {
        // Each writer changes its own issue, so writers never conflict with each other.
        const id = job.issueIds[loop % job.issueIds.length];
        const status = current.get(id) === 'ACKNOWLEDGED' ? 'IN_PROGRESS' : 'ACKNOWLEDGED';
        const record = await call(STATUS, { id, status }, 'setIssueStatus');
        if (record.ok) current.set(id, status);
        return record;
      };
    }
  }
}

const step = await stepFor();
const records: ChangeRecord[] = [];
const latencies: number[] = [];
const errors: Record<string, number> = {};
let started = 0;
const begin = Date.now();
const until = begin + job.seconds * 1000;
await Promise.all(
  Array.from({ length: job.concurrency }, async (_, loop) => {
    while (Date.now() < until) {
      const record = await step(loop, started++);
      if (!record) continue;
      if (record.ok) latencies.push((record.answeredAt - record.sentAt) / 1000);
      else errors[record.error ?? 'error'] = (errors[record.error ?? 'error'] ?? 0) + 1;
      if (record.key) records.push(record);
    }
  }),
);
const seconds = (Date.now() - begin) / 1000;
const result: HttpResult = {
  count: latencies.length,
  seconds,
  perSecond: latencies.length / seconds,
  latencyMs: summarize(latencies),
  errors,
  records: job.kind === 'read' || job.kind === 'support' ? [] : records,
};
process.send!(result, undefined, {}, () => process.exit(0));
