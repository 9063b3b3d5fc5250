import { backupSqlite, BackupError } from './db/backup.js';
import { ConfigError, parseDatabaseUrl } from './config.js';

/**
 * `pnpm backup <file>`: a consistent copy of the embedded SQLite database, taken while the server
 * runs. PostgreSQL is backed up with its own tools (the README says how).
 */
const target = process.argv[2];
try {
  if (!target || target.startsWith('-'))
    throw new BackupError('usage: pnpm backup <file>  (e.g. backups/bridgeboard-2026-12-01.sqlite)');
  const database = parseDatabaseUrl(process.env.DATABASE_URL);
  const { file, pages } = await backupSqlite(database, target);
  console.log(`Backed up ${pages} pages to ${file}; it passed an integrity check.`);
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`backup: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
