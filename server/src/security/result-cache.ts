import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';
import { visibilityClass, watchIdentity, type Viewer } from '../auth/viewer.js';
import type { HttpContext } from './apollo.js';

/**
 * Root fields whose answers change only through committed changes (realtime/change.ts, which
 * bumps `seq`) and never with the clock: the hot reads. Left out on purpose: anything that reads
 * rows written without an activity (API tokens' last use, the contact access log, access links),
 * that expires with time (invitations), or that answers for one member (`viewer`), and `node`,
 * which reaches all of those.
 */
const CACHEABLE_FIELDS = new Set([
  'issues',
  'issue',
  'events',
  'event',
  'activities',
  'neighborhoods',
  'neighborhoodAt',
  'organizations',
  'latestSeq',
]);
/** Operations whose answer turned out to read who the viewer is, remembered so they skip the cache at once. */
const PERSONAL_KEYS = 10_000;
const LATEST_SEQ = 'select value from activity_sequence where id = 1';
/** How long a request waits for an identical one's execution before executing itself (that one may have failed early). */
const WAIT_MS = 2000;

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

interface Entry {
  seq: number;
  result: SingleResult;
  bytes: number;
}

/** One HTTP request's part in the cache, attached to its context by `scope()`. */
export interface CacheScope {
  /** Set when anything read the viewer's identity (see `watchIdentity`). */
  identityRead: boolean;
  /** What the request stores once its answer is known: it executed on a miss. */
  store?: { key: string; seq: number; answer: Promise<Entry | null>; done: (entry: Entry | null) => void };
  /** Whether execution read the identity, fixed when execution ends (later plugins may read it). */
  personal?: boolean;
}

export interface ResultCacheStats {
  hits: number;
  misses: number;
  stored: number;
  bytes: number;
}

/**
 * Answers to hot GraphQL queries over HTTP, shared by viewers of one visibility class, correct by
 * construction: an answer is kept under (document, operation name, variables, visibility class)
 * with the latest committed `seq` read before it executed, and served only while that is still
 * the latest committed `seq`. Every committed change writes an Activity row and bumps `seq`
 * (realtime/change.ts), so an answer is never older than what the database held when the request
 * arrived.
 *
 * The latest seq is read from the database on every cacheable request (one primary-key read of a
 * one-row table), never from the activity bus: the bus hears other instances' commits after a
 * Redis round trip, or after its poll when a message is lost, and this instance's own only after
 * the commit, so it can lag the database, and a read right after another instance's write would
 * be served the page from before it.
 *
 * Answers that read who the viewer is (a member's own email, `viewer`, a resident's contact, whose
 * every read is logged per member) are never shared: the request's viewer is watched
 * (`watchIdentity`), and an execution that read its identity is not stored. Errors are never
 * stored. Mutations and subscriptions never reach it. It sits after validation, cost analysis and
 * rate limits (the guard runs in `didResolveOperation`), so a cached answer is charged like any
 * other, and a hit returns the very object Apollo serialized for the miss, so the bytes are the
 * same.
 *
 * Lifecycle: one per server; `scope()` per HTTP request, in the context function; `plugin()`
 * once, into Apollo's plugins.
 */
export class ResultCache {
  private readonly answers: LRUCache<string, Entry>;
  private readonly personal = new LRUCache<string, true>({ max: PERSONAL_KEYS });
  /** Misses being executed, so that concurrent identical requests wait for one execution. */
  private readonly pending = new Map<string, { seq: number; answer: Promise<Entry | null> }>();
  private readonly documentKeys = new WeakMap<DocumentNode, string>();
  private readonly counts = { hits: 0, misses: 0, stored: 0 };

  /** @param maxBytes what the kept answers may add up to (their JSON), keys included. */
  constructor(maxBytes: number) {
    this.answers = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => entry.bytes + key.length,
    });
  }

  stats(): ResultCacheStats {
    return { ...this.counts, bytes: this.answers.calculatedSize };
  }

  /** The request's scope and its watched viewer: build the context (and its loaders) from that viewer. */
  scope(viewer: Viewer | null): { scope: CacheScope; viewer: Viewer | null } {
    const scope: CacheScope = { identityRead: false };
    return {
      scope,
      viewer: watchIdentity(viewer, () => {
        scope.identityRead = true;
      }),
    };
  }

  plugin(): ApolloServerPlugin<HttpContext> {
    return {
      requestDidStart: async () => ({
        responseForOperation: async ({ contextValue, operation, document, request }) => {
          const scope = contextValue.cacheScope;
          if (!scope || !operation || !cacheable(operation)) return null;
          const key = [
            visibilityClass(contextValue.viewer),
            request.operationName ?? '',
            this.documentKey(document),
            stringify(request.variables ?? {}) ?? '',
          ].join('\n');
          if (this.personal.has(key)) return null;
          const seq = await latestSeq(contextValue.em);
          const entry = this.answers.get(key);
          if (entry?.seq === seq) return this.hit(entry);
          const running = this.pending.get(key);
          if (running?.seq === seq) {
            const answer = await Promise.race([running.answer, sleep(WAIT_MS, null, { ref: false })]);
            if (answer) return this.hit(answer);
            return null;
          }
          this.counts.misses++;
          // Only what execution reads decides; the guard before it may have read the identity.
          scope.identityRead = false;
          let done: (entry: Entry | null) => void = () => {};
          const answer = new Promise<Entry | null>((resolve) => (done = resolve));
          this.pending.set(key, { seq, answer });
          scope.store = { key, seq, answer, done };
          return null;
        },
        executionDidStart: async ({ contextValue }) => ({
          executionDidEnd: async () => {
            const scope = contextValue.cacheScope;
            if (scope?.store) scope.personal = scope.identityRead;
          },
        }),
        willSendResponse: async ({ contextValue, response }) => {
          const store = contextValue.cacheScope?.store;
          if (!store) return;
          const scope = contextValue.cacheScope!;
          let entry: Entry | null = null;
          try {
            const body = response.body;
            if (scope.personal) this.personal.set(store.key, true);
            const ok = (response.http.status ?? 200) === 200 && scope.personal === false;
            if (ok && body.kind === 'single' && !body.singleResult.errors) {
              const result = deepFreeze(body.singleResult);
              entry = { seq: store.seq, result, bytes: Buffer.byteLength(JSON.stringify(result)) };
              const kept = this.answers.get(store.key);
              if (!kept || kept.seq <= store.seq) {
                this.answers.set(store.key, entry);
                this.counts.stored++;
              }
            }
          } finally {
            if (this.pending.get(store.key)?.answer === store.answer) this.pending.delete(store.key);
            store.done(entry);
          }
        },
      }),
    };
  }

  private hit(entry: Entry): GraphQLResponse {
    this.counts.hits++;
    return {
      http: { status: undefined, headers: new HeaderMap() },
      body: { kind: 'single', singleResult: entry.result },
    };
  }

  /** The document as printed (whitespace and comments do not split the cache), hashed; once per parsed document. */
  private documentKey(document: DocumentNode): string {
    let key = this.documentKeys.get(document);
    if (!key) {
      key = createHash('sha256').update(print(document)).digest('base64url');
      this.documentKeys.set(document, key);
    }
    return key;
  }
}

/**
 * A query whose every root field is a cacheable one (a root fragment is not looked into), and
 * that reads data: `{ latestSeq }` alone costs what the cache's own look-up does.
 */
function cacheable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  let data = false;
  for (const s of operation.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return false;
    const name = s.name.value;
    if (name === '__typename' || name === 'latestSeq') continue;
    if (!CACHEABLE_FIELDS.has(name)) return false;
    data = true;
  }
  return data;
}

/** The newest committed seq, from the database: the one value every instance agrees on. */
async function latestSeq(em: EntityManager): Promise<number> {
  const row: { value: number | string } | undefined = await em.getConnection().execute(LATEST_SEQ, [], 'get');
  return Number(row?.value ?? 0);
}

/** A shared answer is never changed by one of its readers. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
