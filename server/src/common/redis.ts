import type { Redis } from 'ioredis';

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
    console.error(`[bridgeboard] redis ${role} lost (${error.message}); reconnecting with backoff`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.info(`[bridgeboard] redis ${role} reconnected`);
  });
  return client;
}
