import type { ChangeRecord } from '../targets.js';

/** One HTTP load job for load/http-worker.ts. */
export type HttpJob = {
  url: string;
  token: string | null;
  seconds: number;
  concurrency: number;
} & (
  | { kind: 'read' }
  | { kind: 'support'; issueIds: string[] }
  | { kind: 'report'; neighborhoodId: string }
  | { kind: 'status'; issueIds: string[] }
);

export interface HttpResult {
  /** Requests answered without errors. */
  count: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  errors: Record<string, number>;
  /** Writes that committed, with the key their change carries in payloads. */
  records: ChangeRecord[];
}
