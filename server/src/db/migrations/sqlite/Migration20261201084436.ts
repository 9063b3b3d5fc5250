import { Migration } from '@mikro-orm/migrations';

export class Migration20261201084436 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_key\` (\`id\` integer not null primary key autoincrement, \`scope\` text not null, \`key_hash\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`subject_id\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`idempotency_key_created_at_index\` on \`idempotency_key\` (\`created_at\`);`);
    this.addSql(`create unique index \`idempotency_key_scope_key_hash_unique\` on \`idempotency_key\` (\`scope\`, \`key_hash\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`idempotency_key\`;`);
  }

}
