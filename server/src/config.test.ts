import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).toThrow(/admin:\*\*\*@/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).not.toThrow(/s3cret/);
  });
});
