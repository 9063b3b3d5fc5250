import path from 'node:path';
import { ClientPool } from '../clients/pool.js';
import { buildMix, specsAt } from '../clients/mix.js';
import { kernelQueued, sleep } from '../procs.js';
import { isolated, Session, type PhaseResult, type RunContext } from '../session.js';
import type { ServerKind } from '../targets.js';

export interface SlowRun {
  /** Server RSS just before the changes and after them (settled), in MB. */
  rssBeforeMB: number;
  rssAfterMB: number;
  rssGrowthMB: number;
  phase: PhaseResult;
}

export interface SlowResult {
  server: ServerKind;
  n: number;
  slowClients: number;
  changes: number;
  without: SlowRun;
  with: SlowRun & {
    paused: number;
    /** How the slow clients' sockets stood at the end: close code -> count (`open`: never cut off). */
    slowSockets: Record<string, number>;
    /** What the kernel held for them at the end: unsent on the server's side, unread on theirs. */
    kernelServerSendKB: number;
    kernelClientReceiveKB: number;
  };
}

const MB = 1024 * 1024;

/**
 * 3. Slow consumers: N clients and `changes` changes, once as they are and once with extra
 * clients that subscribe and then stop reading their sockets. Each run on a fresh server.
 */
export async function runSlow(ctx: RunContext): Promise<SlowResult[]> {
  const { slow } = ctx.options;
  const results: SlowResult[] = [];
  for (const server of slow.servers.filter((s) => ctx.options.servers.includes(s))) {
    ctx.log(`slow consumers: ${server}, ${slow.n} subscribers, ${slow.changes} changes`);
    await isolated(ctx, `slow consumers ${server}`, async () => {
      const without = await measure(ctx, server, null);
      const withSlow = await measure(ctx, server, slow.slowClients);
      results.push({
        server,
        n: slow.n,
        slowClients: slow.slowClients,
        changes: slow.changes,
        without: without.run,
        with: { ...withSlow.run, ...withSlow.slow! },
      });
    });
  }
  return results;
}

async function measure(ctx: RunContext, server: ServerKind, slowClients: number | null) {
  const { slow } = ctx.options;
  const label = `slow-${server}-${slowClients ? 'with' : 'without'}`;
  const session = await Session.open(ctx, server, slow.n, label);
  let stalled: ClientPool | null = null;
  try {
    let paused = 0;
    let ports = new Set<number>();
    if (slowClients) {
      stalled = await ClientPool.start(1, path.join(ctx.workDir, `${label}.stalled.log`));
      const mix = buildMix(ctx.prepared, slowClients, 7);
      const latest = await session.target.latestSeq();
      await stalled.connect(session.target.wsUrl, mix.profiles, specsAt(mix, latest), latest, 60_000);
      const result = await stalled.pause();
      paused = result.paused;
      ports = new Set(result.localPorts);
      await sleep(1000);
    }
    const rssBefore = session.target.rssBytes();
    const phase = await session.phase(`${slow.changes} changes`, slow.changes, slow.intervalMs);
    await sleep(1000);
    const rssAfter = session.target.rssBytes();
    const run: SlowRun = {
      rssBeforeMB: rssBefore / MB,
      rssAfterMB: rssAfter / MB,
      rssGrowthMB: (rssAfter - rssBefore) / MB,
      phase,
    };
    ctx.log(`    RSS ${run.rssBeforeMB.toFixed(0)} → ${run.rssAfterMB.toFixed(0)} MB`);
    if (!stalled) return { run, slow: null };
    const queued = kernelQueued(session.target.port, ports);
    const kernelServerSendKB = queued.serverSend / 1024;
    const kernelClientReceiveKB = queued.clientReceive / 1024;
    const slowSockets = await stalled.closedCodes();
    ctx.log(
      `    slow sockets: ${JSON.stringify(slowSockets)}; kernel holds ${kernelServerSendKB.toFixed(0)} KB unsent, ` +
        `${kernelClientReceiveKB.toFixed(0)} KB unread`,
    );
    return { run, slow: { paused, slowSockets, kernelServerSendKB, kernelClientReceiveKB } };
  } finally {
    await stalled?.close();
    await session.close();
  }
}
