import { Migration } from '@mikro-orm/migrations';

export class Migration20261201083501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "access_link" ("id" serial primary key, "kind" text check ("kind" in ('SETUP', 'INVITATION', 'PASSWORD')) not null, "code_hash" varchar(64) not null, "email" varchar(320) null, "name" varchar(200) null, "role" text check ("role" in ('COORDINATOR', 'OFFICER', 'PARTNER')) null, "organization_id" int null, "member_id" int null, "created_by_id" int null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "access_link" add constraint "access_link_code_hash_unique" unique ("code_hash");`);

    this.addSql(`create table "partnership" ("id" int not null default 1, "name" varchar(200) not null, "time_zone" varchar(64) not null, "language" varchar(16) not null, "map_center_lat" double precision null, "map_center_lng" double precision null, "map_zoom" int null, "tile_url" varchar(500) null, "welcome_text" text null, "setup_completed_at" timestamptz null, "updated_at" timestamptz not null, constraint "partnership_pkey" primary key ("id"));`);

    this.addSql(`alter table "access_link" add constraint "access_link_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "access_link" add constraint "access_link_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "access_link" add constraint "access_link_created_by_id_foreign" foreign key ("created_by_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity" drop constraint if exists "activity_kind_check";`);
    this.addSql(`alter table "activity" drop constraint if exists "activity_visibility_check";`);

    this.addSql(`alter table "neighborhood" add column "min_lat" double precision null, add column "max_lat" double precision null, add column "min_lng" double precision null, add column "max_lng" double precision null, add column "retired_at" timestamptz null, add column "updated_at" timestamptz not null default now();`);
    this.addSql(`alter table "neighborhood" alter column "updated_at" drop default;`);

    this.addSql(`alter table "member" add column "deactivated_at" timestamptz null;`);

    this.addSql(`alter table "activity" add constraint "activity_kind_check" check("kind" in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED'));`);
    this.addSql(`alter table "activity" add constraint "activity_visibility_check" check("visibility" in ('PUBLIC', 'MEMBERS', 'COORDINATORS'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "access_link" cascade;`);

    this.addSql(`drop table if exists "partnership" cascade;`);

    this.addSql(`alter table "activity" drop constraint if exists "activity_kind_check";`);
    this.addSql(`alter table "activity" drop constraint if exists "activity_visibility_check";`);

    this.addSql(`alter table "activity" add constraint "activity_kind_check" check("kind" in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED'));`);
    this.addSql(`alter table "activity" add constraint "activity_visibility_check" check("visibility" in ('PUBLIC', 'MEMBERS'));`);

    this.addSql(`alter table "member" drop column "deactivated_at";`);

    this.addSql(`alter table "neighborhood" drop column "min_lat", drop column "max_lat", drop column "min_lng", drop column "max_lng", drop column "retired_at", drop column "updated_at";`);
  }

}
