import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tryConnect } from './http.js';
import { freePort } from '../../support/ports.js';

/**
 * Real processes for the operations tests: the compiled server as `pnpm start` runs it
 * (`node server/dist/index.js`, built by global-setup.ts) and nginx. Every
 * process started here is remembered and `stopAll()` ends whatever a failed test left running.
 */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

const running = new Set<ChildProcess>();

export { freePort };

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function track(child: ChildProcess): { exited: Promise<Exit>; output: () => string } {
  running.add(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { exited, output: () => out };
}

/** Polls `check` every 50 ms until it returns true; throws `what` after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  output(): string;
  exited: Promise<Exit>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit (SIGKILL after `ms`). */
  stop(signal?: NodeJS.Signals, ms?: number): Promise<Exit>;
}

/**
 * `node server/dist/index.js` with `env` on top of the test's environment (no REDIS_URL unless
 * given, rate limits off), resolved once `/readyz` answers 200.
 */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listen = port ?? (await freePort());
  const base = { ...process.env };
  delete base.REDIS_URL;
  delete base.NODE_OPTIONS; // vitest's own loaders must not reach the server
  const child = spawn(process.execPath, ['server/dist/index.js'], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'production', RATE_LIMITS: 'off', PORT: String(listen), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { exited, output } = track(child);
  const url = `http://127.0.0.1:${listen}`;
  let gone: Exit | null = null;
  void exited.then((exit) => (gone = exit));
  await until(
    async () => {
      if (gone) throw new Error(`the server exited (${JSON.stringify(gone)}) before it was ready:\n${output()}`);
      return fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
    },
    90_000,
    `the server on port ${listen} to be ready:\n${output()}`,
  );
  return {
    child,
    port: listen,
    url,
    wsUrl: `ws://127.0.0.1:${listen}/graphql`,
    output,
    exited,
    stop: (signal = 'SIGTERM', ms = 30_000) => stopChild(child, exited, signal, ms),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<Exit>, signal: NodeJS.Signals, ms: number) {
  if (child.exitCode == null && child.signalCode == null) child.kill(signal);
  const force = setTimeout(() => child.kill('SIGKILL'), ms);
  const exit = await exited;
  clearTimeout(force);
  return exit;
}

/** Ends every process these helpers started and that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Spawns a process that `stopAll()` will end, with its output captured. */
export function spawnTracked(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; exited: Promise<Exit>; output: () => string } {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...track(child) };
}

export interface NginxProcess {
  url: string;
  wsUrl: string;
  port: number;
  /** The site configuration it runs: deploy/nginx.conf with the test's ports. */
  site: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in front of `upstreams`, running deploy/nginx.conf (the file the README shows)
 * with its `listen` and `server` ports replaced, inside a main configuration of the test's own:
 * foreground, pid, logs and temporary files in a temporary directory, any user.
 */
export async function startNginx(upstreams: [number, number]): Promise<NginxProcess> {
  const port = await freePort();
  const dir = tempDir('bb-nginx-');
  fs.chmodSync(dir, 0o755); // run as root, nginx's workers are `nobody`: they need to reach it
  const replace = (text: string, from: string, to: string) => {
    const parts = text.split(from);
    if (parts.length !== 2) throw new Error(`deploy/nginx.conf should say "${from}" exactly once`);
    return parts.join(to);
  };
  let site = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
  site = replace(site, 'listen 80;', `listen 127.0.0.1:${port};`);
  site = replace(site, 'server 127.0.0.1:4000 ', `server 127.0.0.1:${upstreams[0]} `);
  site = replace(site, 'server 127.0.0.1:4001 ', `server 127.0.0.1:${upstreams[1]} `);
  fs.writeFileSync(path.join(dir, 'bridgeboard.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join('\n');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} notice;
events { worker_connections 1024; }
http {
  access_log ${path.join(dir, 'access.log')};
${temp}
  include ${path.join(dir, 'bridgeboard.conf')};
}
`,
  );
  const nginx = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const { child, exited, output } = spawnTracked(nginx, [
    '-p',
    dir,
    '-c',
    path.join(dir, 'nginx.conf'),
    '-e',
    path.join(dir, 'error.log'),
  ]);
  let gone = false;
  void exited.then(() => (gone = true));
  await until(
    async () => {
      if (gone) throw new Error(`nginx exited: ${output()}${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
      return (await tryConnect(port)) === 'connected';
    },
    10_000,
    'nginx to listen',
  );
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    port,
    site,
    output: () => output() + fs.readFileSync(path.join(dir, 'error.log'), 'utf8'),
    stop: async () => {
      await stopChild(child, exited, 'SIGQUIT', 5000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
