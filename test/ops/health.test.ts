import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_POSTGRES_URL } from '../support/database.js';
import { prepareCity, type City } from './support/city.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { startServer, stopAll, until, type ServerProcess } from './support/processes.js';

/**
 * /healthz and /readyz of the compiled server, in its own process, while what it depends on is
 * really taken away: its PostgreSQL database stops accepting connections (and its sessions are
 * terminated), its own redis-server stops, a migration's record disappears.
 */
let city: City;
let redis: TestRedis;
let server: ServerProcess;
let admin: pg.Client;

async function readyz(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** Polls /readyz until its answer matches (a dependency's state is seen at the next check). */
async function readyzBecomes(status: number, checks: Record<string, string>) {
  let last: unknown;
  await until(
    async () => {
      const answer = await readyz();
      last = answer;
      return answer.status === status && Object.entries(checks).every(([k, v]) => answer.body.checks[k] === v);
    },
    20_000,
    `/readyz to answer ${status} with ${JSON.stringify(checks)}; last: ${JSON.stringify(last)}`,
  );
}

const databaseName = () => new URL(city.databaseUrl).pathname.slice(1);

beforeAll(async () => {
  city = await prepareCity('postgres');
  redis = await startRedis();
  server = await startServer({ DATABASE_URL: city.databaseUrl, REDIS_URL: redis.url });
  admin = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`alter database ${databaseName()} allow_connections true`).catch(() => undefined);
  await admin?.end();
  await server?.stop();
  await redis?.stop();
  await stopAll();
  await city?.db.drop();
});

describe('/healthz and /readyz', () => {
  it('say alive and ready, in JSON, when the database, migrations and Redis are all fine', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await live.json()).toEqual({ status: 'alive' });

    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { database: 'up', migrations: 'applied', redis: 'up', shutdown: 'running' },
    });
  });

  it('turn /readyz 503 while Redis is down, and 200 again once it is back', async () => {
    await redis.stop();
    await readyzBecomes(503, { redis: 'down', database: 'up' });
    expect((await readyz()).body.status).toBe('unavailable');
    // Still alive: an orchestrator must not kill an instance for its broker's outage.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await redis.start();
    await readyzBecomes(200, { redis: 'up' });
  });

  it('turn /readyz 503 while the database refuses connections, and 200 again once it accepts them', async () => {
    const name = databaseName();
    // What an outage looks like from the server: every session ends and no new one is let in.
    await admin.query(`alter database ${name} allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    await readyzBecomes(503, { database: 'down', migrations: 'unknown', redis: 'up' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await admin.query(`alter database ${name} allow_connections true`);
    await readyzBecomes(200, { database: 'up', migrations: 'applied' });
    // The pool reconnected for real work too, not only for the probe.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ neighborhoods { name } }' }),
    });
    expect(res.status).toBe(200);
  });

  it('turn /readyz 503 when a committed migration is not recorded as applied', async () => {
    const db = new pg.Client({ connectionString: city.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('select * from mikro_orm_migrations order by id desc limit 1');
      const latest = rows[0];
      // The database went back to a copy taken before the last migration, say.
      await db.query('delete from mikro_orm_migrations where id = $1', [latest.id]);
      await readyzBecomes(503, { database: 'up', migrations: 'pending' });
      await db.query('insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)', [
        latest.id,
        latest.name,
        latest.executed_at,
      ]);
      await readyzBecomes(200, { migrations: 'applied' });
    } finally {
      await db.end();
    }
  });
});

describe('/readyz on the embedded default', () => {
  it('is ready on SQLite with no Redis configured', async () => {
    const sqlite = await prepareCity('sqlite');
    const embedded = await startServer({ DATABASE_URL: sqlite.databaseUrl });
    try {
      const res = await fetch(`${embedded.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ready',
        checks: { database: 'up', migrations: 'applied', redis: 'not configured', shutdown: 'running' },
      });
    } finally {
      expect(await embedded.stop()).toEqual({ code: 0, signal: null });
      await sqlite.db.drop();
    }
  });
});
