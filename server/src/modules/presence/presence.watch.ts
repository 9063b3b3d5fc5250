/**
 * One subscriber's view of presence: an async iterator that holds at most one snapshot. Presence
 * is state, not a feed of events, so a reader that falls behind skips to the newest snapshot
 * instead of queueing every one it missed; memory per watcher stays constant however slow it is.
 *
 * Lifecycle: created by `PresenceService.watch()`; `return()` (graphql-ws calls it when the
 * client unsubscribes or disconnects) or `close()` ends it and unregisters it.
 */
export class PresenceWatch<T extends object> implements AsyncIterableIterator<T> {
  /** The last snapshot handed to this watcher (delivered or waiting): never offered twice. */
  private last: T | null = null;
  private pending: T | null = null;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  /** Hands over `snapshot` unless it is the one this watcher already has; replaces one not yet read. */
  offer(snapshot: T): void {
    if (this.closed || snapshot === this.last) return;
    this.last = snapshot;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: snapshot, done: false });
      return;
    }
    this.pending = snapshot;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.pending) {
      const value = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = null;
    this.onClose();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
