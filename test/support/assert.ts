import { expect } from 'vitest';
import type { GqlResult, TestServer } from './server.js';
import { snapshotDb } from './factories.js';

/** The one error a client got: its code, a human message, no internals, no 5xx. */
export function theError(res: GqlResult) {
  expect(res.errors, `expected an error, got ${JSON.stringify(res.data)}`).toHaveLength(1);
  const [error] = res.errors!;
  expect(res.status).toBeLessThan(500);
  expect(error.extensions?.stacktrace).toBeUndefined();
  expect(error.message).not.toMatch(
    /\bat .*\.(ts|js):\d+|Internal server error|\bselect .* from |insert into |update \S+ set /i,
  );
  return error;
}

/** Runs a call that must be refused with `code` (and a message matching `message`) and change nothing. */
export async function expectRefused(server: TestServer, run: () => Promise<GqlResult>, code: string, message?: RegExp) {
  const before = await snapshotDb(server);
  const res = await run();
  const error = theError(res);
  expect(error.extensions?.code, error.message).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(await snapshotDb(server)).toEqual(before);
  return error;
}

/** Raw SQL through the server's own connection, for checks of what is (not) stored. */
export const sqlOf =
  (server: () => TestServer) =>
  (query: string, params: unknown[] = []) =>
    server().app.orm.em.fork().getConnection().execute(query, params) as Promise<Record<string, unknown>[]>;
