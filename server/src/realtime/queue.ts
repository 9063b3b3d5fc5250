/**
 * An unbounded push queue read with `for await`. Pushing never waits, so a listener can be
 * registered synchronously and buffer everything from that moment on: the property the
 * resumable stream needs (a library iterator that subscribes on first `next()` would drop
 * changes committed while the stream replays from the database).
 */
export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;

  constructor(private readonly onClose: () => void = () => {}) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
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
    this.items.length = 0;
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

/**
 * Wraps an async generator that waits on `queue`, so that a consumer's `return()` (graphql-ws
 * calls it when a client unsubscribes or disconnects) ends it at once. An async generator
 * queues `return()` behind a pending `next()`, so without this a stream waiting for the next
 * message would linger until one arrived (and presence would never say goodbye).
 */
export function endWith<T>(generator: AsyncGenerator<T>, queue: { close(): void }): AsyncIterableIterator<T> {
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      queue.close();
      return generator.return(value as T);
    },
    throw: (error?: unknown) => {
      queue.close();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
