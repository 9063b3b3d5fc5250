import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import { startServer, type TestServer } from '../support/server.js';

describe('GraphQL over HTTP (graphql-http audit)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('holds every MUST and every SHOULD of the GraphQL-over-HTTP spec', async () => {
    const results = await auditServer({ url: `${server.app.url}/graphql` });
    // MAYs aside: GETs without a preflight header are refused on purpose (CSRF protection).
    const failures = results
      .filter((result) => result.status !== 'ok' && !result.name.startsWith('MAY '))
      .map(
        (result) =>
          `${result.status === 'error' ? 'MUST' : 'SHOULD'} ${result.name}: ${'reason' in result ? result.reason : ''}`,
      );
    expect(failures).toEqual([]);
    expect(results.filter((result) => /^(MUST|SHOULD) /.test(result.name)).length).toBeGreaterThan(30);
  });
});
