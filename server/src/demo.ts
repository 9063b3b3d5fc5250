import { serve } from './serve.js';
import { DEMO_MEMBERS, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seeders/demo.seeder.js';

/**
 * `pnpm demo`: the production server, after seeding a demo city into an empty database. No setup
 * link: the demo brings its own partnership and coordinators.
 */
await serve(
  async (app) => {
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
  },
  { announceSetup: false },
);
