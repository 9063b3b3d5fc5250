import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cpuTimes, forkTracked, freePort, listenerPid, nowUs, rssBytes, spawnTracked, stop, waitFor } from './procs.js';
import { ROOT } from './procs.js';
import { Feed } from './feed.js';

/** The error of a change given up before it was sent (its pool issue never came free). */
export const NOT_SENT = 'not sent';

export type ServerKind = 'floor' | 'graphql-ws' | 'bridgeboard';
export const SERVER_KINDS: ServerKind[] = ['floor', 'graphql-ws', 'bridgeboard'];

/**
 * One change a driver made. `key` (`issue.id:version` after the change) is what the mutation
 * answers; `seq`, what every payload carries, is looked up from it once the phase is over
 * (resolveSeqs): a payload's issue is read when the server executes it, so its version may
 * already be a later one's, while its seq is always its own.
 */
export interface ChangeRecord {
  ok: boolean;
  key: string;
  seq: number | null;
  sentAt: number;
  answeredAt: number;
  error?: string;
}

/** A server under measurement, in its own process. */
export interface Target {
  kind: ServerKind;
  port: number;
  wsUrl: string;
  /** The process whose CPU and memory count (for `pnpm start`, the node process that listens). */
  pid: number;
  latestSeq(): Promise<number>;
  /**
   * Makes one change that every subscriber may see. Resolves when the server has answered, or
   * as not ok once `signal` aborts (unsent, or unanswered: the server may still commit it).
   */
  change(signal?: AbortSignal): Promise<ChangeRecord>;
  /** Fills in the seq of each committed change made since `baseline`. */
  resolveSeqs(records: ChangeRecord[], baseline: number): Promise<void>;
  /** Whether the server answers `/healthz` within `ms` (a server deep in a backlog does not). */
  responsive(ms: number): Promise<boolean>;
  /** CPU the server process has used so far (utime + stime from /proc/<pid>/stat), in ms. */
  cpu(): { user: number; system: number; total: number };
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql. */
export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
  signal?: AbortSignal,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    // A server buried in a backlog may not answer; the run goes on without it.
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(60_000)]) : AbortSignal.timeout(60_000),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

export interface BridgeboardOptions {
  databaseUrl: string;
  log: string;
  /** `pnpm` (the default: `pnpm start`) or `direct` (node server/dist/index.js, what `pnpm start` ends with). */
  command: 'pnpm' | 'direct';
  startTimeoutMs: number;
}

function healthz(port: number, ms: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(ms) }).then(
    (r) => r.ok,
    () => false,
  );
}

async function waitHealthy(child: ChildProcess, url: string, timeoutMs: number, what: string): Promise<void> {
  const healthy = await waitFor(
    async () => {
      if (child.exitCode != null) throw new Error(`${what} exited with ${child.exitCode} before it was ready`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    timeoutMs,
    200,
  );
  if (!healthy) throw new Error(`${what} did not answer /healthz within ${timeoutMs / 1000} s`);
}

/** The real server, started as an operator would (`pnpm start`), on a database prepared beforehand. */
export async function startBridgeboard(options: BridgeboardOptions): Promise<BridgeboardTarget> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    RATE_LIMITS: 'off',
    // The bench connects tens of thousands of sockets from one address with a few dozen logins.
    QUERY_LIMITS: 'connections=100000,memberConnections=100000,subscriptions=100',
  };
  delete env.REDIS_URL;
  // BENCH_SERVER_NODE_ARGS (direct only), e.g. "--cpu-prof --cpu-prof-dir=prof", to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const [command, args] =
    options.command === 'pnpm' ? ['pnpm', ['start']] : [process.execPath, [...nodeArgs, 'server/dist/index.js']];
  const child = spawnTracked(command, args, { env, log: options.log });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(child, url, options.startTimeoutMs, 'the Bridgeboard server');
    const pid = listenerPid(child.pid!, port);
    if (pid == null) throw new Error(`no process under pnpm start listens on port ${port}`);
    return new BridgeboardTarget(child, pid, port, Feed.open(options.databaseUrl));
  } catch (error) {
    await stop(child);
    throw error;
  }
}

interface PoolIssue {
  id: string;
  status: string;
  /** A change to it went unanswered (it may have committed later): read its status before the next. */
  stale?: boolean;
}

const TOGGLE = `mutation BenchToggle($id: ID!, $status: IssueStatus!) {
  setIssueStatus(id: $id, status: $status) { id status version }
}`;

export class BridgeboardTarget implements Target {
  readonly kind = 'bridgeboard' as const;
  readonly url: string;
  readonly wsUrl: string;
  private pool: PoolIssue[] = [];
  private free: PoolIssue[] = [];
  private waiters: ((issue: PoolIssue) => void)[] = [];
  private officerToken = '';

  constructor(
    private readonly child: ChildProcess,
    readonly pid: number,
    readonly port: number,
    private readonly feed: Feed,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}/graphql`;
  }

  /** The issues the driver toggles (ACKNOWLEDGED ↔ IN_PROGRESS, both on the board), as an officer. */
  async usePool(issueIds: string[], officerToken: string): Promise<void> {
    this.officerToken = officerToken;
    this.pool = await Promise.all(
      issueIds.map(async (id) => {
        const answer = await gql<{ issue: { status: string } }>(
          this.url,
          'query($id: ID!) { issue(id: $id) { status } }',
          { id },
        );
        if (!answer.data?.issue) throw new Error(`pool issue ${id}: ${JSON.stringify(answer.errors)}`);
        return { id, status: answer.data.issue.status };
      }),
    );
    this.free = [...this.pool];
  }

  /** From the database, not the server: a server deep in a backlog answers no query in time. */
  latestSeq(): Promise<number> {
    return this.feed.latestSeq();
  }

  private acquire(signal?: AbortSignal): Promise<PoolIssue | null> {
    const issue = this.free.shift();
    if (issue) return Promise.resolve(issue);
    if (signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = (free: PoolIssue) => resolve(free);
      this.waiters.push(waiter);
      signal?.addEventListener('abort', () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(null);
      });
    });
  }

  private release(issue: PoolIssue): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(issue);
    else this.free.push(issue);
  }

  /** One status change; an issue is changed by one mutation at a time, others run concurrently. */
  async change(signal?: AbortSignal): Promise<ChangeRecord> {
    const issue = await this.acquire(signal);
    if (!issue) return { ok: false, key: '', seq: null, sentAt: nowUs(), answeredAt: nowUs(), error: NOT_SENT };
    let sentAt = nowUs();
    try {
      if (issue.stale) {
        const now = await gql<{ issue: { status: string } }>(
          this.url,
          'query($id: ID!) { issue(id: $id) { status } }',
          { id: issue.id },
          null,
          signal,
        );
        if (now.data) issue.status = now.data.issue.status;
        issue.stale = !now.data;
        sentAt = nowUs();
      }
      const status = issue.status === 'ACKNOWLEDGED' ? 'IN_PROGRESS' : 'ACKNOWLEDGED';
      const answer = await gql<{ setIssueStatus: { id: string; status: string; version: number } }>(
        this.url,
        TOGGLE,
        { id: issue.id, status },
        this.officerToken,
        signal,
      );
      const answeredAt = nowUs();
      const changed = answer.data?.setIssueStatus;
      if (!changed) {
        return { ok: false, key: '', seq: null, sentAt, answeredAt, error: answer.errors?.[0]?.message ?? 'no data' };
      }
      issue.status = changed.status;
      return { ok: true, key: `${changed.id}:${changed.version}`, seq: null, sentAt, answeredAt };
    } catch (error) {
      issue.stale = true;
      return { ok: false, key: '', seq: null, sentAt, answeredAt: nowUs(), error: (error as Error).message };
    } finally {
      this.release(issue);
    }
  }

  async resolveSeqs(records: ChangeRecord[], baseline: number): Promise<void> {
    const seqs = await this.feed.issueChangesSince(baseline);
    for (const record of records) if (record.ok) record.seq = seqs.get(record.key) ?? null;
  }

  responsive(ms: number): Promise<boolean> {
    return healthz(this.port, ms);
  }

  cpu() {
    return cpuTimes(this.pid);
  }

  rssBytes(): number {
    return rssBytes(this.pid);
  }

  async stop(): Promise<void> {
    await this.feed.close();
    await stop(this.child, 5000);
  }
}

/** A reference server (servers/floor.ts or servers/graphql-ws.ts): changes are triggered over HTTP. */
export class ReferenceTarget implements Target {
  readonly wsUrl: string;
  private seq: number;
  private version = 1_000_000;

  private constructor(
    readonly kind: ServerKind,
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly issueId: string,
    latestSeq: number,
  ) {
    this.wsUrl = `ws://127.0.0.1:${port}/graphql`;
    this.seq = latestSeq;
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(
    kind: 'floor' | 'graphql-ws',
    options: { templates: string; issueId: string; latestSeq: number; log: string },
  ): Promise<ReferenceTarget> {
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      BENCH_TEMPLATES: options.templates,
      BENCH_LATEST_SEQ: String(options.latestSeq),
      BENCH_SCHEMA: path.join(ROOT, 'schema/schema.graphql'),
    };
    const child = forkTracked(`servers/${kind}.ts`, [], { env, log: options.log });
    try {
      await waitHealthy(child, `http://127.0.0.1:${port}`, 30_000, `the ${kind} server`);
    } catch (error) {
      await stop(child);
      throw error;
    }
    return new ReferenceTarget(kind, child, port, options.issueId, options.latestSeq);
  }

  latestSeq(): Promise<number> {
    return Promise.resolve(this.seq);
  }

  async change(signal?: AbortSignal): Promise<ChangeRecord> {
    const seq = ++this.seq;
    const version = ++this.version;
    const key = `${this.issueId}:${version}`;
    const sentAt = nowUs();
    try {
      const response = await fetch(`http://127.0.0.1:${this.port}/change`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seq, version }),
        signal,
      });
      await response.arrayBuffer();
      return { ok: response.ok, key, seq, sentAt, answeredAt: nowUs() };
    } catch (error) {
      return { ok: false, key, seq, sentAt, answeredAt: nowUs(), error: (error as Error).message };
    }
  }

  resolveSeqs(): Promise<void> {
    return Promise.resolve(); // the driver chose them
  }

  responsive(ms: number): Promise<boolean> {
    return healthz(this.port, ms);
  }

  cpu() {
    return cpuTimes(this.pid);
  }

  rssBytes(): number {
    return rssBytes(this.pid);
  }

  stop(): Promise<void> {
    return stop(this.child, 5000);
  }
}
