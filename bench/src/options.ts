import path from 'node:path';
import { ROOT } from './procs.js';
import { SERVER_KINDS, type ServerKind } from './targets.js';

export const PARTS = ['fanout', 'sustained', 'slow', 'writes', 'reads'] as const;
export type Part = (typeof PARTS)[number];

export interface Rate {
  label: string;
  intervalMs: number;
}

/** Everything a run can be told; `defaults()` is the full run, `quick()` a short one. */
export interface BenchOptions {
  parts: Part[];
  /** Servers for fan-out (the floor is always measured when ratios are wanted). */
  servers: ServerKind[];
  /** Database of the fan-out, sustained and slow-consumer runs. */
  db: 'sqlite' | 'postgres';
  fanout: { ns: number[]; changes: number; rates: Rate[] };
  sustained: { n: number; servers: ServerKind[]; rates: number[]; stepSeconds: number };
  slow: { n: number; slowClients: number; changes: number; intervalMs: number; servers: ServerKind[] };
  writes: { writers: number; seconds: number };
  reads: {
    dbs: ('sqlite' | 'postgres')[];
    /** Seconds per run, runs per server and concurrency (the better run is kept), concurrencies. */
    seconds: number;
    runs: number;
    concurrency: number[];
    supportSeconds: number;
  };
  seed: { issues: number; pool: number; members: { coordinators: number; officers: number; partners: number } };
  /** Client worker processes (clients are dealt round-robin). */
  workers: number;
  /** After the last change of a phase, how long to wait for deliveries before counting the rest lost. */
  capMs: number;
  connectTimeoutMs: number;
  /** Idle time before each memory reading (after start, after connecting). */
  settleMs: number;
  /** The whole run is stopped (every child killed) past this. */
  totalTimeoutMs: number;
  serverCommand: 'pnpm' | 'direct';
  out: string;
  quiet: boolean;
}

export function defaults(): BenchOptions {
  return {
    parts: [...PARTS],
    servers: [...SERVER_KINDS],
    db: 'sqlite',
    fanout: {
      ns: [1000, 5000, 10000],
      changes: 10,
      rates: [
        { label: '1/s', intervalMs: 1000 },
        { label: '10/s', intervalMs: 100 },
      ],
    },
    sustained: {
      n: 10000,
      servers: ['floor', 'bridgeboard'],
      rates: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      stepSeconds: 3,
    },
    slow: { n: 1000, slowClients: 100, changes: 200, intervalMs: 50, servers: ['floor', 'bridgeboard'] },
    writes: { writers: 20, seconds: 5 },
    reads: { dbs: ['sqlite', 'postgres'], seconds: 10, runs: 2, concurrency: [1, 10, 50], supportSeconds: 3 },
    seed: { issues: 5000, pool: 24, members: { coordinators: 4, officers: 16, partners: 28 } },
    workers: 4,
    capMs: 20_000,
    connectTimeoutMs: 180_000,
    settleMs: 3000,
    totalTimeoutMs: 75 * 60_000,
    serverCommand: 'pnpm',
    out: path.join(ROOT, 'bench/results.json'),
    quiet: false,
  };
}

/** BENCH_QUICK=1 or --quick: every part, small N, short phases (about two minutes). */
export function quick(): BenchOptions {
  const base = defaults();
  return {
    ...base,
    fanout: { ...base.fanout, ns: [500], changes: 5 },
    sustained: { ...base.sustained, n: 500, rates: [5, 20, 50, 100, 200], stepSeconds: 1 },
    slow: { ...base.slow, n: 200, slowClients: 20, changes: 30, intervalMs: 100 },
    writes: { writers: 20, seconds: 2 },
    reads: { dbs: ['sqlite'], seconds: 1, runs: 1, concurrency: [1, 10, 50], supportSeconds: 1 },
    seed: { issues: 500, pool: 24, members: { coordinators: 1, officers: 3, partners: 5 } },
    workers: 2,
    capMs: 10_000,
    connectTimeoutMs: 60_000,
    totalTimeoutMs: 10 * 60_000,
  };
}

const USAGE = `pnpm bench [parts…] [options]

parts: ${PARTS.join(' ')} (default: all)
  --quick                 small N and short phases (also BENCH_QUICK=1)
  --n 1000,5000           fan-out sizes
  --changes 10            changes per fan-out phase
  --servers a,b           servers for fan-out: ${SERVER_KINDS.join(',')}
  --sustained-n 10000     subscribers for the sustained rate
  --slow-n 1000           subscribers besides the slow consumers
  --slow-changes 200      changes in the slow-consumer runs
  --db sqlite|postgres    database for fan-out, sustained and slow (writes are always PostgreSQL)
  --workers 4             client worker processes
  --reads-db sqlite,postgres  databases of the reads part
  --reads-c 1,10,50       concurrencies of the reads part
  --reads-seconds 10      seconds per read run
  --reads-runs 2          runs per server and concurrency (the better is kept)
  --direct                start the server with node server/dist/index.js instead of pnpm start
  --out file              where results.json goes (default bench/results.json)`;

/** Options from the command line and the environment (BENCH_QUICK). */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options = env.BENCH_QUICK === '1' || argv.includes('--quick') ? quick() : defaults();
  const parts: Part[] = [];
  const list = (value: string | undefined) => (value ?? '').split(',').filter(Boolean);
  const numbers = (value: string | undefined) => list(value).map(Number);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n\n${USAGE}`);
      return v;
    };
    if ((PARTS as readonly string[]).includes(arg)) parts.push(arg as Part);
    else if (arg === '--quick') continue;
    else if (arg === '--n') options.fanout.ns = numbers(value());
    else if (arg === '--changes') options.fanout.changes = Number(value());
    else if (arg === '--servers') options.servers = list(value()) as ServerKind[];
    else if (arg === '--sustained-n') options.sustained.n = Number(value());
    else if (arg === '--slow-n') options.slow.n = Number(value());
    else if (arg === '--slow-changes') options.slow.changes = Number(value());
    else if (arg === '--db') options.db = value() as BenchOptions['db'];
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--reads-db') options.reads.dbs = list(value()) as BenchOptions['reads']['dbs'];
    else if (arg === '--reads-c') options.reads.concurrency = numbers(value());
    else if (arg === '--reads-seconds') options.reads.seconds = Number(value());
    else if (arg === '--reads-runs') options.reads.runs = Number(value());
    else if (arg === '--direct') options.serverCommand = 'direct';
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
  }
  if (parts.length > 0) options.parts = parts;
  for (const server of options.servers) {
    if (!SERVER_KINDS.includes(server)) throw new Error(`unknown server ${server}\n\n${USAGE}`);
  }
  if (!['sqlite', 'postgres'].includes(options.db)) throw new Error(`--db must be sqlite or postgres\n\n${USAGE}`);
  return options;
}
