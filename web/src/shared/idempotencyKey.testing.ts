import { isDeepStrictEqual } from 'node:util';

type Variables = Record<string, unknown>;

/**
 * For MockedProvider: a `variables` matcher that accepts `expected` plus an idempotency key
 * (fresh per submission, so a test cannot spell it out), at the top level or inside `input`.
 * Every key it sees is pushed to `keys`, for tests about when a key is kept or renewed.
 */
export function withIdempotencyKey(expected: Variables, keys: string[] = []): (variables: Variables) => boolean {
  return (variables) => {
    const nested = typeof expected.input === 'object' && expected.input !== null;
    const holder = (nested ? variables.input : variables) as Variables | undefined;
    const key = holder?.idempotencyKey;
    if (typeof key !== 'string' || key.length === 0) return false;
    const { idempotencyKey: _key, ...rest } = holder!;
    const actual = nested ? { ...variables, input: rest } : rest;
    if (!isDeepStrictEqual(actual, expected)) return false;
    keys.push(key);
    return true;
  };
}
