import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8: co-hosting is consented. Invitations to co-host get their own table, and the activity
 * feed takes the co-hosting kinds.
 *
 * Written by hand: MikroORM's SQLite diff rebuilt eight tables here, and dropping a table that
 * others reference fires their ON DELETE actions. Only `activity` must be rebuilt (SQLite cannot
 * change a CHECK constraint in place), and no table references it; the kinds are the full list
 * of server/src/modules/activity/activity.enums.ts.
 */
export class Migration20261201084528 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`event_cohost_invitation\` (\`id\` integer not null primary key autoincrement, \`event_id\` integer not null, \`organization_id\` integer not null, \`status\` text check (\`status\` in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')) not null default 'PENDING', \`invited_by_id\` integer null, \`invited_by_token_id\` integer null, \`created_at\` datetime not null, \`responded_at\` datetime null, \`responded_by_id\` integer null, \`responded_by_token_id\` integer null, \`withdrawn_at\` datetime null, \`withdrawn_by_id\` integer null, constraint \`event_cohost_invitation_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete cascade on update cascade, constraint \`event_cohost_invitation_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, constraint \`event_cohost_invitation_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`event_cohost_invitation_invited_by_token_id_foreign\` foreign key(\`invited_by_token_id\`) references \`api_token\`(\`id\`) on delete set null on update cascade, constraint \`event_cohost_invitation_responded_by_id_foreign\` foreign key(\`responded_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`event_cohost_invitation_responded_by_token_id_foreign\` foreign key(\`responded_by_token_id\`) references \`api_token\`(\`id\`) on delete set null on update cascade, constraint \`event_cohost_invitation_withdrawn_by_id_foreign\` foreign key(\`withdrawn_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`event_cohost_invitation_event_id_index\` on \`event_cohost_invitation\` (\`event_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_organization_id_index\` on \`event_cohost_invitation\` (\`organization_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_invited_by_id_index\` on \`event_cohost_invitation\` (\`invited_by_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_invited_by_token_id_index\` on \`event_cohost_invitation\` (\`invited_by_token_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_responded_by_id_index\` on \`event_cohost_invitation\` (\`responded_by_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_responded_by_token_id_index\` on \`event_cohost_invitation\` (\`responded_by_token_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_withdrawn_by_id_index\` on \`event_cohost_invitation\` (\`withdrawn_by_id\`);`);
    this.addSql(`create index \`event_cohost_invitation_organization_id_status_index\` on \`event_cohost_invitation\` (\`organization_id\`, \`status\`);`);
    this.addSql(`create table \`activity__temp_alter\` (\`seq\` integer not null, \`at\` datetime not null, \`kind\` text check (\`kind\` in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'EVENT_COHOST_INVITED', 'EVENT_COHOST_ACCEPTED', 'EVENT_COHOST_DECLINED', 'EVENT_COHOST_WITHDRAWN', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED')) not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'MEMBERS', 'COORDINATORS')) not null, \`actor_id\` integer null, \`actor_organization_id\` integer null, \`issue_id\` integer null, \`event_id\` integer null, \`summary\` text not null, \`subject_version\` integer null, \`snapshot\` json not null, constraint \`activity_actor_id_foreign\` foreign key(\`actor_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`activity_actor_organization_id_foreign\` foreign key(\`actor_organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`activity_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on delete set null on update cascade, constraint \`activity_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete set null on update cascade, primary key (\`seq\`));`);
    this.addSql(`insert into \`activity__temp_alter\` select \`seq\`, \`at\`, \`kind\`, \`visibility\`, \`actor_id\`, \`actor_organization_id\`, \`issue_id\`, \`event_id\`, \`summary\`, \`subject_version\`, \`snapshot\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_actor_id_index\` on \`activity\` (\`actor_id\`);`);
    this.addSql(`create index \`activity_actor_organization_id_index\` on \`activity\` (\`actor_organization_id\`);`);
    this.addSql(`create index \`activity_issue_id_index\` on \`activity\` (\`issue_id\`);`);
    this.addSql(`create index \`activity_event_id_index\` on \`activity\` (\`event_id\`);`);
    // Co-hostings named before consent existed were never agreed to: each becomes a pending
    // invitation from whoever created the event, and the event stops showing it until accepted.
    this.addSql(`insert into \`event_cohost_invitation\` (\`event_id\`, \`organization_id\`, \`status\`, \`invited_by_id\`, \`created_at\`) select \`c\`.\`shared_event_id\`, \`c\`.\`organization_id\`, 'PENDING', \`e\`.\`created_by_id\`, \`e\`.\`created_at\` from \`event_cohost\` as \`c\` join \`shared_event\` as \`e\` on \`e\`.\`id\` = \`c\`.\`shared_event_id\` where \`c\`.\`organization_id\` <> \`e\`.\`host_id\` order by \`c\`.\`shared_event_id\`, \`c\`.\`organization_id\`;`);
    this.addSql(`delete from \`event_cohost\`;`);
  }

}
