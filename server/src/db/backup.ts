import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseConfig } from '../config.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Copies a SQLite database file to `target` with SQLite's online backup (better-sqlite3's
 * `backup()`), safe while the server writes: the copy is one committed state of the database,
 * never a half-written one. The copy is then opened and checked with `PRAGMA integrity_check`.
 * Refuses PostgreSQL (use pg_dump), an in-memory database, a missing source and an existing
 * target (a backup never overwrites one).
 */
export async function backupSqlite(database: DatabaseConfig, target: string): Promise<{ file: string; pages: number }> {
  if (database.dialect !== 'sqlite') {
    throw new BackupError('DATABASE_URL is PostgreSQL: back it up with pg_dump (see the README)');
  }
  if (database.file === ':memory:') throw new BackupError('an in-memory database has nothing to back up');
  const source = path.resolve(database.file);
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  // A connection of its own: the server keeps writing through its own meanwhile (WAL mode).
  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(file, {
      // Every remaining page in the next step: one step copies one committed state, and writers
      // on other connections cannot make it start over again and again.
      progress: ({ remainingPages }) => Math.max(remainingPages, 100),
    });
    pages = result.totalPages;
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    db.close();
  }

  const copy = new Database(file, { fileMustExist: true });
  try {
    // One self-contained file (the source's WAL mode would keep -wal and -shm files beside it).
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy at ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { file, pages };
}
