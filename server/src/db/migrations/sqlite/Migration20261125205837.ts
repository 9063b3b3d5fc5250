import { Migration } from '@mikro-orm/migrations';

export class Migration20261125205837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`activity_sequence\` (\`id\` integer not null, \`value\` integer not null, primary key (\`id\`));`);

    this.addSql(`create table \`app_setting\` (\`key\` text not null, \`value\` text not null, primary key (\`key\`));`);

    this.addSql(`create table \`neighborhood\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`center_lat\` double not null, \`center_lng\` double not null, \`boundary\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`neighborhood_name_unique\` on \`neighborhood\` (\`name\`);`);

    this.addSql(`create table \`organization\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`kind\` text check (\`kind\` in ('AGENCY', 'YOUTH', 'HEALTH', 'NEIGHBORHOOD', 'SCHOOL', 'FAITH', 'OTHER')) not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`organization_name_unique\` on \`organization\` (\`name\`);`);

    this.addSql(`create table \`member\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('COORDINATOR', 'OFFICER', 'PARTNER')) not null, \`organization_id\` integer not null, \`created_at\` datetime not null, constraint \`member_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade);`);
    this.addSql(`create unique index \`member_email_unique\` on \`member\` (\`email\`);`);
    this.addSql(`create index \`member_organization_id_index\` on \`member\` (\`organization_id\`);`);

    this.addSql(`create table \`community_issue\` (\`id\` integer not null primary key autoincrement, \`title\` text not null, \`description\` text not null, \`category\` text check (\`category\` in ('SAFETY', 'TRAFFIC', 'NOISE', 'LIGHTING', 'GRAFFITI', 'YOUTH', 'HOUSING', 'HEALTH', 'ENVIRONMENT', 'OTHER')) not null, \`status\` text check (\`status\` in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) not null default 'OPEN', \`priority\` text check (\`priority\` in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', \`priority_rank\` integer not null default 2, \`neighborhood_id\` integer not null, \`lat\` double null, \`lng\` double null, \`address\` text null, \`reporter_id\` integer null, \`contact\` text null, \`anonymous\` integer not null default false, \`supporters_count\` integer not null default 0, \`reported_at\` datetime not null, \`acknowledged_at\` datetime null, \`resolved_at\` datetime null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`community_issue_neighborhood_id_foreign\` foreign key(\`neighborhood_id\`) references \`neighborhood\`(\`id\`) on update cascade, constraint \`community_issue_reporter_id_foreign\` foreign key(\`reporter_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`community_issue_neighborhood_id_index\` on \`community_issue\` (\`neighborhood_id\`);`);
    this.addSql(`create index \`community_issue_reporter_id_index\` on \`community_issue\` (\`reporter_id\`);`);
    this.addSql(`create index \`community_issue_status_reported_at_index\` on \`community_issue\` (\`status\`, \`reported_at\`);`);

    this.addSql(`create table \`issue_update\` (\`id\` integer not null primary key autoincrement, \`issue_id\` integer not null, \`author_id\` integer null, \`kind\` text check (\`kind\` in ('COMMENT', 'STATUS_CHANGE', 'ASSIGNMENT')) not null, \`body\` text not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'PARTNERS')) not null, \`from_status\` text check (\`from_status\` in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) null, \`to_status\` text check (\`to_status\` in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) null, \`created_at\` datetime not null, constraint \`issue_update_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on update cascade, constraint \`issue_update_author_id_foreign\` foreign key(\`author_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`issue_update_issue_id_index\` on \`issue_update\` (\`issue_id\`);`);
    this.addSql(`create index \`issue_update_author_id_index\` on \`issue_update\` (\`author_id\`);`);
    this.addSql(`create index \`issue_update_issue_id_id_index\` on \`issue_update\` (\`issue_id\`, \`id\`);`);

    this.addSql(`create table \`issue_organization\` (\`community_issue_id\` integer not null, \`organization_id\` integer not null, constraint \`issue_organization_community_issue_id_foreign\` foreign key(\`community_issue_id\`) references \`community_issue\`(\`id\`) on delete cascade on update cascade, constraint \`issue_organization_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, primary key (\`community_issue_id\`, \`organization_id\`));`);
    this.addSql(`create index \`issue_organization_community_issue_id_index\` on \`issue_organization\` (\`community_issue_id\`);`);
    this.addSql(`create index \`issue_organization_organization_id_index\` on \`issue_organization\` (\`organization_id\`);`);

    this.addSql(`create table \`organization_neighborhood\` (\`organization_id\` integer not null, \`neighborhood_id\` integer not null, constraint \`organization_neighborhood_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, constraint \`organization_neighborhood_neighborhood_id_foreign\` foreign key(\`neighborhood_id\`) references \`neighborhood\`(\`id\`) on delete cascade on update cascade, primary key (\`organization_id\`, \`neighborhood_id\`));`);
    this.addSql(`create index \`organization_neighborhood_organization_id_index\` on \`organization_neighborhood\` (\`organization_id\`);`);
    this.addSql(`create index \`organization_neighborhood_neighborhood_id_index\` on \`organization_neighborhood\` (\`neighborhood_id\`);`);

    this.addSql(`create table \`shared_event\` (\`id\` integer not null primary key autoincrement, \`title\` text not null, \`description\` text not null default '', \`kind\` text check (\`kind\` in ('TOWN_HALL', 'YOUTH_PROGRAM', 'HEALTH_FAIR', 'COMMUNITY_WALK', 'CLEANUP', 'MEETING', 'OTHER')) not null, \`status\` text check (\`status\` in ('PLANNED', 'CONFIRMED', 'CANCELLED', 'DONE')) not null default 'PLANNED', \`starts_at\` datetime not null, \`ends_at\` datetime not null, \`location_name\` text not null, \`lat\` double null, \`lng\` double null, \`neighborhood_id\` integer null, \`host_id\` integer not null, \`capacity\` integer null, \`rsvp_count\` integer not null default 0, \`is_public\` integer not null default true, \`cancel_reason\` text null, \`created_by_id\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`shared_event_neighborhood_id_foreign\` foreign key(\`neighborhood_id\`) references \`neighborhood\`(\`id\`) on delete set null on update cascade, constraint \`shared_event_host_id_foreign\` foreign key(\`host_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`shared_event_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`shared_event_neighborhood_id_index\` on \`shared_event\` (\`neighborhood_id\`);`);
    this.addSql(`create index \`shared_event_host_id_index\` on \`shared_event\` (\`host_id\`);`);
    this.addSql(`create index \`shared_event_created_by_id_index\` on \`shared_event\` (\`created_by_id\`);`);
    this.addSql(`create index \`shared_event_starts_at_index\` on \`shared_event\` (\`starts_at\`);`);

    this.addSql(`create table \`event_rsvp\` (\`id\` integer not null primary key autoincrement, \`event_id\` integer not null, \`name\` text not null, \`email\` text null, \`party_size\` integer not null default 1, \`member_id\` integer null, \`created_at\` datetime not null, constraint \`event_rsvp_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on update cascade, constraint \`event_rsvp_member_id_foreign\` foreign key(\`member_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`event_rsvp_event_id_index\` on \`event_rsvp\` (\`event_id\`);`);
    this.addSql(`create index \`event_rsvp_member_id_index\` on \`event_rsvp\` (\`member_id\`);`);

    this.addSql(`create table \`event_issue\` (\`shared_event_id\` integer not null, \`community_issue_id\` integer not null, constraint \`event_issue_shared_event_id_foreign\` foreign key(\`shared_event_id\`) references \`shared_event\`(\`id\`) on delete cascade on update cascade, constraint \`event_issue_community_issue_id_foreign\` foreign key(\`community_issue_id\`) references \`community_issue\`(\`id\`) on delete cascade on update cascade, primary key (\`shared_event_id\`, \`community_issue_id\`));`);
    this.addSql(`create index \`event_issue_shared_event_id_index\` on \`event_issue\` (\`shared_event_id\`);`);
    this.addSql(`create index \`event_issue_community_issue_id_index\` on \`event_issue\` (\`community_issue_id\`);`);

    this.addSql(`create table \`event_cohost\` (\`shared_event_id\` integer not null, \`organization_id\` integer not null, constraint \`event_cohost_shared_event_id_foreign\` foreign key(\`shared_event_id\`) references \`shared_event\`(\`id\`) on delete cascade on update cascade, constraint \`event_cohost_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, primary key (\`shared_event_id\`, \`organization_id\`));`);
    this.addSql(`create index \`event_cohost_shared_event_id_index\` on \`event_cohost\` (\`shared_event_id\`);`);
    this.addSql(`create index \`event_cohost_organization_id_index\` on \`event_cohost\` (\`organization_id\`);`);

    this.addSql(`create table \`activity\` (\`seq\` integer not null, \`at\` datetime not null, \`kind\` text check (\`kind\` in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED')) not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'MEMBERS')) not null, \`actor_id\` integer null, \`actor_organization_id\` integer null, \`issue_id\` integer null, \`event_id\` integer null, \`summary\` text not null, \`subject_version\` integer null, \`snapshot\` json not null, constraint \`activity_actor_id_foreign\` foreign key(\`actor_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`activity_actor_organization_id_foreign\` foreign key(\`actor_organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`activity_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on delete set null on update cascade, constraint \`activity_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete set null on update cascade, primary key (\`seq\`));`);
    this.addSql(`create index \`activity_actor_id_index\` on \`activity\` (\`actor_id\`);`);
    this.addSql(`create index \`activity_actor_organization_id_index\` on \`activity\` (\`actor_organization_id\`);`);
    this.addSql(`create index \`activity_issue_id_index\` on \`activity\` (\`issue_id\`);`);
    this.addSql(`create index \`activity_event_id_index\` on \`activity\` (\`event_id\`);`);

    this.addSql(`create table \`staff_commitment\` (\`id\` integer not null primary key autoincrement, \`event_id\` integer not null, \`organization_id\` integer not null, \`count\` integer not null, \`note\` text null, \`updated_by_id\` integer null, \`updated_at\` datetime not null, constraint \`staff_commitment_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on update cascade, constraint \`staff_commitment_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`staff_commitment_updated_by_id_foreign\` foreign key(\`updated_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`staff_commitment_event_id_index\` on \`staff_commitment\` (\`event_id\`);`);
    this.addSql(`create index \`staff_commitment_organization_id_index\` on \`staff_commitment\` (\`organization_id\`);`);
    this.addSql(`create index \`staff_commitment_updated_by_id_index\` on \`staff_commitment\` (\`updated_by_id\`);`);
    this.addSql(`create unique index \`staff_commitment_event_id_organization_id_unique\` on \`staff_commitment\` (\`event_id\`, \`organization_id\`);`);

    // The single row behind Activity.seq (see realtime/change.ts).
    this.addSql(`insert into \`activity_sequence\` (\`id\`, \`value\`) values (1, 0);`);
  }

}
