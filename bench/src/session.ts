import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { ClientPool } from './clients/pool.js';
import { buildMix, mixSummary, specsAt } from './clients/mix.js';
import type { ConnectResult, PhaseStats, SentChange } from './clients/protocol.js';
import type { BenchOptions } from './options.js';
import { prime, type Prepared } from './prepare/prepare.js';
import { machineBusyMs, sleep } from './procs.js';
import { quantileMs } from './stats.js';
import {
  NOT_SENT,
  ReferenceTarget,
  startBridgeboard,
  type ChangeRecord,
  type ServerKind,
  type Target,
} from './targets.js';

/** What a run shares: the prepared database, captured payloads, options, where logs go. */
export interface RunContext {
  options: BenchOptions;
  prepared: Prepared;
  templatesFile: string;
  workDir: string;
  log: (line: string) => void;
  /** Sessions that failed; the run goes on with the next one and reports these. */
  errors: string[];
}

/** Runs one session's work; a failure is logged and recorded, and the run goes on. */
export async function isolated<T>(ctx: RunContext, what: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const message = `${what}: ${(error as Error).message}`;
    ctx.log(`  FAILED ${message}`);
    ctx.errors.push(message);
    return null;
  }
}

export interface PhaseResult {
  label: string;
  changes: number;
  failedChanges: number;
  /** Changes per second the driver achieved (first to last send). */
  achievedRate: number | null;
  clients: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Share of (client, change) pairs delivered before the phase ended. */
  delivered: number;
  lost: number;
  duplicated: number;
  unexpected: number;
  closed: Record<string, number>;
  cpuPerChangeMs: number;
  /** Share of that CPU spent in the kernel (socket writes; on loopback also the receiving side's TCP work). */
  systemShare: number;
  /** Every delivery arrived before the cap. */
  complete: boolean;
  /**
   * Cores busy on average during the phase: the whole machine, the server, the client workers,
   * and everything else (the orchestrator, PostgreSQL, other work on the machine).
   */
  cores?: { machine: number; server: number; clients: number; others: number };
  /** Why the phase was not run (the server was still delivering an earlier phase's backlog). */
  skipped?: string;
  waitedMs: number;
}

export interface ConnectSummary extends ConnectResult {
  n: number;
  /** CPU per change with no subscriber (6 changes right after start, so JIT warm-up included). */
  cpuPerChangeAloneMs: number;
  mix: Record<string, number>;
  rssBeforeMB: number;
  rssAfterMB: number;
  /** RSS growth from connecting and subscribing N clients (settled), divided by N. */
  memoryPerConnectionKB: number;
}

const MB = 1024 * 1024;

/**
 * Starts a server of `kind` and makes a few changes with nobody subscribed: the feed's newest
 * entries are then ones every client sees (their `after` replays some), and the CPU they took
 * is what a change costs the server before any subscriber (for Bridgeboard: the mutation).
 */
export async function startTarget(
  ctx: RunContext,
  kind: ServerKind,
  label: string,
): Promise<{ target: Target; cpuPerChangeAloneMs: number }> {
  const log = path.join(ctx.workDir, `${label}.log`);
  let target: Target;
  if (kind === 'bridgeboard') {
    const server = await startBridgeboard({
      databaseUrl: ctx.prepared.databaseUrl,
      log,
      command: ctx.options.serverCommand,
      startTimeoutMs: 180_000,
    });
    await server.usePool(ctx.prepared.seed.poolIssueIds, ctx.prepared.officerToken);
    target = server;
  } else {
    target = await ReferenceTarget.start(kind, {
      templates: ctx.templatesFile,
      issueId: ctx.prepared.templateIssueId,
      latestSeq: 1000,
      log,
    });
  }
  try {
    const before = target.cpu().total;
    const count = 6;
    await prime(target, count);
    return { target, cpuPerChangeAloneMs: (target.cpu().total - before) / count };
  } catch (error) {
    await target.stop();
    throw error;
  }
}

/**
 * One server with N subscribers in client workers: started fresh, measured idle, then driven
 * through phases, then stopped with everything it started.
 */
export class Session {
  /** Set when a phase's backlog did not drain: later phases would measure that backlog, not themselves. */
  backlogged = false;

  private constructor(
    readonly ctx: RunContext,
    readonly target: Target,
    readonly pool: ClientPool,
    readonly connect: ConnectSummary,
  ) {}

  static async open(ctx: RunContext, kind: ServerKind, n: number, label: string, seed = 1): Promise<Session> {
    const { target, cpuPerChangeAloneMs } = await startTarget(ctx, kind, label);
    let pool: ClientPool | null = null;
    try {
      await sleep(ctx.options.settleMs);
      const rssBefore = target.rssBytes();
      const workers = Math.max(1, Math.min(ctx.options.workers, Math.ceil(n / 100)));
      pool = await ClientPool.start(workers, path.join(ctx.workDir, `${label}.clients.log`));
      const mix = buildMix(ctx.prepared, n, seed);
      const latest = await target.latestSeq();
      const result = await pool.connect(
        target.wsUrl,
        mix.profiles,
        specsAt(mix, latest),
        latest,
        ctx.options.connectTimeoutMs,
      );
      // Let the connect burst's garbage go and the heap settle before reading memory.
      await sleep(ctx.options.settleMs);
      const rssAfter = target.rssBytes();
      const connect: ConnectSummary = {
        ...result,
        n,
        cpuPerChangeAloneMs,
        mix: mixSummary(mix),
        rssBeforeMB: rssBefore / MB,
        rssAfterMB: rssAfter / MB,
        memoryPerConnectionKB: (rssAfter - rssBefore) / 1024 / Math.max(1, result.ready),
      };
      ctx.log(
        `  ${kind} N=${n}: ${result.ready} ready, ${result.failed} failed in ${(result.ms / 1000).toFixed(1)} s; ` +
          `${connect.memoryPerConnectionKB.toFixed(1)} KB per connection` +
          (result.failed ? ` (${JSON.stringify(result.failures)})` : ''),
      );
      return new Session(ctx, target, pool, connect);
    } catch (error) {
      await pool?.close();
      await target.stop();
      throw error;
    }
  }

  /**
   * `count` changes, one every `intervalMs` (sent on schedule, not waiting for answers), then
   * waits until every ready client has every change or `capMs` after the last send.
   */
  async phase(label: string, count: number, intervalMs: number, capMs = this.ctx.options.capMs): Promise<PhaseResult> {
    if (this.backlogged) {
      this.ctx.log(`    ${label}: skipped (the server is still delivering an earlier backlog)`);
      return { ...skippedPhase(label), skipped: 'backlog' };
    }
    const baseline = await this.target.latestSeq();
    await this.pool.mark(baseline);
    const clients = this.connect.ready;
    const cpuBefore = this.target.cpu();
    const machineBefore = machineBusyMs();
    const clientsBefore = this.pool.cpuMs();
    const started = Date.now();
    const abort = new AbortController();
    setMaxListeners(0, abort.signal); // one listener per change waiting for a pool issue
    const driven = drive(this.target, count, intervalMs, abort.signal);
    await driven.sent;
    const lastSend = Date.now();
    let complete = false;
    while (Date.now() - lastSend < capMs) {
      // Until every change is answered, expect all of them; then only those that committed.
      const answered = driven.records.length === count;
      const expected = clients * (answered ? driven.records.filter((r) => r.ok).length : count);
      if ((await this.pool.progress()) >= expected) {
        complete = answered;
        if (complete) break;
      }
      await sleep(50);
    }
    const cpuAfter = this.target.cpu();
    const wall = Date.now() - started;
    const machine = (machineBusyMs() - machineBefore) / wall;
    const server = (cpuAfter.total - cpuBefore.total) / wall;
    const clientCores = (this.pool.cpuMs() - clientsBefore) / wall;
    const waitedMs = Date.now() - lastSend;
    // Answers still out after the cap get a little longer, then are given up (counted as failed).
    await Promise.race([driven.answered, sleep(5000)]);
    abort.abort();
    const records = await driven.answered;
    const ok = records.filter((r) => r.ok);
    if (complete) await sleep(300); // a duplicate would arrive right behind
    await this.target.resolveSeqs(ok, baseline);
    const stats = await this.pool.collect(sentChanges(ok));
    const used = cpuAfter.total - cpuBefore.total;
    // Per change sent: an unanswered mutation may still commit and be delivered later.
    const sent = records.filter((r) => r.error !== NOT_SENT).length;
    const result = phaseResult(label, records, stats, used / Math.max(1, sent), complete);
    result.systemShare = used > 0 ? (cpuAfter.system - cpuBefore.system) / used : 0;
    result.waitedMs = waitedMs;
    result.cores = { machine, server, clients: clientCores, others: Math.max(0, machine - server - clientCores) };
    this.ctx.log(
      `    ${label}: p50 ${fmt(result.p50Ms)} p99 ${fmt(result.p99Ms)} max ${fmt(result.maxMs)} ms, ` +
        `delivered ${(result.delivered * 100).toFixed(1)}%, lost ${result.lost}, dup ${result.duplicated}, ` +
        `CPU ${result.cpuPerChangeMs.toFixed(1)} ms/change (${(result.systemShare * 100).toFixed(0)}% system)` +
        (result.failedChanges ? `, ${result.failedChanges} changes failed` : '') +
        ` (${((Date.now() - started) / 1000).toFixed(1)} s; cores busy: server ${server.toFixed(2)}, ` +
        `clients ${clientCores.toFixed(2)}, others ${result.cores.others.toFixed(2)})`,
    );
    if (!complete && !(await this.drain())) this.backlogged = true;
    // Most changes unanswered: the server is too far behind for later phases to mean anything.
    if (result.failedChanges > count / 2) this.backlogged = true;
    return result;
  }

  /**
   * After a phase that ended at its cap: wait (bounded) until nothing has arrived for `quietMs`
   * and the server answers `/healthz` within a second (one busy executing sends nothing for a
   * while, and answers nothing either).
   */
  async drain(quietMs = 2000, capMs = 15_000): Promise<boolean> {
    const until = Date.now() + capMs;
    let last = await this.pool.progress();
    let quietSince = Date.now();
    while (Date.now() < until) {
      await sleep(250);
      const now = await this.pool.progress();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs && (await this.target.responsive(1000))) {
        return true;
      }
    }
    this.ctx.log(`    (still delivering a backlog ${capMs / 1000} s later)`);
    return false;
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.target.stop();
  }
}

/** The committed changes by seq, for the workers to match frames against. */
export function sentChanges(records: ChangeRecord[]): SentChange[] {
  const unresolved = records.filter((r) => r.ok && r.seq == null).length;
  if (unresolved > 0) throw new Error(`${unresolved} changes have no seq in the activity feed`);
  return records.filter((r) => r.ok).map((r) => ({ seq: r.seq!, sentAt: r.sentAt }));
}

/**
 * Sends `count` changes on a fixed schedule, each without waiting for the previous answer.
 * `sent` resolves once the last one is started, `answered` once all are answered (or given up
 * when `signal` aborts); `records` fills as answers come.
 */
export function drive(
  target: Target,
  count: number,
  intervalMs: number,
  signal: AbortSignal,
): { sent: Promise<void>; answered: Promise<ChangeRecord[]>; records: ChangeRecord[] } {
  const records: ChangeRecord[] = [];
  const pending: Promise<ChangeRecord>[] = [];
  const sent = (async () => {
    const start = performance.now();
    for (let k = 0; k < count; k++) {
      const wait = start + k * intervalMs - performance.now();
      if (wait > 0.5) await sleep(wait);
      const change = target.change(signal);
      void change.then((record) => records.push(record));
      pending.push(change);
    }
  })();
  return { sent, answered: sent.then(() => Promise.all(pending)), records };
}

export function phaseResult(
  label: string,
  records: ChangeRecord[],
  stats: PhaseStats,
  cpuPerChangeMs: number,
  complete: boolean,
): PhaseResult {
  const ok = records.filter((r) => r.ok);
  const sends = ok.map((r) => r.sentAt).sort((a, b) => a - b);
  const span = sends.length > 1 ? (sends[sends.length - 1] - sends[0]) / 1e6 : 0;
  return {
    label,
    changes: ok.length,
    failedChanges: records.length - ok.length,
    achievedRate: span > 0 ? (sends.length - 1) / span : null,
    clients: stats.clients,
    p50Ms: quantileMs(stats.histogram, 0.5),
    p99Ms: quantileMs(stats.histogram, 0.99),
    maxMs: stats.histogram.count ? stats.histogram.maxUs / 1000 : null,
    delivered: stats.expected ? stats.delivered / stats.expected : 0,
    lost: stats.lost,
    duplicated: stats.duplicated,
    unexpected: stats.unexpected,
    closed: stats.closed,
    cpuPerChangeMs,
    systemShare: 0,
    complete,
    waitedMs: 0,
  };
}

function skippedPhase(label: string): PhaseResult {
  return {
    label,
    changes: 0,
    failedChanges: 0,
    achievedRate: null,
    clients: 0,
    p50Ms: null,
    p99Ms: null,
    maxMs: null,
    delivered: 0,
    lost: 0,
    duplicated: 0,
    unexpected: 0,
    closed: {},
    cpuPerChangeMs: 0,
    systemShare: 0,
    complete: false,
    waitedMs: 0,
  };
}

export const fmt = (ms: number | null): string => (ms == null ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
