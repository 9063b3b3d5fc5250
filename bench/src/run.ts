import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options.js';
import { prepare, type Prepared } from './prepare/prepare.js';
import { killAll, ROOT, spawnTracked, waitFor } from './procs.js';
import { runFanout, type FanoutResult, type SustainedResult } from './parts/fanout.js';
import { runSlow, type SlowResult } from './parts/slow.js';
import { runHttpParts, type ReadsResult, type WritesResult } from './parts/http.js';
import { MIX } from './clients/mix.js';
import { readTemplates } from './servers/templates.js';
import { isolated, type RunContext } from './session.js';

export interface BenchResults {
  meta: {
    startedAt: string;
    durationSeconds: number;
    commit: string | null;
    node: string;
    cpus: number;
    loadAverageAtStart: number[];
    quick: boolean;
    db: 'sqlite' | 'postgres';
    mix: typeof MIX;
    /** Bytes of one `next` frame per operation (captured from Bridgeboard; the references send the same). */
    frameBytes: Record<string, number>;
    options: BenchOptions;
  };
  fanout: FanoutResult[];
  sustained: SustainedResult[];
  slow: SlowResult[];
  writes: WritesResult | null;
  reads: ReadsResult[];
  /** Sessions that failed (the others ran). */
  errors: string[];
}

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Builds the server and the board once (what `pnpm start` does when stale), outside any measurement. */
async function build(workDir: string, log: (line: string) => void): Promise<void> {
  log('building the server and the board if needed (pnpm start does this when they are stale)');
  const child = spawnTracked(process.execPath, ['scripts/build.mjs', '--if-needed'], {
    log: path.join(workDir, 'build.log'),
  });
  await waitFor(() => child.exitCode != null, 300_000, 250);
  if (child.exitCode !== 0) throw new Error(`building failed (see ${workDir}/build.log)`);
}

/**
 * The whole bench: prepares the databases, runs the selected parts (each on fresh server
 * processes), writes `options.out` and returns the results. Every child is killed at the end,
 * on failure, on SIGINT/SIGTERM and when `totalTimeoutMs` passes.
 */
export async function runBench(options: BenchOptions, quick = false): Promise<BenchResults> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-'));
  const log = (line: string) => {
    const stamped = `[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`;
    if (!options.quiet) console.log(stamped);
    fs.appendFileSync(path.join(workDir, 'bench.log'), `${stamped}\n`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killAll();
    console.error(`\nbench: ${signal}; every child process stopped (logs in ${workDir})`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', killAll);
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    log(`bench: over the ${options.totalTimeoutMs / 60_000} min limit; stopping every child process`);
    killAll();
  }, options.totalTimeoutMs);
  watchdog.unref();

  const prepared = new Map<string, Prepared>();
  const has = (part: BenchOptions['parts'][number]) => options.parts.includes(part);
  try {
    log(`bench: logs and databases in ${workDir}`);
    // Both commands run the compiled server (--direct skips pnpm start's own build check).
    await build(workDir, log);
    const server = {
      log: path.join(workDir, 'prepare-server.log'),
      command: options.serverCommand,
      startTimeoutMs: 180_000,
    };
    const templatesFile = path.join(workDir, 'payloads.json');
    const get = async (dialect: 'sqlite' | 'postgres'): Promise<Prepared> => {
      const ready = prepared.get(dialect);
      if (ready) return ready;
      const made = await prepare({
        dialect,
        workDir,
        seed: options.seed,
        server,
        captureTo: dialect === options.db ? templatesFile : null,
        log,
      });
      prepared.set(dialect, made);
      return made;
    };

    const main = await get(options.db);
    const ctx: RunContext = { options, prepared: main, templatesFile, workDir, log, errors: [] };
    const { fanout, sustained } =
      has('fanout') || has('sustained')
        ? await runFanout(ctx, has('fanout'), has('sustained'))
        : { fanout: [], sustained: [] };
    const slow = has('slow') ? await runSlow(ctx) : [];
    const reads: ReadsResult[] = [];
    let writes: WritesResult | null = null;
    const dialects = new Set<'sqlite' | 'postgres'>(has('reads') ? options.reads.dbs : []);
    if (has('writes')) dialects.add('postgres');
    for (const dialect of dialects) {
      const result = await isolated(ctx, `reads/writes on ${dialect}`, async () =>
        runHttpParts(ctx, await get(dialect), {
          reads: has('reads') && options.reads.dbs.includes(dialect),
          writes: has('writes') && dialect === 'postgres',
        }),
      );
      if (result?.reads) reads.push(result.reads);
      if (result?.writes) writes = result.writes;
    }

    const templates = readTemplates(templatesFile);
    const results: BenchResults = {
      meta: {
        startedAt: new Date(started).toISOString(),
        durationSeconds: Math.round((Date.now() - started) / 1000),
        commit: commit(),
        node: process.versions.node,
        cpus: os.cpus().length,
        loadAverageAtStart: os.loadavg(),
        quick,
        db: options.db,
        mix: MIX,
        frameBytes: Object.fromEntries(
          Object.entries(templates).map(([name, payload]) => [
            name,
            Buffer.byteLength(JSON.stringify({ id: '1', type: 'next', payload })),
          ]),
        ),
        options,
      },
      fanout,
      sustained,
      slow,
      writes,
      reads,
      errors: ctx.errors,
    };
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    // Logs stay when a session failed; they say why.
    if (ctx.errors.length === 0) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`bench: ${ctx.errors.length} session(s) failed; logs kept in ${workDir}`);
    return results;
  } catch (error) {
    if (timedOut)
      throw new Error(`the bench took longer than ${options.totalTimeoutMs / 60_000} min (logs in ${workDir})`);
    throw new Error(`${(error as Error).message} (logs in ${workDir})`, { cause: error });
  } finally {
    clearTimeout(watchdog);
    killAll();
    for (const db of prepared.values()) await db.drop().catch(() => undefined);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', killAll);
  }
}
