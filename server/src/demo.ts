import { ConfigError, loadConfig } from './config.js';
import { bootstrap } from './app.js';
import { DEMO_MEMBERS, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seeders/demo.seeder.js';

/** `pnpm demo`: the production server, after seeding a demo city into an empty database. */
try {
  const app = await bootstrap({ config: loadConfig() });
  if (await isEmpty(app.orm)) {
    console.log('Seeding the demo city (first run)…');
    await seedDemo(app.services);
  } else {
    console.log('The database already has data; not seeding.');
  }
  console.log(`\nBridgeboard demo is running at ${app.url}\n`);
  console.log(`Sign in with password "${DEMO_PASSWORD}" as:`);
  for (const m of DEMO_MEMBERS.slice(0, 3)) console.log(`  ${m.email.padEnd(24)} ${m.role.toLowerCase()} (${m.org})`);
  console.log(`\nGraphQL and WebSocket: ${app.url}/graphql\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
