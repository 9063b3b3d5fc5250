import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { startServer, type TestServer } from '../support/server.js';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/config.js';
import { openRaw } from '../support/raw-ws.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMITS = { ...DEFAULT_QUERY_LIMITS, connections: 3, memberConnections: 2 };

// Two instances on one PostgreSQL database, sharing their connection counts through Redis.
let a: TestServer;
let b: TestServer;
let redis: Redis;
const clients: Client[] = [];

beforeAll(async () => {
  const config = { redisUrl: REDIS_URL, limits: LIMITS, trustProxy: ['loopback'] };
  a = await startServer({ config });
  b = await startServer({ db: a.db, seed: false, config });
  Object.assign(b, { basics: a.basics });
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await redis?.quit();
  await b?.stop();
  await a?.close();
});

let nextAddress = 1;
const newAddress = () => `192.0.2.${nextAddress++}`;

function clientOn(server: TestServer, address: string, token?: string): Client {
  class FromAddress extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  const client = createClient({
    url: server.app.wsUrl,
    webSocketImpl: FromAddress,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

function outcome(client: Client): Promise<'connected' | number> {
  return new Promise((resolve) => {
    client.on('connected', () => resolve('connected'));
    client.on('closed', (event) => resolve((event as { code: number }).code));
  });
}

async function upgradeStatus(server: TestServer, address: string): Promise<number> {
  try {
    const raw = await openRaw(server.app.wsUrl, { 'x-forwarded-for': address });
    raw.socket.close();
    return 101;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

/** The Redis sets holding this deployment's connection counts, with their entries and expiries. */
async function countSets(): Promise<Map<string, { entries: [string, number][]; pttl: number }>> {
  const [{ value: streamId }] = await a.app.orm.em
    .fork()
    .getConnection()
    .execute<{ value: string }[]>("select value from app_setting where key = 'stream_id'");
  const keys = await redis.keys(`bridgeboard:connections:${streamId}:*`);
  const sets = new Map<string, { entries: [string, number][]; pttl: number }>();
  for (const key of keys) {
    const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
    const entries: [string, number][] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push([flat[i], Number(flat[i + 1])]);
    sets.set(key, { entries, pttl: await redis.pttl(key) });
  }
  return sets;
}

describe('connection limits across instances: PostgreSQL + Redis', () => {
  it('counts one address across both instances, and gives the place back when a socket closes', async () => {
    const address = newAddress();
    const held = [clientOn(a, address), clientOn(b, address), clientOn(a, address)];
    expect(await Promise.all(held.map(outcome))).toEqual(['connected', 'connected', 'connected']);
    expect(await upgradeStatus(b, address)).toBe(429);
    expect(await upgradeStatus(a, address)).toBe(429);
    await held[1].dispose();
    await expect.poll(() => upgradeStatus(a, address), { timeout: 3000 }).toBe(101);
  });

  it("counts a member's sockets across both instances", async () => {
    const token = await a.login(a.basics.emails.officer);
    const onA = clientOn(a, newAddress(), token);
    const onB = clientOn(b, newAddress(), token);
    expect(await Promise.all([outcome(onA), outcome(onB)])).toEqual(['connected', 'connected']);
    expect(await outcome(clientOn(b, newAddress(), token))).toBe(4429);
    expect(await outcome(clientOn(a, newAddress(), token))).toBe(4429);
    expect(await outcome(clientOn(a, newAddress()))).toBe('connected'); // the public is counted by address only
  });

  it('keeps no count for ever: every entry expires within a minute unless its instance renews it', async () => {
    const address = newAddress();
    const held = [clientOn(a, address), clientOn(b, address), clientOn(b, address)];
    expect(await Promise.all(held.map(outcome))).toEqual(['connected', 'connected', 'connected']);
    expect(await upgradeStatus(a, address)).toBe(429);

    const now = Number((await redis.time())[0]) * 1000;
    const sets = await countSets();
    expect(sets.size).toBeGreaterThan(0);
    for (const { entries, pttl } of sets.values()) {
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(60_000);
      for (const [, expires] of entries) expect(expires).toBeLessThanOrEqual(now + 61_000);
    }
    // Instance B dies without a word (no release, no renewal): once its entries' time is up they
    // no longer count, and instance A admits the address again.
    const full = [...sets].find(([, set]) => set.entries.length === 3);
    expect(full).toBeDefined();
    const [key, { entries }] = full!;
    const instanceOf = (entry: string) => entry.slice(0, entry.lastIndexOf(':'));
    const instances = new Set(entries.map(([entry]) => instanceOf(entry)));
    expect(instances.size).toBe(2);
    const ofB = [...instances].find((id) => entries.filter(([e]) => instanceOf(e) === id).length === 2)!;
    for (const [entry] of entries.filter(([e]) => instanceOf(e) === ofB)) await redis.zadd(key, 'XX', now - 1, entry);
    expect(await upgradeStatus(a, address)).toBe(101);
  });
});
