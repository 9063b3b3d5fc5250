import fs from 'node:fs';
import path from 'node:path';
import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config.js';
import { entities } from './entities.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { postgresMigrations } from './migrations/postgres/index.js';

const here = path.dirname(new URL(import.meta.url).pathname);

/** MikroORM options for a database; migrations are listed explicitly per dialect. */
export function ormOptions(database: DatabaseConfig): Options {
  const common = {
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    // Entities carry explicit types: tsx and vitest emit no decorator metadata.
    discovery: { requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
  } satisfies Partial<Options>;
  if (database.dialect === 'sqlite') {
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: database.file,
      migrations: {
        tableName: 'mikro_orm_migrations',
        path: path.join(here, 'migrations/sqlite'),
        pathTs: path.join(here, 'migrations/sqlite'),
        migrationsList: sqliteMigrations,
        transactional: true,
        silent: true,
        snapshot: false,
        emit: 'ts',
      },
    };
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(here, 'migrations/postgres'),
      pathTs: path.join(here, 'migrations/postgres'),
      migrationsList: postgresMigrations,
      transactional: true,
      silent: true,
      snapshot: false,
      emit: 'ts',
    },
  };
}

/**
 * Opens the database and brings its schema up to date with the committed migrations
 * (an empty database is created from scratch). Caller closes the returned ORM.
 */
export async function openDatabase(database: DatabaseConfig): Promise<MikroORM> {
  if (database.dialect === 'sqlite' && database.file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(database.file)), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(database));
  try {
    if (database.dialect === 'sqlite') {
      const connection = orm.em.getConnection();
      await connection.execute('pragma foreign_keys = on');
      if (database.file !== ':memory:') await connection.execute('pragma journal_mode = wal');
    }
    await orm.getMigrator().up();
    return orm;
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
