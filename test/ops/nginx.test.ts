import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardIssueChangedDocument, BoardIssuesDocument } from '../../web/src/graphql/generated/graphql.js';
import { collect, connected } from '../support/live.js';
import { gql, login, prepareCity, report, REPORT, resumingSubscriber, type City } from './support/city.js';
import {
  ROOT,
  startNginx,
  startServer,
  stopAll,
  until,
  type NginxProcess,
  type ServerProcess,
} from './support/processes.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The deployment the README describes: nginx (Debian's package) with deploy/nginx.conf in front
 * of two compiled instances on PostgreSQL + Redis. Everything goes through nginx's port.
 */
let city: City;
let env: Record<string, string>;
const instances: ServerProcess[] = [];
let nginx: NginxProcess;

beforeAll(async () => {
  city = await prepareCity('postgres');
  env = { DATABASE_URL: city.databaseUrl, REDIS_URL, TRUST_PROXY: '1', SHUTDOWN_GRACE_SECONDS: '10' };
  instances.push(...(await Promise.all([startServer(env), startServer(env)])));
  nginx = await startNginx([instances[0].port, instances[1].port]);
});
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((s) => s.stop()));
  await stopAll();
  await city?.db.drop();
});

describe('behind nginx', () => {
  it('runs the configuration the README shows', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8'));
  });

  it('serves the board, its GraphQL and its live WebSocket', async () => {
    const page = await fetch(`${nginx.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="root">/);
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect((await fetch(`${nginx.url}${script}`)).status).toBe(200);

    const token = await login(nginx.url, city.basics.emails.officer);
    const filter = { status: ['OPEN'] };
    const board = await gql(nginx.url, print(BoardIssuesDocument), { filter, first: 50 }, token);
    expect(board.errors).toBeUndefined();
    const after = board.data.latestSeq as number;

    // The board's own subscription, upgraded through nginx.
    const client = createClient({
      url: nginx.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const live = collect(client, print(BoardIssueChangedDocument), { filter, after });
      await connected(client);
      const reported = await gql(nginx.url, REPORT, report(city, 'Reported through nginx'));
      const [change] = await live.waitFor(1, 10_000);
      expect(change.issueChanged.issue).toMatchObject({
        id: reported.data.reportIssue.id,
        title: 'Reported through nginx',
      });
      expect(change.issueChanged.seq).toBe(after + 1);
      live.stop();
    } finally {
      await client.dispose();
    }
  });

  it('loses no change for a subscriber connected through it while both instances restart one after the other', async () => {
    const after = (await gql(nginx.url, '{ latestSeq }')).data.latestSeq as number;
    const subscriber = resumingSubscriber([nginx.wsUrl], null, after);
    await until(() => subscriber.connectedTo.length === 1, 10_000, 'the subscriber to connect');

    // A steady stream of reports through nginx for the whole restart.
    const committed: string[] = [];
    const failures: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        const title = `Report ${i}`;
        const res = await gql(nginx.url, REPORT, report(city, title)).catch((error: Error) => ({
          status: 0,
          errors: [{ message: error.message }],
          data: undefined,
        }));
        if (res.data?.reportIssue) committed.push(title);
        else failures.push(`${res.status} ${JSON.stringify(res.errors)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    try {
      for (const [i, instance] of [...instances].entries()) {
        await new Promise((r) => setTimeout(r, 1000));
        expect(await instance.stop('SIGTERM')).toEqual({ code: 0, signal: null });
        instances[i] = await startServer(env, instance.port);
        // nginx's fail_timeout (2 s) passes before the next instance goes down, as the README says.
        await new Promise((r) => setTimeout(r, 2500));
      }
      writing = false;
      await writer;
      await until(
        () => subscriber.changes.length >= committed.length,
        15_000,
        `all ${committed.length} changes (got ${subscriber.changes.length})`,
      );
      await new Promise((r) => setTimeout(r, 500));

      expect(failures, nginx.output()).toEqual([]);
      expect(committed.length).toBeGreaterThan(20);
      expect(subscriber.errors).toEqual([]);
      expect(subscriber.changes.map((c) => c.issue.title).sort()).toEqual([...committed].sort());
      const seqs = subscriber.changes.map((c) => c.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      // Its socket was on one of them: that one told it to reconnect, and it did, through nginx.
      expect(subscriber.closeCodes).toContain(1012);
      expect(subscriber.connectedTo.length).toBeGreaterThanOrEqual(2);
    } finally {
      writing = false;
      await writer;
      await subscriber.dispose();
    }
  });
});
