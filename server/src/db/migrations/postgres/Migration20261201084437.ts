import { Migration } from '@mikro-orm/migrations';

export class Migration20261201084437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("id" serial primary key, "scope" varchar(40) not null, "key_hash" varchar(64) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "subject_id" varchar(100) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_scope_key_hash_unique" unique ("scope", "key_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
