import path from 'node:path';

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Optional fixed signing secret for tokens; otherwise one is kept in the database. */
  tokenSecret: string | null;
  /** Where the built board is served from, when it exists. */
  webDist: string | null;
  production: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_SQLITE_FILE = path.join('data', 'bridgeboard.sqlite');

/** `sqlite:<path>`, `sqlite::memory:`, `postgres://…`/`postgresql://…`; unset: the embedded file. */
export function parseDatabaseUrl(value: string | undefined): DatabaseConfig {
  if (value == null || value.trim() === '') return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE };
  const url = value.trim();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '')
      throw new ConfigError(
        'DATABASE_URL "sqlite:" needs a path, e.g. sqlite:./data/bridgeboard.sqlite or sqlite::memory:',
      );
    return { dialect: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) throw new Error('no host');
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid PostgreSQL URL: ${redact(url)}`);
    }
    return { dialect: 'postgres', url };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got "${redact(url)}")`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export function parsePort(value: string | undefined): number {
  if (value == null || value.trim() === '') return 4000;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

export function parseRedisUrl(value: string | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const url = value.trim();
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError(`REDIS_URL must look like redis://host:6379 (got "${redact(url)}")`);
  }
  return url;
}

/** Reads and validates the environment; throws ConfigError with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const tokenSecret = env.TOKEN_SECRET?.trim() || null;
  if (tokenSecret != null && tokenSecret.length < 32) {
    throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
  }
  return {
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    tokenSecret,
    webDist: env.WEB_DIST?.trim() || null,
    production: env.NODE_ENV === 'production',
  };
}
