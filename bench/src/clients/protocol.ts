import type { Histogram } from '../stats.js';

/** What one kind of subscriber sends: an operation, its variables (apart from `after`) and who it is. */
export interface Profile {
  /** e.g. `board/officer`, `public`, `token/agency` */
  name: string;
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** `Bearer …` for connection_init, or null for the public. */
  authorization: string | null;
}

/** One client: the index of its profile and its own `after`. */
export type ClientSpec = [profile: number, after: number];

/** A change the driver made, by the `seq` of the activity it wrote (what every payload carries). */
export interface SentChange {
  seq: number;
  /** Microseconds on CLOCK_MONOTONIC, just before the mutation (or trigger) was sent. */
  sentAt: number;
}

export interface ConnectParams {
  url: string;
  profiles: Profile[];
  clients: ClientSpec[];
  /** A client is ready once its replay has reached this seq. */
  readySeq: number;
  timeoutMs: number;
  /** Handshakes in flight at once in this worker. */
  concurrency: number;
}

export interface ConnectResult {
  ready: number;
  failed: number;
  /** Close codes (and `error:<message>` for refused subscriptions) of clients that never got ready. */
  failures: Record<string, number>;
  ms: number;
}

export interface PhaseStats {
  clients: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Frames newer than the phase's baseline that belong to none of its changes. */
  unexpected: number;
  /** Clients whose socket closed (code -> count) since the phase began. */
  closed: Record<string, number>;
  histogram: Histogram;
}

export interface PauseResult {
  paused: number;
  /** Client-side ports, to find the server's side of these sockets in /proc/net/tcp. */
  localPorts: number[];
}

/** Requests the orchestrator sends to a client worker; every one is answered with `{ id, result | error }`. */
export type WorkerRequest =
  | { id: number; method: 'connect'; params: ConnectParams }
  | { id: number; method: 'mark'; params: { baselineSeq: number } }
  | { id: number; method: 'progress'; params: Record<string, never> }
  | { id: number; method: 'collect'; params: { changes: SentChange[] } }
  | { id: number; method: 'pause'; params: Record<string, never> }
  | { id: number; method: 'closed'; params: Record<string, never> }
  | { id: number; method: 'shutdown'; params: Record<string, never> };

export interface WorkerResponse {
  id: number;
  result?: unknown;
  error?: string;
}
