/**
 * A child process that counts the SQL statements one request of each read costs Bridgeboard:
 * the server's own `bootstrap()` in this process on the prepared database (the same code and
 * configuration `pnpm start` runs, with port 0), every statement seen on its knex connection
 * (as test/support/statements.ts counts them), each request sent over HTTP three times after a
 * warm-up and the smallest count kept (a background poll of the feed may fall into a window).
 * The result cache is off here: the counts are those of executing each read.
 *
 * argv[2]: JSON `{ databaseUrl, requests: { name, authorization, body }[] }`; answers over IPC
 * with `{ [name]: statements }` and exits.
 */
import { bootstrap } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';

interface Job {
  databaseUrl: string;
  requests: { name: string; authorization: string | null; body: string }[];
}

const job = JSON.parse(process.argv[2]) as Job;
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  PORT: '0',
  DATABASE_URL: job.databaseUrl,
  RATE_LIMITS: 'off',
  REDIS_URL: '',
  // What a read costs when it is executed: a cached answer costs one statement (the latest seq).
  RESULT_CACHE: 'off',
});
const app = await bootstrap({ config: { ...config, redisUrl: null }, announceSetup: false });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- knex is what MikroORM runs every statement through
const knex = (app.orm.em.getConnection() as any).getKnex() as {
  on(event: 'query', listener: () => void): void;
  removeListener(event: 'query', listener: () => void): void;
};
const counts: Record<string, number> = {};
try {
  for (const request of job.requests) {
    const send = async () => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(request.authorization ? { authorization: request.authorization } : {}),
        },
        body: request.body,
      });
      const text = await response.text();
      if (!response.ok || text.startsWith('{"errors"')) throw new Error(`${request.name}: ${text.slice(0, 300)}`);
    };
    await send();
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      let seen = 0;
      const listener = () => void seen++;
      knex.on('query', listener);
      try {
        await send();
      } finally {
        knex.removeListener('query', listener);
      }
      least = Math.min(least, seen);
    }
    counts[request.name] = least;
  }
} finally {
  await app.close();
}
process.send!(counts, undefined, {}, () => process.exit(0));
