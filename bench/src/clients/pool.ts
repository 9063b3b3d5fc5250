import type { ChildProcess } from 'node:child_process';
import { cpuTimes, forkTracked, stop } from '../procs.js';
import { emptyHistogram, merge } from '../stats.js';
import type {
  ClientSpec,
  ConnectResult,
  PauseResult,
  PhaseStats,
  Profile,
  SentChange,
  WorkerRequest,
  WorkerResponse,
} from './protocol.js';

type Method = WorkerRequest['method'];
type Params<M extends Method> = Extract<WorkerRequest, { method: M }>['params'];

/** One client worker process, spoken to by request and answer over IPC. */
class Worker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (response: WorkerResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if (response.error) waiter.reject(new Error(`client worker: ${response.error}`));
      else waiter.resolve(response.result);
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`client worker exited (${signal ?? code})`));
      }
      this.pending.clear();
    });
  }

  call<M extends Method, R>(method: M, params: Params<M>): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, method, params } as WorkerRequest);
    });
  }
}

/**
 * Subscribers spread over `workers` child processes. Phases are marked, polled for progress
 * and collected across all of them; the numbers are merged here.
 */
export class ClientPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number, log?: string): Promise<ClientPool> {
    const workers = Array.from({ length: count }, () => new Worker(forkTracked('clients/worker.ts', [], { log })));
    return new ClientPool(workers);
  }

  /** Opens and subscribes every client (dealt round-robin to the workers); resolves once all are ready or timed out. */
  async connect(
    url: string,
    profiles: Profile[],
    clients: ClientSpec[],
    readySeq: number,
    timeoutMs: number,
  ): Promise<ConnectResult> {
    const shares = this.workers.map((_, w) => clients.filter((_, i) => i % this.workers.length === w));
    const results = await Promise.all(
      this.workers.map((worker, w) =>
        worker.call<'connect', ConnectResult>('connect', {
          url,
          profiles,
          clients: shares[w],
          readySeq,
          timeoutMs,
          concurrency: 64,
        }),
      ),
    );
    const failures: Record<string, number> = {};
    for (const result of results) {
      for (const [reason, n] of Object.entries(result.failures)) failures[reason] = (failures[reason] ?? 0) + n;
    }
    return {
      ready: results.reduce((sum, r) => sum + r.ready, 0),
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      failures,
      ms: Math.max(...results.map((r) => r.ms)),
    };
  }

  /** From now on, frames with a seq above `baselineSeq` count for the phase. */
  async mark(baselineSeq: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('mark', { baselineSeq })));
  }

  /** Frames newer than the baseline received since the mark, in all workers. */
  async progress(): Promise<number> {
    const counts = await Promise.all(this.workers.map((w) => w.call<'progress', number>('progress', {})));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  async collect(changes: SentChange[]): Promise<PhaseStats> {
    const parts = await Promise.all(this.workers.map((w) => w.call<'collect', PhaseStats>('collect', { changes })));
    const total: PhaseStats = {
      clients: 0,
      expected: 0,
      delivered: 0,
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      closed: {},
      histogram: emptyHistogram(),
    };
    for (const part of parts) {
      total.clients += part.clients;
      total.expected += part.expected;
      total.delivered += part.delivered;
      total.lost += part.lost;
      total.duplicated += part.duplicated;
      total.unexpected += part.unexpected;
      for (const [code, n] of Object.entries(part.closed)) total.closed[code] = (total.closed[code] ?? 0) + n;
      merge(total.histogram, part.histogram);
    }
    return total;
  }

  /** CPU all client workers have used so far, in ms. */
  cpuMs(): number {
    return this.workers.reduce((sum, w) => {
      try {
        return sum + cpuTimes(w.child.pid!).total;
      } catch {
        return sum; // exited
      }
    }, 0);
  }

  /** Stops reading every ready socket (slow consumers). */
  async pause(): Promise<PauseResult> {
    const parts = await Promise.all(this.workers.map((w) => w.call<'pause', PauseResult>('pause', {})));
    return {
      paused: parts.reduce((sum, p) => sum + p.paused, 0),
      localPorts: parts.flatMap((p) => p.localPorts),
    };
  }

  /** How the sockets stand: close code -> count, `open` for those still open. */
  async closedCodes(): Promise<Record<string, number>> {
    const parts = await Promise.all(this.workers.map((w) => w.call<'closed', Record<string, number>>('closed', {})));
    const codes: Record<string, number> = {};
    for (const part of parts) for (const [k, n] of Object.entries(part)) codes[k] = (codes[k] ?? 0) + n;
    return codes;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        await Promise.race([w.call('shutdown', {}).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
        await stop(w.child, 2000);
      }),
    );
  }
}
