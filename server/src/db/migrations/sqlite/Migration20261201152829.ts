import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: the retention job records each erasure as activity (ISSUE_DETAILS_ERASED), so open
 * boards hear it and every committed change bumps seq.
 *
 * Written by hand: MikroORM's SQLite diff rebuilt unrelated tables. Only `activity` must be
 * rebuilt (SQLite cannot change a CHECK constraint in place), and no table references it; the
 * kinds are the full list of server/src/modules/activity/activity.enums.ts.
 */
export class Migration20261201152829 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`activity__temp_alter\` (\`seq\` integer not null, \`at\` datetime not null, \`kind\` text check (\`kind\` in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'ISSUE_DETAILS_ERASED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'EVENT_COHOST_INVITED', 'EVENT_COHOST_ACCEPTED', 'EVENT_COHOST_DECLINED', 'EVENT_COHOST_WITHDRAWN', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED')) not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'MEMBERS', 'COORDINATORS')) not null, \`actor_id\` integer null, \`actor_organization_id\` integer null, \`issue_id\` integer null, \`event_id\` integer null, \`summary\` text not null, \`subject_version\` integer null, \`snapshot\` json not null, constraint \`activity_actor_id_foreign\` foreign key(\`actor_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`activity_actor_organization_id_foreign\` foreign key(\`actor_organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`activity_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on delete set null on update cascade, constraint \`activity_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete set null on update cascade, primary key (\`seq\`));`);
    this.addSql(`insert into \`activity__temp_alter\` select \`seq\`, \`at\`, \`kind\`, \`visibility\`, \`actor_id\`, \`actor_organization_id\`, \`issue_id\`, \`event_id\`, \`summary\`, \`subject_version\`, \`snapshot\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_actor_id_index\` on \`activity\` (\`actor_id\`);`);
    this.addSql(`create index \`activity_actor_organization_id_index\` on \`activity\` (\`actor_organization_id\`);`);
    this.addSql(`create index \`activity_issue_id_index\` on \`activity\` (\`issue_id\`);`);
    this.addSql(`create index \`activity_event_id_index\` on \`activity\` (\`event_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table \`activity__temp_alter\` (\`seq\` integer not null, \`at\` datetime not null, \`kind\` text check (\`kind\` in ('ISSUE_REPORTED', 'ISSUE_STATUS_CHANGED', 'ISSUE_ASSIGNED', 'ISSUE_UPDATE_ADDED', 'ISSUE_SUPPORTED', 'EVENT_CREATED', 'EVENT_UPDATED', 'EVENT_CANCELLED', 'EVENT_RSVP', 'EVENT_STAFF_COMMITTED', 'EVENT_COHOST_INVITED', 'EVENT_COHOST_ACCEPTED', 'EVENT_COHOST_DECLINED', 'EVENT_COHOST_WITHDRAWN', 'SETUP_COMPLETED', 'SETTINGS_UPDATED', 'ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'MEMBER_CREATED', 'MEMBER_UPDATED', 'MEMBER_INVITED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED', 'PASSWORD_RESET_ISSUED', 'PASSWORD_CHANGED', 'NEIGHBORHOOD_CREATED', 'NEIGHBORHOOD_UPDATED', 'NEIGHBORHOOD_RETIRED', 'NEIGHBORHOOD_RESTORED', 'NEIGHBORHOOD_DELETED', 'NEIGHBORHOODS_IMPORTED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED')) not null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'MEMBERS', 'COORDINATORS')) not null, \`actor_id\` integer null, \`actor_organization_id\` integer null, \`issue_id\` integer null, \`event_id\` integer null, \`summary\` text not null, \`subject_version\` integer null, \`snapshot\` json not null, constraint \`activity_actor_id_foreign\` foreign key(\`actor_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`activity_actor_organization_id_foreign\` foreign key(\`actor_organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`activity_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on delete set null on update cascade, constraint \`activity_event_id_foreign\` foreign key(\`event_id\`) references \`shared_event\`(\`id\`) on delete set null on update cascade, primary key (\`seq\`));`);
    this.addSql(`insert into \`activity__temp_alter\` select \`seq\`, \`at\`, \`kind\`, \`visibility\`, \`actor_id\`, \`actor_organization_id\`, \`issue_id\`, \`event_id\`, \`summary\`, \`subject_version\`, \`snapshot\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_actor_id_index\` on \`activity\` (\`actor_id\`);`);
    this.addSql(`create index \`activity_actor_organization_id_index\` on \`activity\` (\`actor_organization_id\`);`);
    this.addSql(`create index \`activity_issue_id_index\` on \`activity\` (\`issue_id\`);`);
    this.addSql(`create index \`activity_event_id_index\` on \`activity\` (\`event_id\`);`);
  }

}
