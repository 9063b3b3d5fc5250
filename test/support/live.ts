import type { Client } from 'graphql-ws';

export interface Collector<T = any> {
  events: T[];
  errors: unknown[];
  /** Resolves once `n` events arrived; rejects after `ms` with what did arrive. */
  waitFor(n: number, ms?: number): Promise<T[]>;
  /** Waits `ms` and returns everything received (to prove something did NOT arrive). */
  settle(ms?: number): Promise<T[]>;
  stop(): void;
}

/** Subscribes and records every `next` payload's data. */
export function collect<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Collector<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => {};
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) events.push(value.data as T);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    waitFor(n, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${n} events, got ${events.length}: ${JSON.stringify({ events, errors })}`)),
          ms,
        );
        const check = () => {
          if (events.length >= n) {
            clearTimeout(timer);
            resolve(events.slice());
          } else if (errors.length > 0) {
            clearTimeout(timer);
            reject(new Error(`subscription error: ${JSON.stringify(errors)}`));
          }
        };
        wake = check;
        check();
      });
    },
    async settle(ms = 600) {
      await new Promise((r) => setTimeout(r, ms));
      return events.slice();
    },
    stop,
  };
}

/** Resolves when the client has acknowledged its connection (so later changes are live). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const off1 = client.on('connected', () => {
      off1();
      off2();
      resolve();
    });
    const off2 = client.on('closed', (event) => {
      off1();
      off2();
      reject(Object.assign(new Error('closed'), { event }));
    });
  });
}
