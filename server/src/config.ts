import path from 'node:path';
import proxyAddr from 'proxy-addr';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './ops/log.js';

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
  /** Other origins whose pages may call the API from a browser: `'*'` any, `[]` the board's own only. */
  corsOrigins: string[] | '*';
  /** Whether `__schema`/`__type` may be queried (other tools build on the schema). */
  introspection: boolean;
  /** Which proxies' X-Forwarded-For to believe when telling clients apart (rate limits). */
  trustProxy: TrustProxy;
  limits: QueryLimits;
  /** `null` turns rate limiting off. */
  rateLimits: RateLimits | null;
  /**
   * Days after which a RESOLVED or CLOSED issue, untouched since, loses the resident's contact
   * and its precise location (modules/privacy/retention.ts); `null`: kept for ever.
   */
  retentionDays: number | null;
  /**
   * Bytes of answers the result cache may hold (`RESULT_CACHE`, security/result-cache.ts);
   * `null`: off, every query executes.
   */
  resultCacheBytes: number | null;
  /**
   * Where people reach the board (`PUBLIC_URL`), for the links the server hands out (setup,
   * invitations, password resets); `null`: the server's own `http://localhost:<port>`.
   */
  publicUrl: string | null;
  /** `SMTP_URL`: where invitation and reset emails go; `null`: links are shown, never emailed. */
  smtpUrl: string | null;
  /** `MAIL_FROM`: the sender of those emails. */
  mailFrom: string;
  /** `LOG_LEVEL`: the least severe lines written (`info` by default). */
  logLevel: LogLevel;
  /** `LOG_FORMAT`: `json` or `pretty`; `null`: pretty on a terminal, JSON otherwise. */
  logFormat: LogFormat | null;
  /** `METRICS_TOKEN`: `/metrics` answers only with this bearer token; `null`: no `/metrics`. */
  metricsToken: string | null;
  /**
   * `SHUTDOWN_GRACE_SECONDS`, in ms: how long a SIGTERM or SIGINT waits for HTTP requests in
   * flight before cutting them (ops/http-drain.ts). WebSockets are closed right after, with 1012.
   */
  shutdownGraceMs: number;
}

/** Hostile-input limits, the same on HTTP and WebSocket. */
export interface QueryLimits {
  /** Deepest nesting of fields (fragments add no level). */
  depth: number;
  /** Cost budget per operation: about the number of objects it may resolve (security/cost.ts). */
  cost: number;
  aliases: number;
  directives: number;
  /** Lexical tokens in one document; the parser stops past this. */
  tokens: number;
  /** Bytes in one HTTP request body or one WebSocket message. */
  requestBytes: number;
  /** Operations running at once on one WebSocket connection. */
  subscriptions: number;
  /** WebSockets open at once from one client address (after TRUST_PROXY), on all instances. */
  connections: number;
  /** WebSockets open at once for one member or one API token, on all instances. */
  memberConnections: number;
  /**
   * Bytes a WebSocket may hold unsent (a client that stopped reading) before the server closes it
   * with 1013 (try again later); the client reconnects and resumes with `after`.
   */
  socketBufferBytes: number;
}

/** `points` calls per `seconds`, counted in fixed windows. */
export interface RateLimit {
  points: number;
  seconds: number;
}

export interface RateLimits {
  /** Sign-in attempts from one client address, for any emails. */
  login: RateLimit;
  /** Sign-in attempts for one email from one address: the strict one that slows a guesser. */
  loginPair: RateLimit;
  /**
   * Sign-in attempts for one email address from anywhere (whether or not the account exists):
   * loose, so a guesser elsewhere cannot lock the owner out, but guesses spread over many
   * addresses still stop.
   */
  account: RateLimit;
  /** `reportIssue` per signed-in member or API token, or per address for residents. */
  report: RateLimit;
  /** Every mutation, those above included, per signed-in member, per API token or per address. */
  mutation: RateLimit;
}

/** `false`: the socket's address is the client; a number: that many proxies; a list: those proxies. */
export type TrustProxy = false | number | string[];

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  depth: 10,
  cost: 5000,
  aliases: 30,
  directives: 20,
  tokens: 2000,
  requestBytes: 64 * 1024,
  subscriptions: 20,
  // A whole office or school behind one NAT address, each person with a tab or two open.
  connections: 200,
  memberConnections: 20,
  // About a hundred board changes: far more than a reading client ever holds.
  socketBufferBytes: 256 * 1024,
});

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  login: { points: 30, seconds: 600 },
  loginPair: { points: 10, seconds: 600 },
  account: { points: 100, seconds: 3600 },
  report: { points: 30, seconds: 600 },
  mutation: { points: 120, seconds: 60 },
});

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

/** `CORS_ORIGINS`: unset for the board's own origin only, `*` for any, or a comma-separated list. */
export function parseCorsOrigins(value: string | undefined): string[] | '*' {
  if (value == null || value.trim() === '') return [];
  if (value.trim() === '*') return '*';
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      let url: URL | null = null;
      try {
        url = new URL(item);
      } catch {
        // reported below
      }
      const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
      if (!url || !/^https?:$/.test(url.protocol) || !bare) {
        throw new ConfigError(
          `CORS_ORIGINS must be * or a comma-separated list of origins like https://tools.example.org (got "${item}")`,
        );
      }
      return url.origin;
    });
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  on: true,
  yes: true,
  1: true,
  false: false,
  off: false,
  no: false,
  0: false,
};

export function parseBoolean(name: string, value: string | undefined, unset: boolean): boolean {
  if (value == null || value.trim() === '') return unset;
  const parsed = BOOLEANS[value.trim().toLowerCase()];
  if (parsed === undefined) throw new ConfigError(`${name} must be true or false (got "${value}")`);
  return parsed;
}

/** `TRUST_PROXY`: unset, a number of proxy hops, or proxy addresses/subnets (`loopback`, `10.0.0.0/8`, …). */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value == null || value.trim() === '' || /^(false|0)$/i.test(value.trim())) return false;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxies or a comma-separated list of proxy addresses, e.g. loopback,10.0.0.0/8 (got "${value}")`,
    );
  }
  return list;
}

const LIMIT_KEYS: Record<string, keyof QueryLimits> = {
  depth: 'depth',
  cost: 'cost',
  aliases: 'aliases',
  directives: 'directives',
  tokens: 'tokens',
  size: 'requestBytes',
  subscriptions: 'subscriptions',
  connections: 'connections',
  memberConnections: 'memberConnections',
  socketBuffer: 'socketBufferBytes',
};
const BYTE_LIMITS = new Set<keyof QueryLimits>(['requestBytes', 'socketBufferBytes']);
const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** `QUERY_LIMITS`: `name=value` pairs overriding the defaults, e.g. `depth=12,cost=8000,size=128kb`. */
export function parseQueryLimits(value: string | undefined): QueryLimits {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS };
  for (const [name, raw] of pairs('QUERY_LIMITS', value, Object.keys(LIMIT_KEYS))) {
    const key = LIMIT_KEYS[name];
    const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw);
    const amount =
      match && (BYTE_LIMITS.has(key) || !match[2])
        ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()]
        : NaN;
    if (!Number.isSafeInteger(amount) || amount < 1) {
      const expected = BYTE_LIMITS.has(key) ? 'a size like 64kb or 1mb' : 'a whole number above 0';
      throw new ConfigError(`QUERY_LIMITS ${name} must be ${expected} (got "${raw}")`);
    }
    limits[key] = amount;
  }
  return limits;
}

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `RATE_LIMITS`: `off`, or `name=points/window` pairs overriding the defaults, e.g. `login=10/15m,report=5/1h`. */
export function parseRateLimits(value: string | undefined): RateLimits | null {
  if (value?.trim().toLowerCase() === 'off') return null;
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const [name, raw] of pairs('RATE_LIMITS', value, Object.keys(DEFAULT_RATE_LIMITS))) {
    const match = /^(\d+)\s*\/\s*(\d*)\s*([smh])$/i.exec(raw);
    const points = Number(match?.[1]);
    const seconds = Number(match?.[2] || 1) * SECONDS[(match?.[3] ?? 's').toLowerCase()];
    if (!match || points < 1 || seconds < 1 || !Number.isSafeInteger(points)) {
      throw new ConfigError(
        `RATE_LIMITS ${name} must look like 10/15m (calls per window of s, m or h), or RATE_LIMITS=off (got "${raw}")`,
      );
    }
    limits[name as keyof RateLimits] = { points, seconds };
  }
  return limits;
}

/**
 * A year by default: long enough for a resolved issue to be reopened or followed up (and for a
 * yearly review of the partnership's work), short enough that residents' details do not pile up
 * for ever once nobody needs them. The numbers by neighborhood keep working without them.
 */
export const DEFAULT_RETENTION_DAYS = 365;
const MAX_RETENTION_DAYS = 36_500;

/** `RETENTION_DAYS`: a whole number of days (1 to 36500), or `off` to keep everything. Unset: 365. */
export function parseRetentionDays(value: string | undefined): number | null {
  if (value == null || value.trim() === '') return DEFAULT_RETENTION_DAYS;
  const text = value.trim();
  if (/^(off|false|never)$/i.test(text)) return null;
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new ConfigError(
      `RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or off (got "${value}")`,
    );
  }
  return days;
}

export const DEFAULT_RESULT_CACHE_BYTES = 32 * 1024 * 1024;

/** `RESULT_CACHE`: a size like `64mb` or `512kb` (at least 64kb), or `off`. Unset: 32mb. */
export function parseResultCache(value: string | undefined): number | null {
  if (value == null || value.trim() === '') return DEFAULT_RESULT_CACHE_BYTES;
  const text = value.trim();
  if (/^(off|false|0)$/i.test(text)) return null;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(text);
  const bytes = match ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 64 * 1024) {
    throw new ConfigError(`RESULT_CACHE must be a size of at least 64kb like 32mb, or off (got "${value}")`);
  }
  return bytes;
}

export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
const MAX_SHUTDOWN_GRACE_SECONDS = 3600;

/** `SHUTDOWN_GRACE_SECONDS`: whole seconds from 0 (cut at once) to an hour, in milliseconds. */
export function parseShutdownGrace(value: string | undefined): number {
  if (value == null || value.trim() === '') return DEFAULT_SHUTDOWN_GRACE_SECONDS * 1000;
  const text = value.trim();
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > MAX_SHUTDOWN_GRACE_SECONDS) {
    throw new ConfigError(
      `SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to ${MAX_SHUTDOWN_GRACE_SECONDS} (got "${value}")`,
    );
  }
  return seconds * 1000;
}

/** `PUBLIC_URL`: an http(s) origin with an optional path prefix, no query; trailing slashes dropped. */
export function parsePublicUrl(value: string | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const text = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(`PUBLIC_URL must be the board's address, like https://board.example.org (got "${text}")`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `SMTP_URL`: `smtp://[user:pass@]host[:port]` or `smtps://…`. */
export function parseSmtpUrl(value: string | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const text = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
    throw new ConfigError(`SMTP_URL must look like smtp://user:password@mail.example.org:587 (got "${redact(text)}")`);
  }
  return text;
}

export const DEFAULT_MAIL_FROM = 'Bridgeboard <no-reply@localhost>';

/** `MAIL_FROM`: an address, optionally with a display name (`Bridgeboard <board@city.gov>`). */
export function parseMailFrom(value: string | undefined): string {
  if (value == null || value.trim() === '') return DEFAULT_MAIL_FROM;
  const text = value.trim();
  if (!/^([^<>@\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(text)) {
    throw new ConfigError(`MAIL_FROM must be an address like "Bridgeboard <board@city.gov>" (got "${text}")`);
  }
  return text;
}

/** `LOG_LEVEL`: one of pino's levels; unset: `info`. */
export function parseLogLevel(value: string | undefined): LogLevel {
  if (value == null || value.trim() === '') return 'info';
  const level = value.trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  }
  return level;
}

/** `LOG_FORMAT`: `json` or `pretty`; unset: decided by whether the output is a terminal. */
export function parseLogFormat(value: string | undefined): LogFormat | null {
  if (value == null || value.trim() === '') return null;
  const format = value.trim().toLowerCase();
  if (format !== 'json' && format !== 'pretty') {
    throw new ConfigError(`LOG_FORMAT must be json or pretty (got "${value}")`);
  }
  return format;
}

/** `METRICS_TOKEN`: at least 16 characters (it guards what the instance is doing); unset: no `/metrics`. */
export function parseMetricsToken(value: string | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const token = value.trim();
  if (token.length < 16 || /\s/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters, without spaces');
  }
  return token;
}

/** Splits `a=1,b=2`, refusing names not in `known`. */
function pairs(variable: string, value: string | undefined, known: string[]): [string, string][] {
  if (value == null || value.trim() === '') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, raw, ...rest] = item.split('=').map((part) => part.trim());
      if (!known.includes(name) || raw == null || raw === '' || rest.length > 0) {
        throw new ConfigError(`${variable} takes ${known.map((k) => `${k}=…`).join(', ')} (got "${item}")`);
      }
      return [name, raw];
    });
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
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    introspection: parseBoolean('INTROSPECTION', env.INTROSPECTION, true),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    limits: parseQueryLimits(env.QUERY_LIMITS),
    rateLimits: parseRateLimits(env.RATE_LIMITS),
    retentionDays: parseRetentionDays(env.RETENTION_DAYS),
    resultCacheBytes: parseResultCache(env.RESULT_CACHE),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    logFormat: parseLogFormat(env.LOG_FORMAT),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    shutdownGraceMs: parseShutdownGrace(env.SHUTDOWN_GRACE_SECONDS),
  };
}
