import path from 'node:path';
import { ClientPool } from '../clients/pool.js';
import { boardOperation, boardStatuses } from '../operations.js';
import type { Prepared } from '../prepare/prepare.js';
import { forkTracked, sleep, stop } from '../procs.js';
import { quantileMs } from '../stats.js';
import { sentChanges, startTarget, type RunContext } from '../session.js';
import { gql, type BridgeboardTarget } from '../targets.js';
import type { HttpJob, HttpResult } from '../load/http-job.js';
import { measureReads, type ReadMeasure } from './reads.js';

export interface ReadsResult {
  db: 'sqlite' | 'postgres';
  issues: number;
  /** The hot reads beside the hand-written reference, at each concurrency (parts/reads.ts). */
  reads: ReadMeasure[];
  /** Bridgeboard's SQL statements for the board page at `first` = 10, 50, 100. */
  statementsByPageSize: Record<string, number>;
  /** Where the reference's answers equal Bridgeboard's only up to an order the server leaves open. */
  verifiedNotes: string[];
  /** supportIssue round trips (transaction, activity row, publish), 4 clients. */
  support: Omit<HttpResult, 'records'> & { clients: number };
}

export interface WriteRun extends Omit<HttpResult, 'records'> {
  /** Delivery of each committed write to one subscriber (the board's subscription, as an officer). */
  delivery: {
    /** From the write's answer (the commit is before it): p50/p99 in ms; 0 when it arrived first. */
    afterAnswerP50Ms: number | null;
    afterAnswerP99Ms: number | null;
    /** From just before the write was sent. */
    afterSendP99Ms: number | null;
    delivered: number;
    lost: number;
    duplicated: number;
  };
}

export interface WritesResult {
  db: 'postgres';
  writers: number;
  reports: WriteRun;
  statusChanges: WriteRun;
}

/** Runs one HTTP load job in its own child process. */
async function runJob(ctx: RunContext, job: HttpJob, label: string): Promise<HttpResult> {
  const child = forkTracked('load/http-worker.ts', [JSON.stringify(job)], {
    log: path.join(ctx.workDir, `${label}.log`),
  });
  try {
    return await new Promise<HttpResult>((resolve, reject) => {
      child.once('message', (message) => resolve(message as HttpResult));
      child.once('exit', (code) => reject(new Error(`${label}: HTTP worker exited with ${code}`)));
    });
  } finally {
    await stop(child, 2000);
  }
}

const withoutRecords = ({ records: _records, ...rest }: HttpResult) => rest;

/**
 * 5. Reads: the hot reads beside the hand-written reference (parts/reads.ts), then supportIssue
 * round trips (4 clients), against the real server in its own process.
 */
async function reads(ctx: RunContext, server: BridgeboardTarget): Promise<ReadsResult> {
  const { reads: options } = ctx.options;
  const measured = await measureReads(ctx, ctx.prepared, server);
  const page = await gql<{ issues: { edges: { node: { id: string } }[] } }>(
    server.url,
    '{ issues(first: 100) { edges { node { id } } } }',
  );
  const ids = page.data!.issues.edges.map((e) => e.node.id);
  const support = await runJob(
    ctx,
    { kind: 'support', url: server.url, token: null, issueIds: ids, seconds: options.supportSeconds, concurrency: 4 },
    `reads-${ctx.prepared.dialect}-support`,
  );
  ctx.log(`    supportIssue ${support.perSecond.toFixed(0)}/s p99 ${support.latencyMs.p99?.toFixed(0)} ms`);
  return {
    db: ctx.prepared.dialect,
    issues: ctx.options.seed.issues + ctx.prepared.seed.poolIssueIds.length,
    reads: measured.reads,
    statementsByPageSize: measured.statementsByPageSize,
    verifiedNotes: measured.verified,
    support: { ...withoutRecords(support), clients: 4 },
  };
}

/** 4. Writes on PostgreSQL: 20 concurrent writers, reports then status changes, one subscriber. */
async function writes(ctx: RunContext, server: BridgeboardTarget): Promise<WritesResult> {
  const { writes: options } = ctx.options;
  const subscriber = await ClientPool.start(1, path.join(ctx.workDir, 'writes.clients.log'));
  try {
    const board = boardOperation();
    const latest = await server.latestSeq();
    const profile = {
      name: 'board/officer',
      ...board,
      authorization: `Bearer ${ctx.prepared.officerToken}`,
      variables: { filter: { status: boardStatuses() } },
    };
    const connected = await subscriber.connect(server.wsUrl, [profile], [[0, latest - 1]], latest, 30_000);
    if (connected.ready !== 1) throw new Error(`writes: the subscriber did not connect (${JSON.stringify(connected)})`);
    const run = async (kind: 'report' | 'status'): Promise<WriteRun> => {
      ctx.log(`writes (postgres): ${kind === 'report' ? 'reportIssue' : 'setIssueStatus'}, ${options.writers} writers`);
      const baseline = await server.latestSeq();
      await subscriber.mark(baseline);
      const common = { url: server.url, seconds: options.seconds, concurrency: options.writers };
      const job: HttpJob =
        kind === 'report'
          ? { ...common, kind, token: null, neighborhoodId: ctx.prepared.seed.poolNeighborhoodId }
          : { ...common, kind, token: ctx.prepared.officerToken, issueIds: ctx.prepared.seed.poolIssueIds };
      const result = await runJob(ctx, job, `writes-${kind}`);
      const until = Date.now() + 10_000;
      while (Date.now() < until && (await subscriber.progress()) < result.records.length) await sleep(50);
      await server.resolveSeqs(result.records, baseline);
      const fromSend = await subscriber.collect(sentChanges(result.records));
      const fromAnswer = await subscriber.collect(
        sentChanges(result.records.map((r) => ({ ...r, sentAt: r.answeredAt }))),
      );
      const write: WriteRun = {
        ...withoutRecords(result),
        delivery: {
          afterAnswerP50Ms: quantileMs(fromAnswer.histogram, 0.5),
          afterAnswerP99Ms: quantileMs(fromAnswer.histogram, 0.99),
          afterSendP99Ms: quantileMs(fromSend.histogram, 0.99),
          delivered: fromSend.expected ? fromSend.delivered / fromSend.expected : 0,
          lost: fromSend.lost,
          duplicated: fromSend.duplicated,
        },
      };
      ctx.log(
        `    ${write.perSecond.toFixed(0)}/s, p99 ${write.latencyMs.p99?.toFixed(0)} ms; delivery p99 ` +
          `${write.delivery.afterAnswerP99Ms?.toFixed(1)} ms after the answer, lost ${write.delivery.lost}` +
          (Object.keys(write.errors).length ? `; errors ${JSON.stringify(write.errors)}` : ''),
      );
      return write;
    };
    const reports = await run('report');
    const statusChanges = await run('status');
    return { db: 'postgres', writers: options.writers, reports, statusChanges };
  } finally {
    await subscriber.close();
  }
}

/** Reads and/or writes on one prepared database, on one server started for them. */
export async function runHttpParts(
  ctx: RunContext,
  prepared: Prepared,
  parts: { reads: boolean; writes: boolean },
): Promise<{ reads: ReadsResult | null; writes: WritesResult | null }> {
  const here: RunContext = { ...ctx, prepared };
  const server = (await startTarget(here, 'bridgeboard', `http-${prepared.dialect}`)).target as BridgeboardTarget;
  try {
    const readResult = parts.reads ? await reads(here, server) : null;
    const writeResult = parts.writes ? await writes(here, server) : null;
    return { reads: readResult, writes: writeResult };
  } finally {
    await server.stop();
  }
}
