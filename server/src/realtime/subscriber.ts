import WebSocket from 'ws';
import type { DocumentNode } from 'graphql';
import type { Viewer } from '../auth/viewer.js';

/** What a live operation asked: the same for every subscriber of a group, apart from `after`. */
export type LiveRequest = Omit<LiveTarget, 'socket' | 'id'>;

/** Where a live operation's payloads go: its socket and graphql-ws operation id, and what it asked. */
export interface LiveTarget {
  socket: WebSocket;
  id: string;
  query: string;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Close code for a client that stopped reading: "try again later"; graphql-ws clients reconnect. */
export const CLOSE_TOO_SLOW = 1013;
export const TOO_SLOW_REASON = 'Too slow: reconnect and resume with after';

/** Live changes one subscriber may hold while its replay from the database runs. */
const MAX_PENDING = 2_000;
/** How long a replay waits for a client to read what it was sent before cutting it off. */
const REPLAY_DRAIN_MS = 10_000;
/** After a cut-off, how long the close handshake may take before the connection is dropped. */
const CLOSE_GRACE_MS = 2_000;

const CLOSING_BRACE = 0x7d; // }

/**
 * One client's live operation, as graphql-ws sees it: an async iterator that yields nothing and
 * ends when the client completes the operation or leaves (`return()`), or fails with the error
 * graphql-ws then sends (a bad `after`). Payloads do not go through it: the fan-out writes them
 * to the socket as graphql-ws `next` frames, the frame built around a payload shared by the group.
 *
 * `cursor` is the last seq this subscriber has been given or passed over; it starts at the bus's
 * `delivered` when it joins. Until it is live (its replay finished), its live changes wait here.
 */
export class Subscriber<G = unknown> implements AsyncIterableIterator<never> {
  group: G | null = null;
  ended = false;
  private cursor: number;
  private live = false;
  private pending: [number, Buffer][] = [];
  /** `{"id":…,"type":"next","payload":` as text: a small Buffer kept per subscriber would pin pooled memory. */
  private readonly prefix: string;
  private readonly prefixBytes: number;
  /**
   * Told once how the operation ended: null (completed, or the client left) or the error to
   * send. The WebSocket server sets it (realtime/ws-subscribe.ts), so that an open live operation
   * holds no promise, no suspended async frame and no execution arguments; `next()` (graphql-ws's
   * own loop) builds its promise only when called.
   */
  private settled: ((failure: { error: unknown } | null) => void) | null = null;
  private failure: { error: unknown } | null = null;
  private done: Promise<IteratorResult<never>> | null = null;

  /**
   * Only the socket and a flat copy of the id are kept of the target: strings parsed from a
   * message (the id, the operation name) may be slices of its whole text and would pin it; what
   * the operation asked is the group's.
   */
  readonly socket: WebSocket;

  constructor(
    target: Pick<LiveTarget, 'socket' | 'id'>,
    readonly viewer: Viewer | null,
    joinedAt: number,
    private readonly bufferLimit: number,
    private readonly onEnd: () => void,
  ) {
    this.socket = target.socket;
    this.cursor = joinedAt;
    this.prefix = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
    this.prefixBytes = Buffer.byteLength(this.prefix);
  }

  /** Calls `settled` once the operation ends (at once if it already has). */
  onSettled(settled: (failure: { error: unknown } | null) => void): void {
    if (this.ended) return settled(this.failure);
    this.settled = settled;
  }

  /** Whether the change `seq` is still to come for this subscriber. */
  wants(seq: number): boolean {
    return !this.ended && seq > this.cursor;
  }

  /** A change it will not receive (its filter refused it). */
  skip(seq: number): void {
    if (this.wants(seq)) this.cursor = seq;
  }

  /**
   * A live change for it: sent now, or queued behind its replay. `frames` holds the `next`
   * frames already built for this change, by prefix: the subscribers of a group mostly use the
   * same operation id ("1"), and then all write the same bytes.
   */
  write(seq: number, payload: Buffer, frames?: Map<string, Buffer>): void {
    if (!this.wants(seq)) return;
    this.cursor = seq;
    if (this.live) {
      if (!frames) return this.send(payload);
      let frame = frames.get(this.prefix);
      if (!frame) {
        frame = this.frame(payload);
        frames.set(this.prefix, frame);
      }
      return this.sendFrame(frame);
    }
    this.pending.push([seq, payload]);
    if (this.pending.length > MAX_PENDING) this.cutOff();
  }

  /** A replayed change, sent at the pace the client reads. False when the subscriber is gone. */
  async writeReplayed(payload: Buffer): Promise<boolean> {
    this.send(payload);
    const socket = this.socket;
    const until = Date.now() + REPLAY_DRAIN_MS;
    while (!this.ended && socket.readyState === WebSocket.OPEN && socket.bufferedAmount > this.bufferLimit / 2) {
      if (Date.now() > until) {
        this.cutOff();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return !this.ended && socket.readyState === WebSocket.OPEN;
  }

  /** Replay done (or none needed): sends what waited, skipping up to `from`, and goes live. */
  goLive(from: number): void {
    if (this.ended) return;
    for (const [seq, payload] of this.pending) if (seq > from) this.send(payload);
    this.pending = [];
    this.cursor = Math.max(this.cursor, from);
    this.live = true;
  }

  /** Ends the operation normally (the client completed it or left). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    this.onEnd();
    this.settle();
  }

  /** Ends the operation with an error graphql-ws sends to the client. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    this.failure = { error };
    this.onEnd();
    this.settle();
  }

  next(): Promise<IteratorResult<never>> {
    this.done ??= new Promise((resolve, reject) =>
      this.onSettled((failure) => (failure ? reject(failure.error) : resolve({ value: undefined, done: true }))),
    );
    return this.done;
  }

  return(): Promise<IteratorResult<never>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<never>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    return this;
  }

  private settle(): void {
    const settled = this.settled;
    this.settled = null;
    settled?.(this.failure);
  }

  private send(payload: Buffer): void {
    if (this.socket.readyState === WebSocket.OPEN) this.sendFrame(this.frame(payload));
  }

  /** The graphql-ws `next` message for this operation id, built around the group's shared payload bytes. */
  private frame(payload: Buffer): Buffer {
    const frame = Buffer.allocUnsafe(this.prefixBytes + payload.length + 1);
    frame.write(this.prefix, 0, 'utf8');
    payload.copy(frame, this.prefixBytes);
    frame[frame.length - 1] = CLOSING_BRACE;
    return frame;
  }

  private sendFrame(frame: Buffer): void {
    const socket = this.socket;
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(frame, { binary: false });
    if (socket.bufferedAmount > this.bufferLimit) this.cutOff();
  }

  /**
   * The client stopped reading: stop writing to it, so its backlog cannot grow server memory or
   * delay anyone, and close its socket with 1013. It reconnects and resumes with `after`.
   */
  private cutOff(): void {
    const socket = this.socket;
    this.end();
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.close(CLOSE_TOO_SLOW, TOO_SLOW_REASON);
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  }
}
