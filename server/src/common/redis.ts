import type { Redis } from 'ioredis';
import { log } from '../ops/log.js';

/**
 * Logs a Redis connection's outage once when it starts and once when it ends, instead of one
 * line per reconnection attempt. ioredis reconnects by itself; without an 'error' listener it
 * would report each failed attempt as unhandled.
 */
export function watchRedis(client: Redis, role: string): Redis {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.error({ err: error, role }, 'redis connection lost; reconnecting with backoff');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ role }, 'redis reconnected');
  });
  return client;
}
