import { ConfigError, loadConfig } from './config.js';
import { bootstrap, type App, type BootstrapOptions } from './app.js';

/**
 * Starts the server from the environment, runs `afterStart`, and closes everything on SIGINT
 * or SIGTERM. A bad configuration exits with status 2 and a message naming the variable.
 */
export async function serve(
  afterStart: (app: App) => Promise<void> | void,
  options: Omit<BootstrapOptions, 'config'> = {},
): Promise<void> {
  try {
    const app = await bootstrap({ ...options, config: loadConfig() });
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await afterStart(app);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
