import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf, theError } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildEvent, buildIssue } from '../support/factories.js';
import { IdempotencyKey } from '../../server/src/modules/idempotency/idempotency-key.entity.js';
import { IdempotencyPurgeJob } from '../../server/src/modules/idempotency/idempotency.purge.js';

const REPORT = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id title status version } }`;
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title version } }`;
const RSVP = `mutation($id: ID!, $input: RsvpInput!) { rsvpEvent(id: $id, input: $input) { id rsvpCount } }`;
const ADD_UPDATE = `mutation($id: ID!, $body: String!, $key: String) {
  addIssueUpdate(issueId: $id, body: $body, idempotencyKey: $key) { id body }
}`;
const SET_STATUS = 'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id status } }';

let server: TestServer;
let officer: string;
let partner: string;

beforeAll(async () => {
  // Behind a (loopback) proxy, so residents at different addresses can be told apart.
  server = await startServer({ config: { trustProxy: ['loopback'] } });
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
  Number((await sql(`select count(*) as n from ${table} where ${where}`, params))[0].n);
const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);

/** POST /graphql with an optional token, Idempotency-Key header and client address. */
async function post(
  query: string,
  variables: Record<string, unknown>,
  options: { token?: string | null; key?: string; from?: string } = {},
): Promise<GqlResult> {
  const res = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.key != null ? { 'idempotency-key': options.key } : {}),
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GqlResult, 'status'>) };
}

const report = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: 'Broken glass on the path',
  category: 'LIGHTING',
  neighborhoodId: server.basics.neighborhoods.east,
  ...extra,
});

const issuesTitled = (title: string) => count('community_issue', 'title = ?', [title]);
const reportedActivities = (title: string) => count('activity', 'summary = ?', [`New issue reported: ${title}`]);

describe('reportIssue with an idempotency key', () => {
  it('refuses a key that is empty, too long or not visible ASCII, and a header that disagrees with the field', async () => {
    for (const bad of ['', 'has space', 'k'.repeat(256), 'clé']) {
      const error = await expectRefused(
        () => post(REPORT, { input: report('Bad key', { idempotencyKey: bad }) }),
        'BAD_USER_INPUT',
        /idempotencyKey must be 1 to 255 visible ASCII characters/,
      );
      expect(error.extensions?.field).toBe('idempotencyKey');
    }
    await expectRefused(
      () => post(REPORT, { input: report('Two keys', { idempotencyKey: 'a-1' }) }, { key: 'a-2' }),
      'BAD_USER_INPUT',
      /field and the Idempotency-Key header differ/,
    );
  });

  it('refuses the header on an operation that is not exactly one creating mutation', async () => {
    const two = `mutation($a: ReportIssueInput!, $b: ReportIssueInput!) { a: reportIssue(input: $a) { id } b: reportIssue(input: $b) { id } }`;
    const error = await expectRefused(
      () => post(two, { a: report('Twin A'), b: report('Twin B') }, { key: randomUUID() }),
      'BAD_USER_INPUT',
      /single creating mutation/,
    );
    expect(error.extensions?.reason).toBe('IDEMPOTENCY_HEADER_NOT_APPLICABLE');
    await expectRefused(() => post(SET_STATUS, { id: 'x' }, { token: officer, key: randomUUID() }), 'BAD_USER_INPUT');
  });

  it("answers a resident's retry with the first issue and writes nothing more (input field)", async () => {
    const key = randomUUID();
    const input = report('Retry by field', { idempotencyKey: key, contact: 'ana@example.org' });
    const first = await post(REPORT, { input });
    expect(first.errors).toBeUndefined();
    const before = await count('idempotency_key');
    const again = await post(REPORT, { input });
    const third = await post(REPORT, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data.reportIssue.id).toBe(first.data.reportIssue.id);
    expect(third.data.reportIssue.id).toBe(first.data.reportIssue.id);
    expect(await issuesTitled('Retry by field')).toBe(1);
    expect(await reportedActivities('Retry by field')).toBe(1);
    expect(await count('idempotency_key')).toBe(before);
  });

  it('does the same with the Idempotency-Key header, and with the same key in both', async () => {
    const key = randomUUID();
    const input = report('Retry by header');
    const first = await post(REPORT, { input }, { key });
    const again = await post(REPORT, { input }, { key });
    const both = await post(REPORT, { input: { ...input, idempotencyKey: key } }, { key });
    expect(again.data.reportIssue.id).toBe(first.data.reportIssue.id);
    expect(both.data.reportIssue.id).toBe(first.data.reportIssue.id);
    expect(await issuesTitled('Retry by header')).toBe(1);
    expect(await reportedActivities('Retry by header')).toBe(1);
  });

  it('answers a replay with the issue as it is now', async () => {
    const key = randomUUID();
    const input = report('Replay shows now', { idempotencyKey: key });
    const first = await post(REPORT, { input });
    await server.gql(SET_STATUS, { id: first.data.reportIssue.id }, officer);
    const again = await post(REPORT, { input });
    expect(again.data.reportIssue).toMatchObject({ id: first.data.reportIssue.id, status: 'ACKNOWLEDGED' });
  });

  it('refuses the same key with a different input (IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
    const key = randomUUID();
    await post(REPORT, { input: report('Reused key', { idempotencyKey: key }) });
    const error = await expectRefused(
      () => post(REPORT, { input: report('Reused key, other title', { idempotencyKey: key }) }),
      'BAD_USER_INPUT',
      /^This idempotency key was used for a different request$/,
    );
    expect(error.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    // Another mutation with the key is a different request too.
    const event = await buildEvent(server, officer);
    await expectRefused(
      () => post(RSVP, { id: event.id, input: { name: 'Ana', idempotencyKey: key } }),
      'BAD_USER_INPUT',
      /different request/,
    );
  });

  it('keeps callers apart: residents at two addresses, an officer and a partner may use the same key', async () => {
    const key = randomUUID();
    const input = report('Same key, four callers', { idempotencyKey: key });
    const ids = [
      await post(REPORT, { input }, { from: '203.0.113.5' }),
      await post(REPORT, { input }, { from: '203.0.113.6' }),
      await post(REPORT, { input }, { token: officer }),
      await post(REPORT, { input }, { token: partner }),
    ].map((r) => r.data.reportIssue.id);
    expect(new Set(ids).size).toBe(4);
    expect(await issuesTitled('Same key, four callers')).toBe(4);
    // And each of them still gets their own back.
    const again = await post(REPORT, { input }, { from: '203.0.113.6' });
    expect(again.data.reportIssue.id).toBe(ids[1]);
  });

  it('works over the WebSocket too, keyed by the input field', async () => {
    const client = server.ws(null);
    const once = (input: Record<string, unknown>) =>
      new Promise<GqlResult>((resolve, reject) => {
        let result: GqlResult = { status: 0 };
        client.subscribe(
          { query: REPORT, variables: { input } },
          { next: (r) => (result = { status: 0, ...(r as object) }), error: reject, complete: () => resolve(result) },
        );
      });
    const input = report('Keyed over WebSocket', { idempotencyKey: randomUUID() });
    const first = await once(input);
    const again = await once(input);
    expect(first.errors).toBeUndefined();
    expect(again.data.reportIssue.id).toBe(first.data.reportIssue.id);
    expect(await issuesTitled('Keyed over WebSocket')).toBe(1);
  });

  it('lets five concurrent requests with one key create one issue and answer all five with it', async () => {
    const key = randomUUID();
    const input = report('Five at once', { idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 5 }, () => post(REPORT, { input })));
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(new Set(results.map((r) => r.data.reportIssue.id)).size).toBe(1);
    expect(await issuesTitled('Five at once')).toBe(1);
    expect(await reportedActivities('Five at once')).toBe(1);
  });

  it('creates again once the key is older than 24 hours, and the hourly job deletes such keys', async () => {
    const key = randomUUID();
    const input = report('Expired key', { idempotencyKey: key });
    const first = await post(REPORT, { input });
    const em = server.app.orm.em.fork();
    const old = new Date(Date.now() - 25 * 3600_000);
    const rows = await em.find(IdempotencyKey, { operation: 'reportIssue' }, { orderBy: { pk: 'desc' }, limit: 1 });
    rows[0].createdAt = old;
    await em.flush();
    const second = await post(REPORT, { input });
    expect(second.data.reportIssue.id).not.toBe(first.data.reportIssue.id);
    expect(await issuesTitled('Expired key')).toBe(2);
    // The new claim is fresh: the key now answers with the second issue.
    expect((await post(REPORT, { input })).data.reportIssue.id).toBe(second.data.reportIssue.id);

    const stale = em.create(IdempotencyKey, {
      scope: 'hidden',
      keyHash: 'f'.repeat(64),
      operation: 'reportIssue',
      requestHash: 'e'.repeat(64),
      subjectId: first.data.reportIssue.id,
      createdAt: old,
    });
    await em.flush();
    const fresh = await count('idempotency_key', 'created_at >= ?', [new Date(Date.now() - 3600_000)]);
    expect(await new IdempotencyPurgeJob(server.app.orm).run()).toBeGreaterThanOrEqual(1);
    expect(await count('idempotency_key', 'id = ?', [stale.pk])).toBe(0);
    expect(await count('idempotency_key')).toBe(fresh);
  });

  it('stores no identity for an anonymous report: no account, no address, no key in the clear', async () => {
    const key = `anon-${randomUUID()}`;
    for (const token of [null, officer]) {
      const res = await post(
        REPORT,
        {
          input: report(`Anonymous with key ${token ? 'member' : 'resident'}`, {
            anonymous: true,
            idempotencyKey: key,
          }),
        },
        { token, from: '198.51.100.77' },
      );
      expect(res.errors).toBeUndefined();
      const [row] = await sql('select * from idempotency_key order by id desc limit 1');
      expect(row.scope).toBe('hidden');
      const text = JSON.stringify(row);
      expect(text).not.toContain(key);
      expect(text).not.toContain('198.51.100.77');
      expect(text).not.toMatch(/member|token:/);
    }
    // The member's own (named) reports are scoped to their account, so the two never meet.
    const named = await post(REPORT, { input: report('Named with key', { idempotencyKey: key }) }, { token: officer });
    expect(named.errors).toBeUndefined();
    const [row] = await sql('select scope from idempotency_key order by id desc limit 1');
    expect(row.scope).toMatch(/^member:\d+$/);
  });
});

describe('createEvent, rsvpEvent and addIssueUpdate with an idempotency key', () => {
  const eventInput = (title: string, key: string) => {
    const startsAt = new Date(Date.now() + 72 * 3600_000);
    return {
      title,
      kind: 'TOWN_HALL',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      locationName: 'Library',
      idempotencyKey: key,
    };
  };

  it('still refuses callers who may not create: the public cannot create an event or add an update', async () => {
    await expectRefused(() => post(CREATE_EVENT, { input: eventInput('Nope', randomUUID()) }), 'UNAUTHENTICATED');
    const issue = await buildIssue(server);
    await expectRefused(() => post(ADD_UPDATE, { id: issue.id, body: 'x', key: randomUUID() }), 'UNAUTHENTICATED');
  });

  it('creates one event for a retried createEvent, and refuses the key for another event', async () => {
    const key = randomUUID();
    const input = eventInput('Keyed town hall', key);
    const [a, b] = await Promise.all([
      post(CREATE_EVENT, { input }, { token: officer }),
      post(CREATE_EVENT, { input }, { token: officer }),
    ]);
    const c = await post(CREATE_EVENT, { input }, { token: officer });
    expect([b.data.createEvent.id, c.data.createEvent.id]).toEqual([a.data.createEvent.id, a.data.createEvent.id]);
    expect(await count('shared_event', 'title = ?', ['Keyed town hall'])).toBe(1);
    expect(await count('activity', 'summary = ?', ['New event: Keyed town hall'])).toBe(1);
    const error = await expectRefused(
      () => post(CREATE_EVENT, { input: { ...input, title: 'Another town hall' } }, { token: officer }),
      'BAD_USER_INPUT',
    );
    expect(error.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('counts a retried RSVP once, and refuses the key for another party size', async () => {
    const event = await buildEvent(server, officer, { capacity: 10 });
    const key = randomUUID();
    const input = { name: 'Ana', partySize: 2, idempotencyKey: key };
    const first = await post(RSVP, { id: event.id, input });
    const again = await post(RSVP, { id: event.id, input }, { key });
    expect(first.data.rsvpEvent.rsvpCount).toBe(2);
    expect(again.data.rsvpEvent.rsvpCount).toBe(2);
    expect(await count('event_rsvp', 'name = ?', ['Ana'])).toBe(1);
    const error = theError(await post(RSVP, { id: event.id, input: { ...input, partySize: 3 } }));
    expect(error.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('event_rsvp', 'name = ?', ['Ana'])).toBe(1);
  });

  it('adds one update for a retried addIssueUpdate (argument or header), and refuses the key for another body', async () => {
    const issue = await buildIssue(server, { title: 'Keyed updates' });
    const key = randomUUID();
    const first = await post(ADD_UPDATE, { id: issue.id, body: 'On our way', key }, { token: officer });
    const again = await post(ADD_UPDATE, { id: issue.id, body: 'On our way' }, { token: officer, key });
    expect(first.errors).toBeUndefined();
    expect(again.data.addIssueUpdate.id).toBe(first.data.addIssueUpdate.id);
    expect(await count('issue_update', 'body = ?', ['On our way'])).toBe(1);
    const error = theError(await post(ADD_UPDATE, { id: issue.id, body: 'Something else', key }, { token: officer }));
    expect(error.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    // A partner's same key is their own.
    const theirs = await post(ADD_UPDATE, { id: issue.id, body: 'On our way', key }, { token: partner });
    expect(theirs.data.addIssueUpdate.id).not.toBe(first.data.addIssueUpdate.id);
  });
});

describe('rate limits and idempotency keys', () => {
  let limited: TestServer;
  beforeAll(async () => {
    const generous = { points: 1_000_000, seconds: 60 };
    limited = await startServer({
      config: {
        rateLimits: {
          login: generous,
          loginPair: generous,
          account: generous,
          mutation: generous,
          report: { points: 2, seconds: 600 },
        },
      },
    });
  });
  afterAll(() => limited?.close());

  it('charges a report once however often it is retried with its key, and still limits new reports', async () => {
    const send = (title: string, key?: string) =>
      limited.gql(REPORT, {
        input: { ...report(title), neighborhoodId: limited.basics.neighborhoods.east, idempotencyKey: key },
      });
    const key = randomUUID();
    const first = await send('Charged once', key);
    expect(first.errors).toBeUndefined();
    for (let i = 0; i < 4; i++) {
      const again = await send('Charged once', key);
      expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
      expect(again.data.reportIssue.id).toBe(first.data.reportIssue.id);
    }
    expect((await send('Second report')).errors).toBeUndefined();
    const third = await send('Third report', randomUUID());
    expect(theError(third).extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('createOrganization, createMember and createApiToken with an idempotency key', () => {
  const CREATE_ORG = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }';
  const CREATE_MEMBER = 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id email } }';
  const CREATE_TOKEN =
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }';
  let coordinator: string;
  beforeAll(async () => {
    coordinator = await server.login(server.basics.emails.coordinator);
  });

  it('is still for coordinators only', async () => {
    const key = randomUUID();
    await expectRefused(
      () => post(CREATE_ORG, { input: { name: 'Sneaky Org', kind: 'OTHER', idempotencyKey: key } }, { token: officer }),
      'FORBIDDEN',
    );
  });

  it('answers a retried createOrganization and createMember with the first, instead of "already in use"', async () => {
    const key = randomUUID();
    const org = { name: 'Keyed Library Friends', kind: 'OTHER', idempotencyKey: key };
    const first = await post(CREATE_ORG, { input: org }, { token: coordinator });
    const again = await post(CREATE_ORG, { input: org }, { token: coordinator });
    expect(again.errors).toBeUndefined();
    expect(again.data.createOrganization.id).toBe(first.data.createOrganization.id);

    const member = {
      name: 'Kim Keyed',
      email: 'kim.keyed@test.local',
      role: 'PARTNER',
      organizationId: first.data.createOrganization.id,
      password: 'a long enough password',
      idempotencyKey: randomUUID(),
    };
    const m1 = await post(CREATE_MEMBER, { input: member }, { token: coordinator });
    const m2 = await post(CREATE_MEMBER, { input: member }, { token: coordinator, key: member.idempotencyKey });
    expect(m2.errors).toBeUndefined();
    expect(m2.data.createMember.id).toBe(m1.data.createMember.id);
    expect(await count('member', 'email = ?', ['kim.keyed@test.local'])).toBe(1);
    // The password never reaches the key's row, not even hashed with the request.
    const [row] = await sql("select * from idempotency_key where operation = 'createMember'");
    expect(JSON.stringify(row)).not.toContain('a long enough password');
  });

  it('answers a retried createNeighborhood with the first, and refuses the key for another shape', async () => {
    const CREATE = 'mutation($input: CreateNeighborhoodInput!) { createNeighborhood(input: $input) { id name } }';
    const square = (lng: number) =>
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [lng, 10],
            [lng + 1, 10],
            [lng + 1, 11],
            [lng, 11],
            [lng, 10],
          ],
        ],
      });
    const input = { name: 'Keyed Heights', boundary: square(30), idempotencyKey: randomUUID() };
    const first = await post(CREATE, { input }, { token: coordinator });
    const again = await post(CREATE, { input }, { token: coordinator, key: input.idempotencyKey });
    expect(again.errors).toBeUndefined();
    expect(again.data.createNeighborhood).toEqual(first.data.createNeighborhood);
    expect(await count('neighborhood', 'name = ?', ['Keyed Heights'])).toBe(1);
    const other = await post(CREATE, { input: { ...input, boundary: square(40) } }, { token: coordinator });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('makes one API token for a retried createApiToken, and says the secret was shown once', async () => {
    const input = { name: 'Keyed tool', scopes: ['ISSUES_READ'], idempotencyKey: randomUUID() };
    const first = await post(CREATE_TOKEN, { input }, { token: coordinator });
    expect(first.data.createApiToken.token).toMatch(/^bbt_/);
    const error = await expectRefused(
      () => post(CREATE_TOKEN, { input }, { token: coordinator }),
      'CONFLICT',
      /shown only once/,
    );
    expect(error.extensions).toMatchObject({
      reason: 'IDEMPOTENT_SECRET_SHOWN_ONCE',
      apiTokenId: first.data.createApiToken.apiToken.id,
    });
    expect(await count('api_token', 'name = ?', ['Keyed tool'])).toBe(1);
  });
});
