import { ConfigError, loadConfig } from './config.js';
import { bootstrap, type App, type BootstrapOptions } from './app.js';
import { log } from './ops/log.js';

/**
 * Starts the server from the environment and runs `afterStart`. SIGTERM or SIGINT shuts it down
 * gracefully (`App.close()`: readiness 503, new connections refused, requests in flight finished
 * within `SHUTDOWN_GRACE_SECONDS`, WebSockets closed with 1012, then the database and broker)
 * and exits with status 0; a signal repeated meanwhile (Ctrl-C reaches pnpm and the server
 * alike) changes nothing. A bad configuration exits with status 2 and a message naming the
 * variable.
 */
export async function serve(
  afterStart: (app: App) => Promise<void> | void,
  options: Omit<BootstrapOptions, 'config'> = {},
): Promise<void> {
  try {
    const config = loadConfig();
    const app = await bootstrap({ ...options, config });
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info(
        { signal, graceMs: config.shutdownGraceMs },
        'shutting down: requests in flight finish, then WebSockets close with 1012',
      );
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await afterStart(app);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
