import { OptimisticLockError, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Activity } from '../modules/activity/activity.entity.js';
import type { ActivityKind, ActivityVisibility } from '../modules/activity/activity.enums.js';
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

export interface ChangeOptions {
  /**
   * Retry the whole change on a concurrent-version clash. Only for changes where the
   * caller did not pin a version (e.g. "me too"), never to overrule an `expectedVersion`.
   */
  retryOnConflict?: boolean;
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
  const attempts = options.retryOnConflict ? 4 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, envelopes } = await orm.em.fork().transactional(async (em) => {
        const specs: ActivitySpec[] = [];
        const result = await work(em, (spec) => specs.push(spec));
        await em.flush();
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
      for (const envelope of envelopes) await bus.publish(envelope);
      return result;
    } catch (error) {
      if (error instanceof OptimisticLockError && attempt < attempts) continue;
      throw error;
    }
  }
}
