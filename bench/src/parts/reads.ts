import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { boardStatuses, READ_OPERATIONS, webConstant } from '../operations.js';
import type { Prepared } from '../prepare/prepare.js';
import { forkTracked, freePort, stop, waitFor } from '../procs.js';
import type { RunContext } from '../session.js';
import { gql, type BridgeboardTarget } from '../targets.js';
import { requestFor, type ReadJob, type ReadRunResult, type ReadSpec } from '../load/read-job.js';

/** One read as a page sends it, with who sends it. */
export interface ReadCase {
  name: 'board' | 'board-varied' | 'public' | 'drawer' | 'events' | 'activity';
  label: string;
  spec: ReadSpec;
}

export interface ReadLevel {
  concurrency: number;
  /** The better of the runs (by requests/s), per server. */
  bridgeboard: ReadRunResult;
  reference: ReadRunResult;
  /** Bridgeboard's requests/s as a share of the reference's (1 = as fast). */
  share: number;
  runs: { bridgeboard: ReadRunResult[]; reference: ReadRunResult[] };
}

export interface ReadMeasure {
  name: ReadCase['name'];
  label: string;
  operationName: string;
  viewer: 'officer' | 'public';
  /** SQL statements one request costs Bridgeboard (the server's bootstrap in a child, counted on knex). */
  statements: number | null;
  /** The reference's statements for the same request, by construction (see servers/reference-reads.ts). */
  referenceStatements: number;
  /** Bytes of the answer's body (the same for both: they are checked equal). */
  bytes: number;
  levels: ReadLevel[];
}

const REFERENCE_STATEMENTS: Record<ReadCase['name'], number> = {
  board: 2,
  'board-varied': 2,
  public: 1,
  drawer: 2,
  events: 2,
  activity: 1,
};

/** Page sizes at which the board's statements are counted. */
const PAGE_SIZES = [10, 50, 100];

const pkOf = (id: string) => Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);

/** Every non-empty subset of the board's statuses, in a fixed order. */
function statusSets(): string[][] {
  const all = boardStatuses();
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << all.length; mask++) sets.push(all.filter((_, i) => mask & (1 << i)));
  return sets;
}

/** The reads to measure, as the web app sends them, with the prepared database's ids. */
async function readCases(server: BridgeboardTarget, prepared: Prepared): Promise<ReadCase[]> {
  const officers = prepared.sessions.filter((s) => s.role === 'OFFICER' && s.organizationId === prepared.seed.agencyId);
  const asOfficers = officers.map((s) => `Bearer ${s.token}`);
  const asOfficer = [`Bearer ${prepared.officerToken}`];
  const spec = (
    operation: { operationName: string; query: string },
    variables: Record<string, unknown>,
    authorizations: (string | null)[],
    dimensions: ReadSpec['dimensions'] = [],
  ): ReadSpec => ({ ...operation, variables, authorizations, dimensions });
  const board = READ_OPERATIONS.board();
  const boardVariables = { filter: { status: boardStatuses() }, first: 50 };
  // The drawer of the issue with the most updates among the newest, one whose contact (if any)
  // the officer may not read: a contact read would add an access-log write to every request.
  const candidates = await gql<{
    issues: { edges: { node: { id: string; updateCount: number; contact: string | null } }[] };
  }>(server.url, '{ issues(first: 100) { edges { node { id updateCount contact } } } }', {}, prepared.officerToken);
  const nodes = candidates.data?.issues.edges.map((e) => e.node).filter((n) => n.contact == null) ?? [];
  if (!nodes.length) throw new Error(`reads: no issue for the drawer (${JSON.stringify(candidates.errors)})`);
  const drawerIssue = nodes.reduce((a, b) => (b.updateCount > a.updateCount ? b : a));
  const hoods = await gql<{ neighborhoods: { id: string }[] }>(server.url, '{ neighborhoods { id } }');
  const categories = [
    'SAFETY',
    'TRAFFIC',
    'NOISE',
    'LIGHTING',
    'GRAFFITI',
    'YOUTH',
    'HOUSING',
    'HEALTH',
    'ENVIRONMENT',
    'OTHER',
  ];
  return [
    { name: 'board', label: 'board page, one class, one page', spec: spec(board, boardVariables, asOfficers) },
    {
      name: 'board-varied',
      label: 'board page, every request different',
      spec: spec(board, boardVariables, asOfficers, [
        { key: 'first', values: Array.from({ length: 100 }, (_, i) => i + 1) },
        { key: 'filter.status', values: statusSets() },
        { key: 'filter.neighborhoodId', values: [null, ...(hoods.data?.neighborhoods.map((n) => n.id) ?? [])] },
        { key: 'filter.category', values: [null, ...categories] },
      ]),
    },
    {
      name: 'public',
      label: 'public page',
      spec: spec(
        READ_OPERATIONS.public(),
        {
          filter: { neighborhoodId: null, category: null, status: null },
          first: webConstant('public/components/PublicIssues.tsx', 'PAGE_SIZE'),
        },
        [null],
      ),
    },
    { name: 'drawer', label: 'issue drawer', spec: spec(READ_OPERATIONS.drawer(), { id: drawerIssue.id }, asOfficer) },
    {
      name: 'events',
      label: 'events list',
      spec: spec(
        READ_OPERATIONS.events(),
        {
          filter: { from: new Date().toISOString(), status: ['PLANNED', 'CONFIRMED', 'CANCELLED'] },
          first: webConstant('events/components/EventList.tsx', 'PAGE_SIZE'),
        },
        asOfficer,
      ),
    },
    {
      name: 'activity',
      label: 'activity page',
      spec: spec(
        READ_OPERATIONS.activity(),
        { first: webConstant('activity/useActivityFeed.ts', 'FEED_PAGE_SIZE') },
        asOfficer,
      ),
    },
  ];
}

/** The reference for this database in its own process (servers/reference.ts). */
async function startReference(ctx: RunContext, prepared: Prepared) {
  const viewers = Object.fromEntries(
    prepared.sessions.map((s) => [s.token, { role: s.role, organizationPk: pkOf(s.organizationId) }]),
  );
  const file = path.join(ctx.workDir, `viewers-${prepared.dialect}.json`);
  fs.writeFileSync(file, JSON.stringify(viewers));
  const port = await freePort();
  const child = forkTracked('servers/reference.ts', [], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: prepared.databaseUrl, BENCH_VIEWERS: file },
    log: path.join(ctx.workDir, `reference-${prepared.dialect}.log`),
  });
  const url = `http://127.0.0.1:${port}`;
  const up = await waitFor(
    () =>
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    30_000,
    200,
  );
  if (!up) {
    await stop(child);
    throw new Error('the reference did not start');
  }
  return { url, stop: () => stop(child, 2000) };
}

async function post(url: string, spec: ReadSpec, n: number): Promise<string> {
  const { authorization, body } = requestFor(spec, n);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  return response.text();
}

/**
 * The comparison is honest only when both answer the same: for each read (and a sample of the
 * requests of the varied one) the reference's JSON must be Bridgeboard's byte for byte, and
 * must be data. Throws, naming the first difference, otherwise.
 */
async function verify(
  cases: ReadCase[],
  bridgeboard: string,
  reference: string,
): Promise<{ bytes: Map<string, number>; notes: string[] }> {
  const bytes = new Map<string, number>();
  const notes = new Set<string>();
  for (const read of cases) {
    const sample = read.spec.dimensions.length ? [0, 1, 2, 99, 150, 1499, 1500, 7777, 20_000, 54_321] : [0];
    for (const n of sample) {
      const [ours, theirs] = await Promise.all([post(bridgeboard, read.spec, n), post(reference, read.spec, n)]);
      if (!ours.startsWith('{"data"') || ours.includes('"errors"')) {
        throw new Error(`reads: Bridgeboard's ${read.label} (request ${n}) is not data: ${ours.slice(0, 300)}`);
      }
      if (ours !== theirs) {
        const same = isDeepStrictEqual(JSON.parse(ours), JSON.parse(theirs));
        let at = 0;
        while (at < ours.length && ours[at] === theirs[at]) at++;
        throw new Error(
          `reads: the reference's ${read.label} (request ${n}) differs from Bridgeboard's ` +
            `(${same ? 'same values, other key order' : 'other values'}) at byte ${at}:\n` +
            `  Bridgeboard: …${ours.slice(Math.max(0, at - 80), at + 160)}\n` +
            `  reference:   …${theirs.slice(Math.max(0, at - 80), at + 160)}`,
        );
      }
      if (n === 0) bytes.set(read.name, Buffer.byteLength(ours));
    }
  }
  return { bytes, notes: [...notes] };
}

/** SQL statements per request for Bridgeboard: its own bootstrap() in a child (prepare/statements.ts). */
async function countStatements(
  ctx: RunContext,
  prepared: Prepared,
  cases: ReadCase[],
): Promise<Record<string, number>> {
  const requests: { name: string; authorization: string | null; body: string }[] = cases.map((read) => ({
    name: read.name,
    ...requestFor(read.spec, 0),
  }));
  // The board at other page sizes: its statements must not grow with the page.
  const board = cases.find((read) => read.name === 'board')!;
  for (const first of PAGE_SIZES) {
    const spec = { ...board.spec, variables: { ...board.spec.variables, first } };
    requests.push({ name: `board@${first}`, ...requestFor(spec, 0) });
  }
  const child = forkTracked(
    'prepare/statements.ts',
    [JSON.stringify({ databaseUrl: prepared.databaseUrl, requests })],
    {
      log: path.join(ctx.workDir, `statements-${prepared.dialect}.log`),
    },
  );
  try {
    return await new Promise<Record<string, number>>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Record<string, number>));
      child.once('exit', (code) => reject(new Error(`reads: the statement counter exited with ${code}`)));
    });
  } finally {
    await stop(child, 5000);
  }
}

async function load(ctx: RunContext, job: ReadJob, label: string): Promise<ReadRunResult> {
  const child = forkTracked('load/read-worker.ts', [JSON.stringify(job)], {
    log: path.join(ctx.workDir, `${label}.log`),
  });
  try {
    return await new Promise<ReadRunResult>((resolve, reject) => {
      child.once('message', (message) => resolve(message as ReadRunResult));
      child.once('exit', (code) => reject(new Error(`${label}: read worker exited with ${code}`)));
    });
  } finally {
    await stop(child, 2000);
  }
}

const best = (runs: ReadRunResult[]) => runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));

/**
 * The hot reads on one database: each read's answers checked equal to the reference's, its
 * statements counted, then at each concurrency `runs` runs per server, alternating reference
 * and Bridgeboard so that both see the same machine; the better run of each is kept.
 */
export async function measureReads(
  ctx: RunContext,
  prepared: Prepared,
  server: BridgeboardTarget,
): Promise<{ reads: ReadMeasure[]; statementsByPageSize: Record<string, number>; verified: string[] }> {
  const { reads: options } = ctx.options;
  const cases = await readCases(server, prepared);
  const statements = await countStatements(ctx, prepared, cases).catch((error: Error) => {
    ctx.log(`    statements not counted: ${error.message}`);
    ctx.errors.push(`reads (${prepared.dialect}): statements not counted: ${error.message}`);
    return {} as Record<string, number>;
  });
  const reference = await startReference(ctx, prepared);
  try {
    const { bytes, notes } = await verify(cases, server.url, reference.url);
    ctx.log(
      `reads (${prepared.dialect}): the reference answers every read as Bridgeboard does` +
        (notes.length ? ` (${notes.join('; ')})` : '') +
        `; Bridgeboard's statements per request ${JSON.stringify(statements)}`,
    );
    const results: ReadMeasure[] = [];
    for (const read of cases) {
      const offsets = { bridgeboard: 0, reference: 0 };
      const levels: ReadLevel[] = [];
      for (const concurrency of options.concurrency) {
        const runs: ReadLevel['runs'] = { bridgeboard: [], reference: [] };
        for (let run = 0; run < options.runs; run++) {
          for (const kind of ['reference', 'bridgeboard'] as const) {
            const url = kind === 'reference' ? reference.url : server.url;
            const job: ReadJob = { url, seconds: options.seconds, concurrency, spec: read.spec, offset: offsets[kind] };
            const result = await load(
              ctx,
              job,
              `reads-${prepared.dialect}-${read.name}-${kind}-c${concurrency}-${run}`,
            );
            offsets[kind] += result.sent;
            runs[kind].push(result);
          }
        }
        const level: ReadLevel = {
          concurrency,
          bridgeboard: best(runs.bridgeboard),
          reference: best(runs.reference),
          share: 0,
          runs,
        };
        level.share = level.reference.perSecond > 0 ? level.bridgeboard.perSecond / level.reference.perSecond : 0;
        levels.push(level);
        const errors = { ...level.bridgeboard.errors, ...level.reference.errors };
        ctx.log(
          `    ${read.label}, c=${concurrency}: Bridgeboard ${level.bridgeboard.perSecond.toFixed(0)}/s ` +
            `p99 ${level.bridgeboard.latencyMs.p99?.toFixed(0)} ms, reference ${level.reference.perSecond.toFixed(0)}/s ` +
            `p99 ${level.reference.latencyMs.p99?.toFixed(1)} ms: ${(level.share * 100).toFixed(1)}%` +
            (Object.keys(errors).length ? `; errors ${JSON.stringify(errors).slice(0, 300)}` : ''),
        );
      }
      results.push({
        name: read.name,
        label: read.label,
        operationName: read.spec.operationName,
        viewer: read.spec.authorizations[0] ? 'officer' : 'public',
        statements: statements[read.name] ?? null,
        referenceStatements: REFERENCE_STATEMENTS[read.name],
        bytes: bytes.get(read.name) ?? 0,
        levels,
      });
    }
    const statementsByPageSize = Object.fromEntries(
      PAGE_SIZES.filter((first) => statements[`board@${first}`] != null).map((first) => [
        String(first),
        statements[`board@${first}`],
      ]),
    );
    return { reads: results, statementsByPageSize, verified: notes };
  } finally {
    await reference.stop();
  }
}
