/**
 * What the read load sends, shared by the orchestrator (which checks the answers beforehand)
 * and load/read-worker.ts (which sends them under load): request `n` of a spec is always the
 * same request, so the answers checked are the answers measured.
 */
export interface ReadSpec {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** `Bearer …` values taken in turn (many viewers of one class), or [null] for the public. */
  authorizations: (string | null)[];
  /**
   * "Every request different": request n sets each dimension's variable (`first`, or
   * `filter.status` for a key inside `filter`) to `values[⌊n / (product of the earlier
   * dimensions' sizes)⌋ % size]`, so the product of the sizes of requests in a row are all
   * different and a result cache keyed by the variables cannot help. Empty: all identical.
   */
  dimensions: { key: string; values: unknown[] }[];
}

export interface ReadJob {
  url: string;
  seconds: number;
  concurrency: number;
  spec: ReadSpec;
  /** Where in the spec's sequence this run starts (runs never repeat each other's requests). */
  offset: number;
}

export interface ReadRunResult {
  /** Requests answered without errors. */
  count: number;
  sent: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  /** Mean bytes of an answer's body. */
  meanBytes: number;
  errors: Record<string, number>;
}

/** Request `n` of a spec: its Authorization header and body. */
export function requestFor(spec: ReadSpec, n: number): { authorization: string | null; body: string } {
  const authorization = spec.authorizations[n % spec.authorizations.length];
  let variables = spec.variables;
  let rest = n;
  for (const { key, values } of spec.dimensions) {
    const value = values[rest % values.length];
    rest = Math.floor(rest / values.length);
    const [head, inner] = key.split('.');
    variables = inner
      ? { ...variables, [head]: { ...(variables[head] as Record<string, unknown>), [inner]: value } }
      : { ...variables, [head]: value };
  }
  return {
    authorization,
    body: JSON.stringify({ operationName: spec.operationName, query: spec.query, variables }),
  };
}
