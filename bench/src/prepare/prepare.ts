import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { spawnTracked, waitFor } from '../procs.js';
import { gql, startBridgeboard, type BridgeboardOptions, type BridgeboardTarget, type Target } from '../targets.js';
import { boardOperation, boardStatuses, publicOperation, toolOperation, type Operation } from '../operations.js';
import type { Templates } from '../servers/templates.js';
import type { SeedResult, SeedSpec } from './seed.types.js';

export const ADMIN_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Session {
  email: string;
  role: string;
  organizationId: string;
  token: string;
}

/** A seeded database with its logins, API tokens and (once captured) real payloads. */
export interface Prepared {
  dialect: 'sqlite' | 'postgres';
  databaseUrl: string;
  seed: SeedResult;
  sessions: Session[];
  apiTokens: { name: string; token: string }[];
  officerToken: string;
  /** With `captureTo`: the id of the issue in the captured payloads. */
  templateIssueId: string;
  drop(): Promise<void>;
}

export interface PrepareOptions {
  dialect: 'sqlite' | 'postgres';
  workDir: string;
  seed: Omit<SeedSpec, 'databaseUrl'>;
  server: Omit<BridgeboardOptions, 'databaseUrl'>;
  /** Where to write real payloads for the reference servers (capturePayloads), if wanted. */
  captureTo: string | null;
  log: (line: string) => void;
}

async function createDatabase(dialect: 'sqlite' | 'postgres', workDir: string) {
  if (dialect === 'sqlite') {
    const file = path.join(workDir, 'bench.sqlite');
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    };
    return { url: `sqlite:${file}`, drop };
  }
  const name = `bb_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Runs a child to completion (or kills it after `timeoutMs`). */
async function runChild(command: string, args: string[], log: string, timeoutMs: number, what: string) {
  const child = spawnTracked(command, args, { log });
  const done = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const finished = await waitFor(() => child.exitCode != null || child.signalCode != null, timeoutMs, 200);
  if (!finished) {
    process.kill(-child.pid!, 'SIGKILL');
    throw new Error(`${what} took longer than ${timeoutMs / 1000} s (log: ${log})`);
  }
  if ((await done) !== 0) throw new Error(`${what} failed (log: ${log})`);
}

/**
 * Creates and seeds a database in a child process, then starts the real server on it once to
 * sign everybody in over HTTP and create API tokens as a coordinator (tokens stay valid for the
 * later runs: the signing secret is kept in the database).
 */
export async function prepare(options: PrepareOptions): Promise<Prepared> {
  const db = await createDatabase(options.dialect, options.workDir);
  try {
    const out = path.join(options.workDir, `seed-${options.dialect}.json`);
    const spec: SeedSpec = { ...options.seed, databaseUrl: db.url };
    const log = path.join(options.workDir, `seed-${options.dialect}.log`);
    options.log(`seeding ${options.dialect}: demo city + ${spec.issues} issues + ${spec.pool} pool issues`);
    await runChild(
      process.execPath,
      ['--import', 'tsx', 'bench/src/prepare/seed.ts', JSON.stringify(spec), out],
      log,
      300_000,
      'seeding',
    );
    const seed = JSON.parse(fs.readFileSync(out, 'utf8')) as SeedResult;
    const prepared: Prepared = {
      dialect: options.dialect,
      databaseUrl: db.url,
      seed,
      sessions: [],
      apiTokens: [],
      officerToken: '',
      templateIssueId: '',
      drop: db.drop,
    };
    const server = await startBridgeboard({ ...options.server, databaseUrl: db.url });
    try {
      await signIn(server, prepared, options.log);
      if (options.captureTo) {
        await server.usePool(seed.poolIssueIds, prepared.officerToken);
        await prime(server);
        prepared.templateIssueId = await capturePayloads(server, prepared, options.captureTo);
      }
    } finally {
      await server.stop();
    }
    return prepared;
  } catch (error) {
    await db.drop().catch(() => undefined);
    throw error;
  }
}

/**
 * A few changes to pool issues, one after another, so that the newest entries of the feed are
 * ones every subscriber sees: each client's `after` replays some of them before it is ready.
 */
export async function prime(server: Target, count = 6): Promise<void> {
  for (let i = 0; i < count; i++) {
    const change = await server.change();
    if (!change.ok) throw new Error(`priming change failed: ${change.error}`);
  }
}

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

async function login(server: BridgeboardTarget, email: string, password: string): Promise<string> {
  const answer = await gql<{ login: { token: string } }>(server.url, LOGIN, { email, password });
  if (!answer.data) throw new Error(`login ${email}: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.token;
}

async function signIn(server: BridgeboardTarget, prepared: Prepared, log: (line: string) => void): Promise<void> {
  const { seed } = prepared;
  const members = [
    { email: 'officer@demo.test', role: 'OFFICER', organizationId: seed.agencyId },
    { email: 'coordinator@demo.test', role: 'COORDINATOR', organizationId: seed.agencyId },
    ...seed.members,
  ];
  log(`signing in ${members.length} members over HTTP`);
  const queue = [...members];
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (queue.length > 0) {
        const member = queue.shift()!;
        prepared.sessions.push({ ...member, token: await login(server, member.email, seed.password) });
      }
    }),
  );
  prepared.officerToken = prepared.sessions.find((s) => s.email === 'officer@demo.test')!.token;
  const coordinator = prepared.sessions.find((s) => s.email === 'coordinator@demo.test')!.token;
  const tools = [
    { name: 'Dispatch sync', scopes: ['ISSUES_READ', 'ACTIVITY_READ'], organizationId: seed.agencyId },
    { name: 'Open data export', scopes: ['EVENTS_READ'], organizationId: seed.agencyId },
    { name: 'Youth program tracker', scopes: ['ISSUES_READ'], organizationId: seed.poolOrganizationId },
    { name: 'Clinic outreach', scopes: ['ISSUES_READ'], organizationId: seed.partnerOrganizationIds[1] },
  ];
  for (const tool of tools) {
    const answer = await gql<{ createApiToken: { token: string } }>(
      server.url,
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
      { input: tool },
      coordinator,
    );
    if (!answer.data) throw new Error(`createApiToken: ${JSON.stringify(answer.errors)}`);
    prepared.apiTokens.push({ name: tool.name, token: answer.data.createApiToken.token });
  }
}

/**
 * Real payloads for the reference servers: one client per operation subscribes with
 * `after: latestSeq - 1`, so the server replays its newest change (a pool issue's status
 * change, made just before), and the `next` payload is kept as it came.
 */
export async function capturePayloads(server: BridgeboardTarget, prepared: Prepared, file: string): Promise<string> {
  const latest = await server.latestSeq();
  const board = boardOperation();
  const viewers: [Operation, string | null, Record<string, unknown>][] = [
    [board, prepared.officerToken, { filter: { status: boardStatuses() } }],
    [publicOperation(), null, { filter: { neighborhoodId: null, category: null, status: null } }],
    [toolOperation(), prepared.apiTokens[0].token, {}],
  ];
  const templates: Templates = {};
  for (const [operation, token, variables] of viewers) {
    templates[operation.operationName] = await captureOne(server.wsUrl, operation, token, {
      ...variables,
      after: latest - 1,
    });
  }
  fs.writeFileSync(file, JSON.stringify(templates));
  return templates[board.operationName].data.issueChanged.issue.id;
}

function captureOne(
  url: string,
  operation: Operation,
  token: string | null,
  variables: Record<string, unknown>,
): Promise<Templates[string]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no payload for ${operation.operationName} within 20 s`));
    }, 20_000);
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }),
      ),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: Templates[string] };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { ...operation, variables } }));
      } else if (message.type === 'next' && message.payload?.data?.issueChanged) {
        clearTimeout(timer);
        socket.close(1000);
        resolve(message.payload);
      } else if (message.type === 'error' || message.type === 'next') {
        clearTimeout(timer);
        socket.close(1000);
        reject(new Error(`${operation.operationName}: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
