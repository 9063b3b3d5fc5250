/**
 * The reference's database access: better-sqlite3 or pg directly, one statement text for both
 * dialects (`?` placeholders, numbered for pg), rows as plain objects. Dates come back as
 * epoch milliseconds from SQLite (how MikroORM stores them there) and as `Date` from pg;
 * `iso()` and `num()` make both the same.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Db {
  dialect: 'sqlite' | 'postgres';
  all(sql: string, params: unknown[]): Promise<Row[]>;
  /** A date-time column as the wire shows it; null stays null. */
  iso(value: unknown): string | null;
  /** A value to compare a date-time column with (epoch ms for SQLite, the ISO text for pg). */
  dateParam(iso: string): unknown;
  close(): Promise<void>;
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
export { num };

/** Opens `DATABASE_URL` as the server reads it (`sqlite:<file>` or `postgres://…`). */
export function openDb(url: string, poolSize: number): Db {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    const statements = new Map<string, Database.Statement>();
    const prepared = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    return {
      dialect: 'sqlite',
      all: async (sql, params) => prepared(sql).all(...params) as Row[],
      iso: (value) => (value == null ? null : new Date(num(value)).toISOString()),
      dateParam: (iso) => Date.parse(iso),
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const numbered = new Map<string, string>();
  const text = (sql: string) => {
    let out = numbered.get(sql);
    if (!out) {
      let n = 0;
      numbered.set(sql, (out = sql.replace(/\?/g, () => `$${++n}`)));
    }
    return out;
  };
  return {
    dialect: 'postgres',
    all: async (sql, params) => (await pool.query({ text: text(sql), values: params })).rows as Row[],
    iso: (value) => (value == null ? null : (value instanceof Date ? value : new Date(String(value))).toISOString()),
    dateParam: (iso) => iso,
    close: () => pool.end(),
  };
}

/** `?, ?, ?` for a list. */
export const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
