import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { claimRow, isClaimClash, keyInUse, replay, storedAnswer, subjectIdOf, type Idempotent } from './idempotency.js';

const ATTEMPTS = 4;

/**
 * `runChange`'s idempotency for creating changes that record no activity of their own yet
 * (organizations, members, API tokens): `work` runs in a transaction that first claims the key;
 * a key already answered skips `work` and re-reads what it created (`onReplay` may refuse
 * instead, e.g. when the first answer held a secret that is never stored); a concurrent request
 * with the key waits on the key's unique index, then replays. Without a key it is a plain
 * transaction.
 */
export async function keyedTransaction<T extends { pk: number }>(
  orm: MikroORM,
  idempotent: Idempotent | null,
  work: (em: EntityManager) => Promise<T>,
  onReplay: (replayed: T) => T = (replayed) => replayed,
): Promise<T> {
  if (!idempotent) return orm.em.fork().transactional(work);
  const { claim } = idempotent;
  for (let attempt = 1; ; attempt++) {
    const em = orm.em.fork();
    const subjectId = await storedAnswer(em, claim);
    if (subjectId != null) return onReplay(await replay<T>(em, idempotent, subjectId));
    try {
      return await orm.em.fork().transactional(async (tx) => {
        await tx.insert(IdempotencyKey, claimRow(claim));
        const result = await work(tx);
        await tx.flush();
        const answer = { subjectId: subjectIdOf(idempotent, result) };
        await tx.nativeUpdate(IdempotencyKey, { scope: claim.scope, keyHash: claim.keyHash }, answer);
        return result;
      });
    } catch (error) {
      if (!isClaimClash(error)) throw error;
      if (attempt >= ATTEMPTS) throw keyInUse();
      // Another request with this key committed first (or rolled back): look again.
    }
  }
}
