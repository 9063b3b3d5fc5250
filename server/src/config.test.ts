import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_QUERY_LIMITS, DEFAULT_RATE_LIMITS, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 4000, the embedded SQLite file and in-process pub/sub', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: 'data/bridgeboard.sqlite' });
    expect(config.redisUrl).toBeNull();
  });

  it('reads sqlite:, sqlite::memory:, postgres:// and redis:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:./tmp/x.sqlite' }).database).toEqual({
      dialect: 'sqlite',
      file: './tmp/x.sqlite',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ dialect: 'sqlite', file: ':memory:' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/bb' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@db:5432/bb',
    });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: '-1' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL must start with sqlite: or postgres:\/\//],
    [{ DATABASE_URL: 'sqlite:' }, /needs a path/],
    [{ DATABASE_URL: 'postgres://' }, /not a valid PostgreSQL URL/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must look like redis:\/\//],
    [{ TOKEN_SECRET: 'short' }, /TOKEN_SECRET must be at least 32/],
    [{ CORS_ORIGINS: 'tools.example.org' }, /CORS_ORIGINS must be \* or a comma-separated list of origins/],
    [{ CORS_ORIGINS: 'https://tools.example.org/app' }, /CORS_ORIGINS .*got "https:\/\/tools.example.org\/app"/],
    [{ CORS_ORIGINS: 'ftp://files.example.org' }, /CORS_ORIGINS/],
    [{ INTROSPECTION: 'maybe' }, /INTROSPECTION must be true or false \(got "maybe"\)/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY must be a number of proxies or a comma-separated list/],
    [{ TRUST_PROXY: '10.0.0.0/99' }, /TRUST_PROXY/],
    [{ QUERY_LIMITS: 'depth=0' }, /QUERY_LIMITS depth must be a whole number above 0 \(got "0"\)/],
    [{ QUERY_LIMITS: 'depth=ten' }, /QUERY_LIMITS depth must be a whole number/],
    [{ QUERY_LIMITS: 'cost=5kb' }, /QUERY_LIMITS cost must be a whole number/],
    [{ QUERY_LIMITS: 'size=lots' }, /QUERY_LIMITS size must be a size like 64kb or 1mb/],
    [
      { QUERY_LIMITS: 'width=3' },
      /QUERY_LIMITS takes depth=…, cost=…, .*size=…, subscriptions=…, connections=…, memberConnections=…, socketBuffer=… \(got "width=3"\)/,
    ],
    [{ QUERY_LIMITS: 'depth' }, /QUERY_LIMITS takes/],
    [{ RATE_LIMITS: 'login=10' }, /RATE_LIMITS login must look like 10\/15m .* \(got "10"\)/],
    [{ RATE_LIMITS: 'login=10/0m' }, /RATE_LIMITS login must look like/],
    [{ RATE_LIMITS: 'login=0/1m' }, /RATE_LIMITS login must look like/],
    [{ RATE_LIMITS: 'logins=10/1m' }, /RATE_LIMITS takes login=…, loginPair=…, account=…, report=…, mutation=…/],
    [{ RETENTION_DAYS: '0' }, /RETENTION_DAYS must be a whole number of days from 1 to 36500, or off \(got "0"\)/],
    [{ RETENTION_DAYS: '1.5' }, /RETENTION_DAYS must be a whole number/],
    [{ RETENTION_DAYS: '-30' }, /RETENTION_DAYS/],
    [{ RETENTION_DAYS: '36501' }, /RETENTION_DAYS/],
    [{ RETENTION_DAYS: 'a year' }, /RETENTION_DAYS .*\(got "a year"\)/],
    [{ RESULT_CACHE: '1kb' }, /RESULT_CACHE must be a size of at least 64kb like 32mb, or off \(got "1kb"\)/],
    [{ RESULT_CACHE: 'lots' }, /RESULT_CACHE .*\(got "lots"\)/],
    [{ RESULT_CACHE: '2gb' }, /RESULT_CACHE/],
    [{ SHUTDOWN_GRACE_SECONDS: '-1' }, /SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600/],
    [{ SHUTDOWN_GRACE_SECONDS: '2.5' }, /SHUTDOWN_GRACE_SECONDS/],
    [{ SHUTDOWN_GRACE_SECONDS: '30s' }, /SHUTDOWN_GRACE_SECONDS .*\(got "30s"\)/],
    [{ SHUTDOWN_GRACE_SECONDS: '3601' }, /SHUTDOWN_GRACE_SECONDS/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('defaults to same-origin only, introspection on, no trusted proxy, and the documented limits', () => {
    const config = loadConfig({});
    expect(config.corsOrigins).toEqual([]);
    expect(config.introspection).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.limits).toEqual({
      depth: 10,
      cost: 5000,
      aliases: 30,
      directives: 20,
      tokens: 2000,
      requestBytes: 65536,
      subscriptions: 20,
      connections: 200,
      memberConnections: 20,
      socketBufferBytes: 256 * 1024,
    });
    expect(config.rateLimits).toEqual({
      login: { points: 30, seconds: 600 },
      loginPair: { points: 10, seconds: 600 },
      account: { points: 100, seconds: 3600 },
      report: { points: 30, seconds: 600 },
      mutation: { points: 120, seconds: 60 },
    });
  });

  it("keeps residents' details of closed issues for a year unless RETENTION_DAYS says otherwise", () => {
    expect(loadConfig({}).retentionDays).toBe(365);
    expect(loadConfig({ RETENTION_DAYS: ' 90 ' }).retentionDays).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '1' }).retentionDays).toBe(1);
    expect(loadConfig({ RETENTION_DAYS: 'off' }).retentionDays).toBeNull();
    expect(loadConfig({ RETENTION_DAYS: 'OFF' }).retentionDays).toBeNull();
  });

  it('keeps 32 MB of shared answers unless RESULT_CACHE says otherwise', () => {
    expect(loadConfig({}).resultCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ RESULT_CACHE: ' 128mb ' }).resultCacheBytes).toBe(128 * 1024 * 1024);
    expect(loadConfig({ RESULT_CACHE: '512KB' }).resultCacheBytes).toBe(512 * 1024);
    expect(loadConfig({ RESULT_CACHE: 'off' }).resultCacheBytes).toBeNull();
  });

  it('waits 10 s for requests in flight at shutdown unless SHUTDOWN_GRACE_SECONDS says otherwise', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: ' 30 ' }).shutdownGraceMs).toBe(30_000);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '0' }).shutdownGraceMs).toBe(0);
  });

  it('reads CORS origins, introspection and proxies to trust', () => {
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: ' https://tools.example.org/ , http://localhost:5173,' }).corsOrigins).toEqual([
      'https://tools.example.org',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(loadConfig({ INTROSPECTION: 'OFF' }).introspection).toBe(false);
    expect(loadConfig({ INTROSPECTION: '1' }).introspection).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('overrides single query and rate limits, keeping the other defaults', () => {
    const { limits, rateLimits } = loadConfig({
      QUERY_LIMITS: 'depth=12, size=1mb,subscriptions=50',
      RATE_LIMITS: 'login=10/15m,mutation=300/m, report=5/30s',
    });
    expect(limits).toEqual({ ...DEFAULT_QUERY_LIMITS, depth: 12, requestBytes: 1024 * 1024, subscriptions: 50 });
    expect(rateLimits).toEqual({
      ...DEFAULT_RATE_LIMITS,
      login: { points: 10, seconds: 900 },
      mutation: { points: 300, seconds: 60 },
      report: { points: 5, seconds: 30 },
    });
    expect(loadConfig({ QUERY_LIMITS: 'size=4096' }).limits.requestBytes).toBe(4096);
    expect(loadConfig({ QUERY_LIMITS: 'socketBuffer=1mb' }).limits.socketBufferBytes).toBe(1024 * 1024);
    expect(() => loadConfig({ QUERY_LIMITS: 'socketBuffer=lots' })).toThrow(/socketBuffer must be a size like 64kb/);
    expect(loadConfig({ RATE_LIMITS: 'off' }).rateLimits).toBeNull();
  });

  it('limits WebSockets per address and per member or token, and sign-ins per address and email pair', () => {
    expect(DEFAULT_QUERY_LIMITS).toMatchObject({ connections: 200, memberConnections: 20 });
    expect(loadConfig({ QUERY_LIMITS: 'connections=50,memberConnections=5' }).limits).toMatchObject({
      connections: 50,
      memberConnections: 5,
    });
    expect(() => loadConfig({ QUERY_LIMITS: 'connections=0' })).toThrow(
      /QUERY_LIMITS connections must be a whole number/,
    );
    expect(DEFAULT_RATE_LIMITS).toMatchObject({
      loginPair: { points: 10, seconds: 600 },
      account: { points: 100, seconds: 3600 },
    });
    expect(loadConfig({ RATE_LIMITS: 'loginPair=5/15m' }).rateLimits?.loginPair).toEqual({ points: 5, seconds: 900 });
  });

  it('never echoes a database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).toThrow(/admin:\*\*\*@/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).not.toThrow(/s3cret/);
  });

  it('reads LOG_LEVEL, LOG_FORMAT and METRICS_TOKEN, refusing what they cannot be', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', logFormat: null, metricsToken: null });
    expect(loadConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' })).toMatchObject({
      logLevel: 'debug',
      logFormat: 'json',
    });
    expect(loadConfig({ METRICS_TOKEN: 'a-long-metrics-token' }).metricsToken).toBe('a-long-metrics-token');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or pretty/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });
});
