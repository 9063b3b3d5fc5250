/**
 * `pnpm bench`: numbers for the hot paths, on this machine, against a fresh database.
 *
 *   BENCH_DB=postgres pnpm bench    (default sqlite; postgres uses TEST_POSTGRES_URL's server)
 *
 * 1. board page: `issues(first: 50)` with neighborhood, organizations, latest update and counts,
 *    10 concurrent HTTP clients for 5 s over 5,000 issues;
 * 2. writes: supportIssue round trips (transaction + activity row + publish), 4 clients for 3 s;
 * 3. fan-out: N graphql-ws subscribers on issueChanged, time from mutation to every delivery.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { bootstrap } from '../src/app.js';
import { loadConfig, type DatabaseConfig } from '../src/config.js';
import { seedDemo } from '../src/db/seeders/demo.seeder.js';
import { CommunityIssue } from '../src/modules/issues/issue.entity.js';
import { Neighborhood } from '../src/modules/neighborhoods/neighborhood.entity.js';
import { Organization } from '../src/modules/organizations/organization.entity.js';
import { IssueCategory } from '../src/modules/issues/issue.enums.js';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 5000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);

async function database(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (process.env.BENCH_DB === 'postgres') {
    const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `bb_bench_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      config: { dialect: 'postgres', url: url.toString() },
      drop: async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-'));
  return {
    config: { dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') },
    drop: async () => fs.rmSync(dir, { recursive: true }),
  };
}

async function loop(seconds: number, concurrency: number, work: () => Promise<void>) {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        await work();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
  return { perSecond: (latencies.length / seconds).toFixed(0), p50: pct(0.5), p99: pct(0.99) };
}

const db = await database();
const app = await bootstrap({
  // Rate limits off: the benchmark hammers the server from one address on purpose.
  config: { ...loadConfig({}), port: 0, database: db.config, webDist: null, production: true, rateLimits: null },
  announceSetup: false, // the demo city brings its own coordinators
});
try {
  await seedDemo(app.services);
  const em = app.orm.em.fork();
  const hoods = await em.find(Neighborhood, {});
  const orgs = await em.find(Organization, {});
  const categories = Object.values(IssueCategory);
  for (let i = 0; i < ISSUES; i++) {
    const issue = em.create(CommunityIssue, {
      title: `Bench issue ${i}`,
      description: 'Generated for the benchmark',
      category: categories[i % categories.length],
      neighborhood: hoods[i % hoods.length],
      lat: 45.5 + (i % 100) / 1000,
      lng: -122.6 - (i % 100) / 1000,
    });
    issue.organizations.set([orgs[i % orgs.length]]);
    if (i % 500 === 499) await em.flush();
  }
  await em.flush();

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await post('mutation { login(email: "officer@demo.test", password: "demo-password") { token } }');
  const token: string = login.token;
  const page = `{ issues(first: 50) { totalCount edges { node { id title status category supportersCount version
    neighborhood { name } organizations { name } latestUpdate { body } updateCount } } } }`;

  console.log(
    `Bridgeboard bench — ${db.config.dialect}, ${ISSUES + 33} issues, Node ${process.versions.node}, ${os.cpus().length} cores\n`,
  );
  const board = await loop(5, 10, () => post(page, {}, token).then(() => undefined));
  console.log(
    `board page (50 issues, 10 clients):  ${board.perSecond} req/s   p50 ${board.p50} ms   p99 ${board.p99} ms`,
  );

  const ids: string[] = (await post('{ issues(first: 100) { edges { node { id } } } }')).issues.edges.map(
    (e: any) => e.node.id,
  );
  let n = 0;
  const writes = await loop(3, 4, async () => {
    await post(`mutation($id: ID!) { supportIssue(id: $id) { version } }`, { id: ids[n++ % ids.length] });
  });
  console.log(
    `writes (supportIssue, 4 clients):      ${writes.perSecond} req/s   p50 ${writes.p50} ms   p99 ${writes.p99} ms`,
  );

  const clients = Array.from({ length: Math.ceil(SUBSCRIBERS / 50) }, () =>
    createClient({ url: app.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 }),
  );
  let received = 0;
  let done: () => void = () => {};
  const arrivals: number[] = [];
  let sentAt = 0;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    clients[i % clients.length].subscribe(
      { query: 'subscription { issueChanged { seq issue { id status version supportersCount } } }' },
      {
        next: () => {
          arrivals.push(performance.now() - sentAt);
          if (++received === SUBSCRIBERS) done();
        },
        error: (e) => console.error(e),
        complete: () => {},
      },
    );
  }
  await new Promise((r) => setTimeout(r, 1500));
  const rounds = 5;
  for (let r = 0; r < rounds; r++) {
    received = 0;
    const all = new Promise<void>((resolve) => (done = resolve));
    sentAt = performance.now();
    await post(`mutation($id: ID!) { supportIssue(id: $id) { version } }`, { id: ids[r] });
    await all;
  }
  arrivals.sort((a, b) => a - b);
  const at = (p: number) => arrivals[Math.min(arrivals.length - 1, Math.floor(arrivals.length * p))].toFixed(0);
  console.log(
    `fan-out (${SUBSCRIBERS} subscribers, ${rounds} changes):  delivery p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   last ${at(1)} ms`,
  );
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await app.close();
  await db.drop();
}
