import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat, { type Family } from 'parse-prometheus-text-format';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { collect } from '../support/live.js';
import { once } from '../support/ws.js';

const TOKEN = 'metrics-token-for-the-tests';
const REPORT = 'mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { id } }';

/** Scrapes `/metrics` as Prometheus would and parses the text with a Prometheus parser. */
async function scrape(server: TestServer): Promise<Map<string, Family>> {
  const res = await fetch(`${server.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  expect(text).toMatch(/^# TYPE bridgeboard_graphql_operation_duration_seconds histogram$/m);
  // The parser folds the samples of a labelled histogram into one (it only knows label-free
  // ones): read its _count, _sum and _bucket lines as the plain series they also are. Each label
  // set's lines come together, so one series shows up as several runs: merge them by name.
  const families = new Map<string, Family>();
  for (const family of parsePrometheusTextFormat(text.replace(/^# TYPE \S+ histogram\n/gm, ''))) {
    const known = families.get(family.name);
    if (known) known.metrics.push(...family.metrics);
    else families.set(family.name, family);
  }
  return families;
}

/** The sum of the samples whose labels include `labels` (a histogram: of its counts); 0 when absent. */
function valueOf(families: Map<string, Family>, metric: string, labels: Record<string, string> = {}): number {
  const name = metric.endsWith('_seconds') ? `${metric}_count` : metric;
  const family = families.get(name);
  if (!family) return 0;
  const matching = family.metrics.filter((sample) =>
    Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value),
  );
  return matching.reduce((sum, sample) => sum + Number(sample.value ?? 0), 0);
}

describe('/metrics', () => {
  describe('without METRICS_TOKEN', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ seed: false, announceSetup: false });
    });
    afterAll(() => server?.close());

    it('is not there (404), with or without a token', async () => {
      expect((await fetch(`${server.app.url}/metrics`)).status).toBe(404);
      const withToken = await fetch(`${server.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(withToken.status).toBe(404);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({
        config: {
          metricsToken: TOKEN,
          rateLimits: {
            login: { points: 1000, seconds: 60 },
            loginPair: { points: 1000, seconds: 60 },
            account: { points: 1000, seconds: 60 },
            report: { points: 2, seconds: 600 },
            mutation: { points: 1000, seconds: 60 },
          },
        },
      });
    });
    afterAll(() => server?.close());

    it('refuses a scrape without the bearer token, or with another, with 401', async () => {
      const url = `${server.app.url}/metrics`;
      const bare = await fetch(url);
      expect(bare.status).toBe(401);
      expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: TOKEN } })).status).toBe(401);
      expect(await (await fetch(url)).text()).not.toContain('bridgeboard_');
    });

    it('counts HTTP requests, GraphQL operations, sockets, subscriptions, live delivery and refusals as they happen', async () => {
      const before = await scrape(server);
      const ops = (labels: Record<string, string>, families = before) =>
        valueOf(families, 'bridgeboard_graphql_operation_duration_seconds', labels);
      const http = { route: 'graphql', method: 'POST', status: '200' };

      // Over HTTP: a named query, and reports until the report limit refuses one.
      const board = await fetch(`${server.app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Board { issues(first: 1) { totalCount } }' }),
      });
      expect(board.status).toBe(200);
      const report = (title: string) =>
        server.gql(REPORT, { input: { title, category: 'OTHER', neighborhoodId: server.basics.neighborhoods.east } });
      expect((await report('One')).errors).toBeUndefined();
      expect((await report('Two')).errors).toBeUndefined();
      expect((await report('Three')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');

      // Over the WebSocket: a live subscriber that receives one change.
      const client = server.ws(await server.login(server.basics.emails.officer));
      expect((await once(client, 'query Seq { latestSeq }')).data).toBeDefined();
      const live = collect(client, 'subscription Feed { activity { seq } }');
      await live.settle(300);
      await buildIssue(server, { title: 'Live' }, await server.login(server.basics.emails.officer));
      await live.waitFor(1);

      const during = await scrape(server);
      expect(valueOf(during, 'bridgeboard_http_request_duration_seconds', http)).toBeGreaterThanOrEqual(
        valueOf(before, 'bridgeboard_http_request_duration_seconds', http) + 3,
      );
      expect(ops({ transport: 'http', operation: 'Board', outcome: 'OK' }, during)).toBe(
        ops({ transport: 'http', operation: 'Board', outcome: 'OK' }) + 1,
      );
      expect(ops({ transport: 'http', operation: 'Report', outcome: 'RATE_LIMITED' }, during)).toBe(1);
      expect(ops({ transport: 'ws', type: 'query', operation: 'Seq', outcome: 'OK' }, during)).toBe(1);
      expect(valueOf(during, 'bridgeboard_rate_limit_refusals_total', { limit: 'report' })).toBe(1);
      expect(valueOf(during, 'bridgeboard_websocket_connections')).toBe(1);
      expect(valueOf(during, 'bridgeboard_websocket_subscriptions')).toBe(1);
      expect(valueOf(during, 'bridgeboard_live_delivery_delay_seconds')).toBeGreaterThanOrEqual(
        valueOf(before, 'bridgeboard_live_delivery_delay_seconds') + 1,
      );
      const committed = valueOf(during, 'bridgeboard_activity_seq', { stage: 'committed' });
      expect(committed).toBeGreaterThan(valueOf(before, 'bridgeboard_activity_seq', { stage: 'committed' }));
      expect(valueOf(during, 'bridgeboard_activity_seq', { stage: 'delivered' })).toBe(committed);
      expect(valueOf(during, 'bridgeboard_activity_backlog')).toBe(0);
      expect(
        during
          .get('bridgeboard_db_pool_connections')
          ?.metrics.map((m) => m.labels?.state)
          .sort(),
      ).toEqual(['free', 'pending', 'used']);

      // The subscriber leaves: its subscription ends with its duration and outcome.
      live.stop();
      await client.dispose();
      await expect
        .poll(async () => valueOf(await scrape(server), 'bridgeboard_websocket_connections'), { timeout: 3000 })
        .toBe(0);
      const after = await scrape(server);
      expect(valueOf(after, 'bridgeboard_websocket_subscriptions')).toBe(0);
      expect(ops({ transport: 'ws', type: 'subscription', operation: 'Feed', outcome: 'OK' }, after)).toBe(1);
    });
  });
});
