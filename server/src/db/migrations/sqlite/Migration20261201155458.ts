import { Migration } from '@mikro-orm/migrations';

/**
 * The board's default order (newest first, any status) walks this index instead of sorting
 * every issue. Written by hand: the generated diff also rebuilt unrelated tables.
 */
export class Migration20261201155458 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`community_issue_reported_at_id_index\` on \`community_issue\` (\`reported_at\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`community_issue_reported_at_id_index\`;`);
  }

}
