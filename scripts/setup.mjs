#!/usr/bin/env node
// Installs what the workspace needs, on a machine that has only Node and npm: the pinned pnpm,
// then the workspace's packages. Fast (under a second) when everything is already there, so
// `pnpm start`, `pnpm demo` and `pnpm test` run it first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PNPM = '12.4.2';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Bridgeboard needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
const version = (cmd) => {
  const out = spawnSync(cmd, ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return out.status === 0 ? out.stdout.trim() : null;
};

if (version('pnpm') !== PNPM) {
  console.log(`Installing pnpm ${PNPM} with npm…`);
  if (run('npm', ['install', '--global', `pnpm@${PNPM}`]).status !== 0) {
    console.error(`Could not install pnpm ${PNPM}; install it with: npm install --global pnpm@${PNPM}`);
    process.exit(1);
  }
}

// better-sqlite3 is compiled here (no prebuilt binary can be downloaded on closed networks);
// pnpm does not pass npm's nodedir to node-gyp, so point it at this Node's own headers.
const env = { ...process.env };
const prefix = path.dirname(path.dirname(process.execPath));
if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
  env.npm_config_nodedir = prefix;
}
const install = run('pnpm', ['install', '--frozen-lockfile', '--reporter=silent'], env);
if (install.status !== 0) process.exit(install.status ?? 1);
