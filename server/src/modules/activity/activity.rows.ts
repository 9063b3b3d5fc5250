/**
 * The read path of the activity feed: plain rows from MikroORM's QueryBuilder, turned into the
 * same envelopes the live feed carries, never hydrated entities.
 */
import type { EntityManager } from '@mikro-orm/core';
import { sql } from '../../common/rows.js';
import type { ActivityEnvelope, ActivitySnapshot } from '../../realtime/envelope.js';
import { Activity } from './activity.entity.js';
import type { ActivityVisibility } from './activity.enums.js';

interface ActivityRow extends Pick<Activity, 'seq' | 'at' | 'kind' | 'visibility' | 'summary' | 'subjectVersion'> {
  actor: number | null;
  actorOrganization: number | null;
  issue: number | null;
  event: number | null;
  snapshot: ActivitySnapshot | string;
}

/**
 * The newest `first` entries among `visible` (below `before` when given), newest first, in one
 * statement, as envelopes (what `ActivityItem` reads, for the feed page and live entries alike).
 */
export async function readActivities(
  em: EntityManager,
  visible: readonly ActivityVisibility[],
  first: number,
  before: number | null,
): Promise<ActivityEnvelope[]> {
  const rows = (await sql(em)
    .createQueryBuilder(Activity, 'a')
    .select([
      'seq',
      'at',
      'kind',
      'visibility',
      'actor',
      'actorOrganization',
      'issue',
      'event',
      'summary',
      'subjectVersion',
      'snapshot',
    ])
    .where({ ...(before != null ? { seq: { $lt: before } } : {}), visibility: { $in: [...visible] } })
    .orderBy({ seq: 'desc' })
    .limit(first)
    .execute('all', true)) as unknown as ActivityRow[];
  return rows.map((row) => ({
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    kind: row.kind,
    visibility: row.visibility,
    summary: row.summary,
    actor: row.actor ?? null,
    actorOrganization: row.actorOrganization ?? null,
    issue: row.issue ?? null,
    event: row.event ?? null,
    subjectVersion: row.subjectVersion ?? null,
    // The result mapper parses JSON on PostgreSQL; SQLite hands back the text.
    snapshot: typeof row.snapshot === 'string' ? (JSON.parse(row.snapshot) as ActivitySnapshot) : row.snapshot,
  }));
}
