import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8: co-hosting is consented. Invitations to co-host get their own table, and the activity
 * feed takes the co-hosting kinds (the full list of server/src/modules/activity/activity.enums.ts).
 */
export class Migration20261201084528 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_cohost_invitation" ("id" serial primary key, "event_id" int not null, "organization_id" int not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')) not null default 'PENDING', "invited_by_id" int null, "invited_by_token_id" int null, "created_at" timestamptz not null, "responded_at" timestamptz null, "responded_by_id" int null, "responded_by_token_id" int null, "withdrawn_at" timestamptz null, "withdrawn_by_id" int null);`);
    this.addSql(`create index "event_cohost_invitation_organization_id_status_index" on "event_cohost_invitation" ("organization_id", "status");`);

    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_event_id_foreign" foreign key ("event_id") references "shared_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_invited_by_token_id_foreign" foreign key ("invited_by_token_id") references "api_token" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_responded_by_id_foreign" foreign key ("responded_by_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_responded_by_token_id_foreign" foreign key ("responded_by_token_id") references "api_token" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_cohost_invitation" add constraint "event_cohost_invitation_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity" drop constraint if exists "activity_kind_check";`);

    this.addSql(`alter table "activity" add constraint "activity_kind_check" check("kind" in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'EVENT_COHOST_INVITED', 'EVENT_COHOST_ACCEPTED', 'EVENT_COHOST_DECLINED', 'EVENT_COHOST_WITHDRAWN', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED'));`);
    // Co-hostings named before consent existed were never agreed to: each becomes a pending
    // invitation from whoever created the event, and the event stops showing it until accepted.
    this.addSql(`insert into "event_cohost_invitation" ("event_id", "organization_id", "status", "invited_by_id", "created_at") select "c"."shared_event_id", "c"."organization_id", 'PENDING', "e"."created_by_id", "e"."created_at" from "event_cohost" as "c" join "shared_event" as "e" on "e"."id" = "c"."shared_event_id" where "c"."organization_id" <> "e"."host_id" order by "c"."shared_event_id", "c"."organization_id";`);
    this.addSql(`delete from "event_cohost";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_cohost_invitation" cascade;`);

    this.addSql(`alter table "activity" drop constraint if exists "activity_kind_check";`);

    this.addSql(`alter table "activity" add constraint "activity_kind_check" check("kind" in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED'));`);
  }

}
