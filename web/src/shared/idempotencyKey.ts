import { useRef } from 'react';

/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (https,
 * localhost); a board served over plain http on a city network falls back to
 * `getRandomValues`, which browsers offer everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One idempotency key per submission of a form: `keyFor(input)` returns the same key as long
 * as the input is the same (a retry after a timeout or a network error, which the server may
 * well have carried out), and a new one once the input changed; `done()` after a success, so
 * the next submission is a new request. The server answers a repeated key with the first
 * result, so a retry never creates a second report, event, RSVP or update.
 */
export function useIdempotencyKey(): { keyFor: (input: unknown) => string; done: () => void } {
  const current = useRef<{ input: string; key: string } | null>(null);
  return {
    keyFor(input) {
      const text = JSON.stringify(input);
      if (current.current?.input !== text) current.current = { input: text, key: newIdempotencyKey() };
      return current.current.key;
    },
    done() {
      current.current = null;
    },
  };
}
