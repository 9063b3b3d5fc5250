import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/src/config.js';

export const ADMIN_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  config: DatabaseConfig;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, empty database of the suite's dialect (BB_TEST_DB: sqlite or postgres). */
export async function freshDatabase(dialect = process.env.BB_TEST_DB ?? 'sqlite'): Promise<TestDatabase> {
  counter += 1;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-test-'));
    return {
      config: { dialect: 'sqlite', file: path.join(dir, 'bridgeboard.sqlite') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (dialect !== 'postgres') throw new Error(`BB_TEST_DB must be sqlite or postgres, not ${dialect}`);
  const name = `bb_test_${process.pid}_${counter}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
