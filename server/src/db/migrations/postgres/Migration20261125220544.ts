import { Migration } from '@mikro-orm/migrations';

export class Migration20261125220544 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "contact_access" ("id" serial primary key, "at" timestamptz not null, "issue_id" int not null, "member_id" int not null, "organization_id" int not null);`);
    this.addSql(`create index "contact_access_issue_id_id_index" on "contact_access" ("issue_id", "id");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "name" varchar(100) not null, "secret_hash" varchar(64) not null, "hint" varchar(20) not null, "scopes" varchar(200) not null, "organization_id" int not null, "created_by_id" int null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" int null);`);
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`alter table "contact_access" add constraint "contact_access_issue_id_foreign" foreign key ("issue_id") references "community_issue" ("id") on update cascade;`);
    this.addSql(`alter table "contact_access" add constraint "contact_access_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
    this.addSql(`alter table "contact_access" add constraint "contact_access_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "api_token" add constraint "api_token_revoked_by_id_foreign" foreign key ("revoked_by_id") references "member" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_access" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
