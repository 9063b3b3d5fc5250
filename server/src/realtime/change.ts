import { OptimisticLockError, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Activity } from '../modules/activity/activity.entity.js';
import type { ActivityKind, ActivityVisibility } from '../modules/activity/activity.enums.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';
import {
  claimRow,
  isClaimClash,
  keyInUse,
  replay,
  storedAnswer,
  subjectIdOf,
  type Idempotent,
} from '../modules/idempotency/idempotency.js';
import type { ActivityBus } from './bus.js';
import type { ActivityEnvelope, ActivitySnapshot } from './envelope.js';

/** One activity to record for the change being made. */
export interface ActivitySpec {
  kind: ActivityKind;
  visibility: ActivityVisibility;
  summary: string;
  actor: number | null;
  actorOrganization: number | null;
  issue?: { pk: number; version: number } | null;
  event?: { pk: number; version: number } | null;
  /** Evaluated after the change is flushed, so versions and collections are final. */
  snapshot: () => ActivitySnapshot;
}

export type Record = (spec: ActivitySpec) => void;

/** The part of a change that `runChange` runs inside its transaction. */
export type ChangeWork<T> = (em: EntityManager, record: Record) => Promise<T>;

export interface ChangeOptions {
  /**
   * Retry the whole change on a concurrent-version clash. Only for changes where the
   * caller did not pin a version (e.g. "me too"), never to overrule an `expectedVersion`.
   */
  retryOnConflict?: boolean;
  /**
   * A creating change made with a client's idempotency key (modules/idempotency). The key is
   * claimed first thing in the change's transaction, so it commits with the change or not at
   * all. A key already used by the same caller within 24 hours skips `work` and answers with
   * the object it created, re-read as it is now; a concurrent request with the same key waits
   * on the key's unique index and then does the same.
   */
  idempotency?: Idempotent | null;
}

/** Next gapless seq: the row lock it takes is held until commit, so seq order is commit order. */
async function nextSeq(em: EntityManager): Promise<number> {
  const sql = 'update activity_sequence set value = value + 1 where id = 1 returning value';
  const row: { value: number } = await em.getConnection().execute(sql, [], 'get', em.getTransactionContext());
  return Number(row.value);
}

/**
 * Runs `work` in a transaction and records its activity in the same transaction; publishes
 * the envelopes only after commit. Either all of it commits or none of it does.
 */
export async function runChange<T>(
  orm: MikroORM,
  bus: ActivityBus,
  work: (em: EntityManager, record: Record) => Promise<T>,
  options: ChangeOptions = {},
): Promise<T> {
  const idempotent = options.idempotency ?? null;
  const answered = async (): Promise<T | null> => {
    if (!idempotent) return null;
    const em = orm.em.fork();
    const subjectId = await storedAnswer(em, idempotent.claim);
    return subjectId == null ? null : replay(em, idempotent, subjectId);
  };
  const first = await answered();
  if (first) return first;
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, envelopes } = await orm.em.fork().transactional(async (em) => {
        // Claimed before the work: a second request with the key blocks here (PostgreSQL) or
        // queues on the connection (SQLite) until this one commits, then finds the answer.
        if (idempotent) await em.insert(IdempotencyKey, claimRow(idempotent.claim));
        const specs: ActivitySpec[] = [];
        const result = await work(em, (spec) => specs.push(spec));
        await em.flush();
        if (idempotent) {
          const subjectId = subjectIdOf(idempotent, result as { pk: number });
          await em.nativeUpdate(
            IdempotencyKey,
            { scope: idempotent.claim.scope, keyHash: idempotent.claim.keyHash },
            { subjectId },
          );
        }
        const envelopes: ActivityEnvelope[] = [];
        // Seqs are taken last, so the lock is held only for the final insert and commit.
        for (const spec of specs) {
          const envelope: ActivityEnvelope = {
            seq: await nextSeq(em),
            at: new Date().toISOString(),
            kind: spec.kind,
            visibility: spec.visibility,
            summary: spec.summary,
            actor: spec.actor,
            actorOrganization: spec.actorOrganization,
            issue: spec.issue?.pk ?? null,
            event: spec.event?.pk ?? null,
            subjectVersion: spec.issue?.version ?? spec.event?.version ?? null,
            snapshot: spec.snapshot(),
          };
          em.create(Activity, { ...envelope, at: new Date(envelope.at) });
          envelopes.push(envelope);
        }
        await em.flush();
        return { result, envelopes };
      });
      for (const envelope of envelopes) bus.publish(envelope);
      return result;
    } catch (error) {
      if (idempotent && isClaimClash(error)) {
        // Another request with this key committed first: answer as it did. If it rolled back
        // instead, the key is free again and the next attempt claims it.
        const answer = await answered();
        if (answer) return answer;
        if (attempt < attempts) continue;
        throw keyInUse();
      }
      if (error instanceof OptimisticLockError && options.retryOnConflict && attempt < attempts) continue;
      throw error;
    }
  }
}
