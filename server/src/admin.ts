import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/core';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/orm.js';
import { DomainError } from './common/errors.js';
import { ActivityBus } from './realtime/bus.js';
import { LocalTransport } from './realtime/transport.js';
import { LinkIssuer } from './modules/access-links/access-link.codes.js';
import { createCoordinator, signInLink, type AdminDeps } from './modules/setup/admin.commands.js';

const USAGE = `Usage: pnpm admin <command> [options]

Commands:
  create-coordinator --email E --name N --organization "O"
      Adds a coordinator (and the organization, as the police agency, if it does not exist yet)
      and prints a one-time sign-in link where they choose their password. Closes first-run setup.
  sign-in-link --email E
      Prints a fresh one-time sign-in link for an existing member (e.g. a forgotten password).
  help
      Shows this.

Links are valid for 24 hours and work once. They start with PUBLIC_URL (or http://localhost:PORT);
DATABASE_URL chooses the database, as for pnpm start.`;

class UsageError extends Error {}

/** Reads one required `--option`. */
function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organization: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...extra] = positionals;
  if (command === 'help' || values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command) throw new UsageError('which command? create-coordinator, sign-in-link or help');
  if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}" (quote names with spaces)`);
  if (command !== 'create-coordinator' && command !== 'sign-in-link') {
    throw new UsageError(`unknown command "${command}"; try create-coordinator, sign-in-link or help`);
  }
  const input =
    command === 'create-coordinator'
      ? {
          email: required(values, 'email'),
          name: required(values, 'name'),
          organization: required(values, 'organization'),
        }
      : { email: required(values, 'email') };
  const config = loadConfig();
  const orm: MikroORM = await openDatabase(config.database);
  try {
    const links = new LinkIssuer();
    // PORT=0 (any free port) names no address a link could point at: the default port then.
    links.publicUrl = config.publicUrl ?? `http://localhost:${config.port || 4000}`;
    // Not started: running servers pick the activity up from the database within seconds.
    const deps: AdminDeps = { orm, bus: new ActivityBus(orm, new LocalTransport()), links };
    const link =
      command === 'create-coordinator'
        ? await createCoordinator(deps, input as { email: string; name: string; organization: string })
        : await signInLink(deps, input.email);
    console.log(`Sign-in link for ${link.name}: ${link.url}`);
    console.log('It works once, within 24 hours.');
    return 0;
  } finally {
    await orm.close(true);
  }
}

/** `pnpm admin …`: exit 0 on success, 1 with a one-line message otherwise. */
async function main(): Promise<never> {
  try {
    process.exit(await run(process.argv.slice(2)));
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof DomainError ||
      error instanceof ConfigError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = error instanceof Error ? error.message : String(error);
    console.error(known ? `admin: ${message}` : `admin: failed: ${message}`);
    if (error instanceof UsageError) console.error('Run "pnpm admin help" for the commands.');
    process.exit(1);
  }
}

await main();
