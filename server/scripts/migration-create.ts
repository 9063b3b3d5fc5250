/**
 * Writes a migration for each dialect from the difference between the entities and a
 * database migrated to the latest committed migration, then relists the migrations.
 *
 *   pnpm --filter @bridgeboard/server migration:create
 *
 * PostgreSQL: uses a throw-away database on MIGRATIONS_POSTGRES_URL (default: the local
 * server's `postgres` database as admin).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../src/db/orm.js';
import type { DatabaseConfig } from '../src/config.js';

const root = path.dirname(new URL(import.meta.url).pathname);

async function create(database: DatabaseConfig, folder: string, listName: string): Promise<void> {
  const orm = await MikroORM.init(ormOptions(database));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(folder, false, false);
    console.log(result.fileName ? `${database.dialect}: wrote ${result.fileName}` : `${database.dialect}: no changes`);
    // MikroORM's SQLite diff rebuilds existing tables (drop + recreate). Inside the migration's
    // transaction its `pragma foreign_keys = off` has no effect, so dropping a table would
    // cascade-delete rows that reference it. Refuse to leave such a migration unreviewed.
    const dangerous = result.diff.up.filter((sql) => /^\s*(drop table|pragma foreign_keys)/i.test(sql));
    if (database.dialect === 'sqlite' && dangerous.length > 0) {
      console.error(
        `sqlite: ${result.fileName} rebuilds existing tables (${dangerous.length} statements such as "${dangerous[0]}").\n` +
          'Dropping a table cascades to the rows that reference it: edit the migration by hand before committing.',
      );
      process.exitCode = 1;
    }
  } finally {
    await orm.close(true);
  }
  const files = fs
    .readdirSync(folder)
    .filter((f) => /^Migration\d+.*\.ts$/.test(f))
    .sort();
  const imports = files.map((f) => {
    const name = f.replace(/\.ts$/, '');
    return { name, line: `import { ${name} } from './${name}.js';` };
  });
  const body = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...imports.map((i) => i.line),
    '',
    `/** Every ${database.dialect} migration, oldest first. scripts/migration-create.ts rewrites this list. */`,
    `export const ${listName}: MigrationObject[] = [`,
    ...imports.map((i) => `  { name: '${i.name}', class: ${i.name} },`),
    '];',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(folder, 'index.ts'), body);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-migrate-'));
await create(
  { dialect: 'sqlite', file: path.join(tmp, 'm.sqlite') },
  path.join(root, '../src/db/migrations/sqlite'),
  'sqliteMigrations',
);

const admin = process.env.MIGRATIONS_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `bb_migrate_${process.pid}`;
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`create database ${dbName}`);
try {
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  await create(
    { dialect: 'postgres', url: url.toString() },
    path.join(root, '../src/db/migrations/postgres'),
    'postgresMigrations',
  );
} finally {
  await client.query(`drop database ${dbName} with (force)`);
  await client.end();
}
fs.rmSync(tmp, { recursive: true, force: true });
