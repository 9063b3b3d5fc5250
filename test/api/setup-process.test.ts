import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry points as a city's IT staff run them: `pnpm start` (server/src/index.ts) on an
 * empty SQLite file, and `pnpm admin` (server/src/admin.ts). Their own processes, their own
 * stdout: the setup link is read from the log line, as a person would copy it. The embedded file
 * is what a first install gets, so this runs on SQLite only.
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dirs: string[] = [];
const children = new Set<ChildProcess>();
// Each process compiles its TypeScript on start: generous on a busy machine.
const TIMEOUT = 240_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function databaseUrl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-process-'));
  dirs.push(dir);
  return `sqlite:${path.join(dir, 'bridgeboard.sqlite')}`;
}

function spawnTsx(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', RATE_LIMITS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** `pnpm start`'s entry, resolved once it says where it runs. */
function start(database: string): Promise<Running> {
  const child = spawnTsx('server/src/index.ts', [], { DATABASE_URL: database });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const running = /Bridgeboard is running at (http:\/\/\S+)/.exec(out);
      if (running) resolve({ child, url: running[1], output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** Ends a child with SIGTERM (the server closes cleanly) and waits for it. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode != null || child.signalCode != null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `pnpm admin`'s entry to the end. */
function admin(
  database: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTsx('server/src/admin.ts', args, { DATABASE_URL: database, PORT: '', ...env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const COMPLETE_SETUP =
  'mutation($code: String!, $input: SetupInput!) { completeSetup(code: $code, input: $input) { token member { name role } } }';
const SETUP_LINE = /^Set up Bridgeboard: open (\S+) \(valid for 24 hours, until used\)$/m;

afterAll(async () => {
  await Promise.all([...children].map(stop));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.env.BB_TEST_DB === 'postgres')('a new city with the real commands', () => {
  it(
    'pnpm start prints a setup link; following it sets the city up; the next start prints none',
    async () => {
      const database = databaseUrl();
      const first = await start(database);
      const lines = first.output().split('\n');
      expect(lines.filter((line) => line.startsWith('Set up Bridgeboard'))).toHaveLength(1);
      const setupUrl = SETUP_LINE.exec(first.output())![1];
      expect(setupUrl).toMatch(new RegExp(`^${first.url}/setup\\?code=[A-Za-z0-9_-]{43}$`));

      const code = new URL(setupUrl).searchParams.get('code');
      const input = {
        partnershipName: 'Lakeview Partnership',
        timeZone: 'America/Chicago',
        language: 'en',
        agencyName: 'Lakeview Police',
        coordinatorName: 'Lena Lake',
        coordinatorEmail: 'lena@lakeview.example',
        coordinatorPassword: 'lakeview setup passphrase',
      };
      const done = await gql(first.url, COMPLETE_SETUP, { code, input });
      expect(done.errors).toBeUndefined();
      expect(done.data.completeSetup.member).toEqual({ name: 'Lena Lake', role: 'COORDINATOR' });
      const viewer = await gql(first.url, '{ viewer { name } }', {}, done.data.completeSetup.token);
      expect(viewer.data.viewer).toEqual({ name: 'Lena Lake' });
      await stop(first.child);

      const second = await start(database);
      expect(second.output()).not.toContain('Set up Bridgeboard');
      const partnership = await gql(second.url, '{ partnership { name timeZone setupRequired } }');
      expect(partnership.data.partnership).toEqual({
        name: 'Lakeview Partnership',
        timeZone: 'America/Chicago',
        setupRequired: false,
      });
      const again = await gql(second.url, COMPLETE_SETUP, { code, input });
      expect(again.errors?.[0].extensions?.reason).toBe('LINK_USED');
      await stop(second.child);
    },
    TIMEOUT,
  );

  it(
    'pnpm admin create-coordinator prints a sign-in link that sets a password; setup is then closed',
    async () => {
      const database = databaseUrl();
      const args = [
        'create-coordinator',
        '--email',
        'Max@Lakeview.example',
        '--name',
        'Max Moss',
        '--organization',
        'Lakeview Police',
      ];
      const created = await admin(database, args);
      expect(created.code, created.stderr).toBe(0);
      const line = /^Sign-in link for Max Moss: (http:\/\/localhost:4000\/password\?code=[A-Za-z0-9_-]{43})$/m.exec(
        created.stdout,
      );
      expect(line, created.stdout).not.toBeNull();

      const [taken, missing] = await Promise.all([
        admin(database, args),
        admin(database, ['create-coordinator', '--email', 'x@lakeview.example']),
      ]);
      expect(taken.code).toBe(1);
      expect(taken.stderr.trim().split('\n')).toEqual([
        'admin: max@lakeview.example is already in use; run sign-in-link --email max@lakeview.example for a new link',
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/--name is required/);

      const server = await start(database);
      expect(server.output()).not.toContain('Set up Bridgeboard');
      const code = new URL(line![1]).searchParams.get('code');
      const info = await gql(server.url, '{ partnership { setupRequired } }');
      expect(info.data.partnership.setupRequired).toBe(false);
      // No password works before the link is followed.
      const before = await gql(server.url, 'mutation { login(email: "max@lakeview.example", password: "") { token } }');
      expect(before.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const reset = await gql(
        server.url,
        'mutation($code: String!) { resetPassword(code: $code, password: "max chose this passphrase") { member { name role organization { name kind } } } }',
        { code },
      );
      expect(reset.errors).toBeUndefined();
      expect(reset.data.resetPassword.member).toEqual({
        name: 'Max Moss',
        role: 'COORDINATOR',
        organization: { name: 'Lakeview Police', kind: 'AGENCY' },
      });
      const login = await gql(
        server.url,
        'mutation { login(email: "max@lakeview.example", password: "max chose this passphrase") { member { role } } }',
      );
      expect(login.data.login.member.role).toBe('COORDINATOR');

      // A fresh sign-in link for the same member, while the server runs.
      const relink = await admin(database, ['sign-in-link', '--email', 'max@lakeview.example'], {
        PUBLIC_URL: 'https://board.lakeview.example/',
      });
      expect(relink.code, relink.stderr).toBe(0);
      expect(relink.stdout).toMatch(/^Sign-in link for Max Moss: https:\/\/board\.lakeview\.example\/password\?code=/m);
      await stop(server.child);
    },
    TIMEOUT,
  );
});
