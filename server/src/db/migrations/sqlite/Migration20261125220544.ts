import { Migration } from '@mikro-orm/migrations';

export class Migration20261125220544 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`contact_access\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`issue_id\` integer not null, \`member_id\` integer not null, \`organization_id\` integer not null, constraint \`contact_access_issue_id_foreign\` foreign key(\`issue_id\`) references \`community_issue\`(\`id\`) on update cascade, constraint \`contact_access_member_id_foreign\` foreign key(\`member_id\`) references \`member\`(\`id\`) on update cascade, constraint \`contact_access_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`contact_access_issue_id_index\` on \`contact_access\` (\`issue_id\`);`);
    this.addSql(`create index \`contact_access_member_id_index\` on \`contact_access\` (\`member_id\`);`);
    this.addSql(`create index \`contact_access_organization_id_index\` on \`contact_access\` (\`organization_id\`);`);
    this.addSql(`create index \`contact_access_issue_id_id_index\` on \`contact_access\` (\`issue_id\`, \`id\`);`);

    this.addSql(`create table \`api_token\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`secret_hash\` text not null, \`hint\` text not null, \`scopes\` text not null, \`organization_id\` integer not null, \`created_by_id\` integer null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, \`revoked_by_id\` integer null, constraint \`api_token_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`api_token_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade, constraint \`api_token_revoked_by_id_foreign\` foreign key(\`revoked_by_id\`) references \`member\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create unique index \`api_token_secret_hash_unique\` on \`api_token\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_token_organization_id_index\` on \`api_token\` (\`organization_id\`);`);
    this.addSql(`create index \`api_token_created_by_id_index\` on \`api_token\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_token_revoked_by_id_index\` on \`api_token\` (\`revoked_by_id\`);`);
  }

}
