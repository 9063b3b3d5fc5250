import { ConfigError, loadConfig } from './config.js';
import { bootstrap } from './app.js';

/** Production entry: `pnpm start`. */
try {
  const app = await bootstrap({ config: loadConfig() });
  console.log(`Bridgeboard is running at ${app.url} (GraphQL and WebSocket at ${app.url}/graphql)`);
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
