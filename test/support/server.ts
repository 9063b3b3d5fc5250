import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { bootstrap, type App } from '../../server/src/app.js';
import { loadConfig, parseLogLevel, type Config, type RateLimit } from '../../server/src/config.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { seedBasics, type Basics } from './fixtures.js';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  app: App;
  db: TestDatabase;
  basics: Basics;
  /** POST /graphql as `token` (or the public). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  login(email: string): Promise<string>;
  /** Forgets a cached session (after a password change ended it), so the next login is fresh. */
  forgetLogin(email: string): void;
  /** A graphql-ws client; closed with the server. */
  ws(token?: string | null, options?: { retry?: boolean }): Client;
  /** Stops the server, keeping the database (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and drops the database. */
  close(): Promise<void>;
}

export { TEST_PASSWORD as PASSWORD } from './fixtures.js';
import { TEST_PASSWORD as PASSWORD } from './fixtures.js';

const GENEROUS: RateLimit = { points: 1_000_000, seconds: 60 };

/**
 * Boots the real server on a random port over a fresh database of the suite's dialect, with
 * the basic fixtures (neighborhoods, organizations, one member per role). Only an unseeded
 * server issues (and logs) a setup link, unless `announceSetup` says otherwise.
 */
export async function startServer(
  options: {
    db?: TestDatabase;
    config?: Partial<Config>;
    seed?: boolean;
    announceSetup?: boolean;
    /** The activity bus's safety-net poll (500 ms here); slow it down to see what repairs a gap without it. */
    pollIntervalMs?: number;
    /** Presence's coalescing interval; short by default so tests stay fast. */
    presenceIntervalMs?: number;
  } = {},
): Promise<TestServer> {
  const db = options.db ?? (await freshDatabase());
  const app = await bootstrap({
    config: {
      ...loadConfig({}),
      port: 0,
      database: db.config,
      redisUrl: null,
      tokenSecret: null,
      webDist: null,
      production: false,
      // Warnings and errors only (LOG_LEVEL=info shows every request); tests capture what they check.
      logLevel: parseLogLevel(process.env.LOG_LEVEL ?? 'warn'),
      logFormat: 'json',
      // The suites make hundreds of calls a minute from one address; security.test.ts sets real limits.
      rateLimits: { login: GENEROUS, loginPair: GENEROUS, account: GENEROUS, report: GENEROUS, mutation: GENEROUS },
      ...options.config,
    },
    pollIntervalMs: options.pollIntervalMs ?? 500,
    presenceIntervalMs: options.presenceIntervalMs ?? 200,
    announceSetup: options.announceSetup ?? options.seed === false,
  });
  const basics = options.seed === false ? (undefined as unknown as Basics) : await seedBasics(app.orm);
  const clients: Client[] = [];
  const tokens = new Map<string, string>();

  const gql: TestServer['gql'] = async (query, variables, token) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult, 'status'>;
    return { status: res.status, ...body };
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(clients.map((c) => c.dispose()));
    await app.close();
  };

  return {
    app,
    db,
    basics,
    gql,
    async login(email) {
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: PASSWORD },
      );
      if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      tokens.set(email, res.data.login.token);
      return res.data.login.token;
    },
    forgetLogin(email) {
      tokens.delete(email);
    },
    ws(token, opts) {
      const client = createClient({
        url: app.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: opts?.retry ? 5 : 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    stop,
    async close() {
      await stop();
      await db.drop();
    },
  };
}
