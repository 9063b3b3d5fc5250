import knexFactory, { type Knex } from 'knex';

/**
 * The activity feed read straight from the server's database (read only), so the bench can
 * tell which seq each of its changes got even when the server is too busy to answer a query:
 * `activity_sequence` holds the newest seq, `activity` one row per change with the subject's
 * version after it.
 */
export class Feed {
  private constructor(private readonly db: Knex) {}

  static open(databaseUrl: string): Feed {
    const config: Knex.Config = databaseUrl.startsWith('sqlite:')
      ? {
          client: 'better-sqlite3',
          connection: { filename: databaseUrl.slice('sqlite:'.length) },
          useNullAsDefault: true,
        }
      : { client: 'pg', connection: databaseUrl, pool: { min: 0, max: 2 } };
    return new Feed(knexFactory(config));
  }

  async latestSeq(): Promise<number> {
    const row = (await this.db('activity_sequence').where({ id: 1 }).first('value')) as { value: number } | undefined;
    return Number(row?.value ?? 0);
  }

  /** `CommunityIssue` global id + version after the change -> seq, for every change after `baseline`. */
  async issueChangesSince(baseline: number): Promise<Map<string, number>> {
    const rows = (await this.db('activity')
      .where('seq', '>', baseline)
      .whereNotNull('issue_id')
      .select('seq', 'issue_id', 'subject_version')) as { seq: number; issue_id: number; subject_version: number }[];
    const issueId = (pk: number) => Buffer.from(`CommunityIssue:${pk}`).toString('base64url');
    return new Map(rows.map((row) => [`${issueId(Number(row.issue_id))}:${row.subject_version}`, Number(row.seq)]));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
