import { Migration } from '@mikro-orm/migrations';

export class Migration20261125205837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "activity_sequence" ("id" int not null, "value" int not null, constraint "activity_sequence_pkey" primary key ("id"));`);

    this.addSql(`create table "app_setting" ("key" varchar(100) not null, "value" text not null, constraint "app_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "neighborhood" ("id" serial primary key, "name" varchar(120) not null, "center_lat" double precision not null, "center_lng" double precision not null, "boundary" text null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "neighborhood" add constraint "neighborhood_name_unique" unique ("name");`);

    this.addSql(`create table "organization" ("id" serial primary key, "name" varchar(200) not null, "kind" text check ("kind" in ('AGENCY', 'YOUTH', 'HEALTH', 'NEIGHBORHOOD', 'SCHOOL', 'FAITH', 'OTHER')) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "organization" add constraint "organization_name_unique" unique ("name");`);

    this.addSql(`create table "member" ("id" serial primary key, "name" varchar(200) not null, "email" varchar(320) not null, "password_hash" varchar(200) not null, "role" text check ("role" in ('COORDINATOR', 'OFFICER', 'PARTNER')) not null, "organization_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "member" add constraint "member_email_unique" unique ("email");`);

    this.addSql(`create table "community_issue" ("id" serial primary key, "title" varchar(200) not null, "description" text not null, "category" text check ("category" in ('SAFETY', 'TRAFFIC', 'NOISE', 'LIGHTING', 'GRAFFITI', 'YOUTH', 'HOUSING', 'HEALTH', 'ENVIRONMENT', 'OTHER')) not null, "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) not null default 'OPEN', "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', "priority_rank" int not null default 2, "neighborhood_id" int not null, "lat" double precision null, "lng" double precision null, "address" varchar(300) null, "reporter_id" int null, "contact" varchar(300) null, "anonymous" boolean not null default false, "supporters_count" int not null default 0, "reported_at" timestamptz not null, "acknowledged_at" timestamptz null, "resolved_at" timestamptz null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`create index "community_issue_status_reported_at_index" on "community_issue" ("status", "reported_at");`);

    this.addSql(`create table "issue_update" ("id" serial primary key, "issue_id" int not null, "author_id" int null, "kind" text check ("kind" in ('COMMENT', 'STATUS_CHANGE', 'ASSIGNMENT')) not null, "body" text not null, "visibility" text check ("visibility" in ('PUBLIC', 'PARTNERS')) not null, "from_status" text check ("from_status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) null, "to_status" text check ("to_status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "issue_update_issue_id_id_index" on "issue_update" ("issue_id", "id");`);

    this.addSql(`create table "issue_organization" ("community_issue_id" int not null, "organization_id" int not null, constraint "issue_organization_pkey" primary key ("community_issue_id", "organization_id"));`);

    this.addSql(`create table "organization_neighborhood" ("organization_id" int not null, "neighborhood_id" int not null, constraint "organization_neighborhood_pkey" primary key ("organization_id", "neighborhood_id"));`);

    this.addSql(`create table "shared_event" ("id" serial primary key, "title" varchar(200) not null, "description" text not null default '', "kind" text check ("kind" in ('TOWN_HALL', 'YOUTH_PROGRAM', 'HEALTH_FAIR', 'COMMUNITY_WALK', 'CLEANUP', 'MEETING', 'OTHER')) not null, "status" text check ("status" in ('PLANNED', 'CONFIRMED', 'CANCELLED', 'DONE')) not null default 'PLANNED', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location_name" varchar(300) not null, "lat" double precision null, "lng" double precision null, "neighborhood_id" int null, "host_id" int not null, "capacity" int null, "rsvp_count" int not null default 0, "is_public" boolean not null default true, "cancel_reason" varchar(500) null, "created_by_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`create index "shared_event_starts_at_index" on "shared_event" ("starts_at");`);

    this.addSql(`create table "event_rsvp" ("id" serial primary key, "event_id" int not null, "name" varchar(200) not null, "email" varchar(320) null, "party_size" int not null default 1, "member_id" int null, "created_at" timestamptz not null);`);

    this.addSql(`create table "event_issue" ("shared_event_id" int not null, "community_issue_id" int not null, constraint "event_issue_pkey" primary key ("shared_event_id", "community_issue_id"));`);

    this.addSql(`create table "event_cohost" ("shared_event_id" int not null, "organization_id" int not null, constraint "event_cohost_pkey" primary key ("shared_event_id", "organization_id"));`);

    this.addSql(`create table "activity" ("seq" int not null, "at" timestamptz not null, "kind" text check ("kind" in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED')) not null, "visibility" text check ("visibility" in ('PUBLIC', 'MEMBERS')) not null, "actor_id" int null, "actor_organization_id" int null, "issue_id" int null, "event_id" int null, "summary" varchar(500) not null, "subject_version" int null, "snapshot" jsonb not null, constraint "activity_pkey" primary key ("seq"));`);

    this.addSql(`create table "staff_commitment" ("id" serial primary key, "event_id" int not null, "organization_id" int not null, "count" int not null, "note" varchar(500) null, "updated_by_id" int null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "staff_commitment" add constraint "staff_commitment_event_id_organization_id_unique" unique ("event_id", "organization_id");`);

    this.addSql(`alter table "member" add constraint "member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "community_issue" add constraint "community_issue_neighborhood_id_foreign" foreign key ("neighborhood_id") references "neighborhood" ("id") on update cascade;`);
    this.addSql(`alter table "community_issue" add constraint "community_issue_reporter_id_foreign" foreign key ("reporter_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "issue_update" add constraint "issue_update_issue_id_foreign" foreign key ("issue_id") references "community_issue" ("id") on update cascade;`);
    this.addSql(`alter table "issue_update" add constraint "issue_update_author_id_foreign" foreign key ("author_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "issue_organization" add constraint "issue_organization_community_issue_id_foreign" foreign key ("community_issue_id") references "community_issue" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "issue_organization" add constraint "issue_organization_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organization_neighborhood" add constraint "organization_neighborhood_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organization_neighborhood" add constraint "organization_neighborhood_neighborhood_id_foreign" foreign key ("neighborhood_id") references "neighborhood" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "shared_event" add constraint "shared_event_neighborhood_id_foreign" foreign key ("neighborhood_id") references "neighborhood" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "shared_event" add constraint "shared_event_host_id_foreign" foreign key ("host_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "shared_event" add constraint "shared_event_created_by_id_foreign" foreign key ("created_by_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "event_rsvp" add constraint "event_rsvp_event_id_foreign" foreign key ("event_id") references "shared_event" ("id") on update cascade;`);
    this.addSql(`alter table "event_rsvp" add constraint "event_rsvp_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "event_issue" add constraint "event_issue_shared_event_id_foreign" foreign key ("shared_event_id") references "shared_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_issue" add constraint "event_issue_community_issue_id_foreign" foreign key ("community_issue_id") references "community_issue" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event_cohost" add constraint "event_cohost_shared_event_id_foreign" foreign key ("shared_event_id") references "shared_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_cohost" add constraint "event_cohost_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activity" add constraint "activity_actor_id_foreign" foreign key ("actor_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_actor_organization_id_foreign" foreign key ("actor_organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_issue_id_foreign" foreign key ("issue_id") references "community_issue" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_event_id_foreign" foreign key ("event_id") references "shared_event" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "staff_commitment" add constraint "staff_commitment_event_id_foreign" foreign key ("event_id") references "shared_event" ("id") on update cascade;`);
    this.addSql(`alter table "staff_commitment" add constraint "staff_commitment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "staff_commitment" add constraint "staff_commitment_updated_by_id_foreign" foreign key ("updated_by_id") references "member" ("id") on update cascade on delete set null;`);

    // The single row behind Activity.seq (see realtime/change.ts).
    this.addSql(`insert into "activity_sequence" ("id", "value") values (1, 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "community_issue" drop constraint "community_issue_neighborhood_id_foreign";`);

    this.addSql(`alter table "organization_neighborhood" drop constraint "organization_neighborhood_neighborhood_id_foreign";`);

    this.addSql(`alter table "shared_event" drop constraint "shared_event_neighborhood_id_foreign";`);

    this.addSql(`alter table "member" drop constraint "member_organization_id_foreign";`);

    this.addSql(`alter table "issue_organization" drop constraint "issue_organization_organization_id_foreign";`);

    this.addSql(`alter table "organization_neighborhood" drop constraint "organization_neighborhood_organization_id_foreign";`);

    this.addSql(`alter table "shared_event" drop constraint "shared_event_host_id_foreign";`);

    this.addSql(`alter table "event_cohost" drop constraint "event_cohost_organization_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_actor_organization_id_foreign";`);

    this.addSql(`alter table "staff_commitment" drop constraint "staff_commitment_organization_id_foreign";`);

    this.addSql(`alter table "community_issue" drop constraint "community_issue_reporter_id_foreign";`);

    this.addSql(`alter table "issue_update" drop constraint "issue_update_author_id_foreign";`);

    this.addSql(`alter table "shared_event" drop constraint "shared_event_created_by_id_foreign";`);

    this.addSql(`alter table "event_rsvp" drop constraint "event_rsvp_member_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_actor_id_foreign";`);

    this.addSql(`alter table "staff_commitment" drop constraint "staff_commitment_updated_by_id_foreign";`);

    this.addSql(`alter table "issue_update" drop constraint "issue_update_issue_id_foreign";`);

    this.addSql(`alter table "issue_organization" drop constraint "issue_organization_community_issue_id_foreign";`);

    this.addSql(`alter table "event_issue" drop constraint "event_issue_community_issue_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_issue_id_foreign";`);

    this.addSql(`alter table "event_rsvp" drop constraint "event_rsvp_event_id_foreign";`);

    this.addSql(`alter table "event_issue" drop constraint "event_issue_shared_event_id_foreign";`);

    this.addSql(`alter table "event_cohost" drop constraint "event_cohost_shared_event_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_event_id_foreign";`);

    this.addSql(`alter table "staff_commitment" drop constraint "staff_commitment_event_id_foreign";`);

    this.addSql(`drop table if exists "activity_sequence" cascade;`);

    this.addSql(`drop table if exists "app_setting" cascade;`);

    this.addSql(`drop table if exists "neighborhood" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "community_issue" cascade;`);

    this.addSql(`drop table if exists "issue_update" cascade;`);

    this.addSql(`drop table if exists "issue_organization" cascade;`);

    this.addSql(`drop table if exists "organization_neighborhood" cascade;`);

    this.addSql(`drop table if exists "shared_event" cascade;`);

    this.addSql(`drop table if exists "event_rsvp" cascade;`);

    this.addSql(`drop table if exists "event_issue" cascade;`);

    this.addSql(`drop table if exists "event_cohost" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "staff_commitment" cascade;`);
  }

}
