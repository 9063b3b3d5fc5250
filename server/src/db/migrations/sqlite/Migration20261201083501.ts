import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 7 (a real city): one-time links, the partnership's settings, retired neighborhoods with
 * bounding boxes, deactivated members, and administration entries in the activity feed.
 *
 * Written by hand: MikroORM's SQLite diff rebuilt five tables here, and dropping a table that
 * others reference fires their ON DELETE actions. Only `activity` must be rebuilt (SQLite cannot
 * change a CHECK constraint in place), and no table references it.
 */
export class Migration20261201083501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`access_link\` (\`id\` integer not null primary key autoincrement, \`kind\` text check (\`kind\` in ('SETUP', 'INVITATION', 'PASSWORD')) not null, \`code_hash\` text not null, \`email\` text null, \`name\` text null, \`role\` text check (\`role\` in ('COORDINATOR', 'OFFICER', 'PARTNER')) null, \`organization_id\` integer null, \`member_id\` integer null, \`created_by_id\` integer null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`revoked_at\` datetime null, constraint \`access_link_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`access_link_member_id_foreign\` foreign key(\`member_id\`) references \`member\`(\`id\`) on delete cascade on update cascade, constraint \`access_link_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create unique index \`access_link_code_hash_unique\` on \`access_link\` (\`code_hash\`);`);
    this.addSql(`create index \`access_link_organization_id_index\` on \`access_link\` (\`organization_id\`);`);
    this.addSql(`create index \`access_link_member_id_index\` on \`access_link\` (\`member_id\`);`);
    this.addSql(`create index \`access_link_created_by_id_index\` on \`access_link\` (\`created_by_id\`);`);
    this.addSql(`create table \`partnership\` (\`id\` integer not null default 1, \`name\` text not null, \`time_zone\` text not null, \`language\` text not null, \`map_center_lat\` double null, \`map_center_lng\` double null, \`map_zoom\` integer null, \`tile_url\` text null, \`welcome_text\` text null, \`setup_completed_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`alter table \`neighborhood\` add column \`min_lat\` double null;`);
    this.addSql(`alter table \`neighborhood\` add column \`max_lat\` double null;`);
    this.addSql(`alter table \`neighborhood\` add column \`min_lng\` double null;`);
    this.addSql(`alter table \`neighborhood\` add column \`max_lng\` double null;`);
    this.addSql(`alter table \`neighborhood\` add column \`retired_at\` datetime null;`);
    this.addSql(`alter table \`neighborhood\` add column \`updated_at\` datetime not null default 0;`);
    this.addSql(`alter table \`member\` add column \`deactivated_at\` datetime null;`);
    this.addSql(`create table \`activity__temp_alter\` (\`seq\` integer not null, \`at\` datetime not null, \`kind\` text check (\`kind\` in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED')) not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'MEMBERS', 'COORDINATORS')) not null, \`actor_id\` integer null, \`actor_organization_id\` integer null, \`issue_id\` integer null, \`event_id\` integer null, \`summary\` text not null, \`subject_version\` integer null, \`snapshot\` json not null, constraint \`activity_actor_id_foreign\` foreign key(\`actor_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`activity_actor_organization_id_foreign\` foreign key(\`actor_organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`activity_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on delete set null on update cascade, constraint \`activity_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete set null on update cascade, primary key (\`seq\`));`);
    this.addSql(`insert into \`activity__temp_alter\` select \`seq\`, \`at\`, \`kind\`, \`visibility\`, \`actor_id\`, \`actor_organization_id\`, \`issue_id\`, \`event_id\`, \`summary\`, \`subject_version\`, \`snapshot\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_actor_id_index\` on \`activity\` (\`actor_id\`);`);
    this.addSql(`create index \`activity_actor_organization_id_index\` on \`activity\` (\`actor_organization_id\`);`);
    this.addSql(`create index \`activity_issue_id_index\` on \`activity\` (\`issue_id\`);`);
    this.addSql(`create index \`activity_event_id_index\` on \`activity\` (\`event_id\`);`);
    // Existing neighborhoods get their creation time as last update (the column's default is 0).
    this.addSql(`update \`neighborhood\` set \`updated_at\` = \`created_at\`;`);
  }

}
