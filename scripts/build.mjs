#!/usr/bin/env node
// `pnpm build`: compiles the server to JavaScript (server/dist, with tsconfig.build.json) and
// builds the board (web/dist), so `pnpm start` runs plain `node server/dist/index.js`.
//
// `--if-needed` (what `pnpm start`, `pnpm demo` and `pnpm admin` run first) does only what is
// stale: tsc's build mode compares the sources with its build info (about half a second when
// nothing changed) and the board is rebuilt only when its sources are newer than web/dist.
// Plain Node, no shell: works wherever `npm run demo` does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifNeeded = process.argv.includes('--if-needed');
const serverOnly = process.argv.includes('--server-only');

function run(what, args, cwd = root) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${what} failed`);
    process.exit(result.status ?? 1);
  }
}

// The server: build mode writes nothing and returns at once when server/dist is up to date.
const tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
// Say so before a first compilation (a minute on a small machine); a check that finds nothing
// to do stays quiet.
if (!ifNeeded || !fs.existsSync(path.join(root, 'server', 'dist', '.tsbuildinfo'))) {
  console.log('server: compiling server/src to server/dist…');
}
run('compiling the server', [tsc, '--build', ...(ifNeeded ? [] : ['--verbose']), 'tsconfig.build.json']);

// The board (not for `pnpm admin`): its own freshness check, or a full Vite build.
const web = path.join(root, 'web');
function viteCli() {
  const require = createRequire(path.join(web, 'package.json'));
  const pkg = require.resolve('vite/package.json');
  const bin = require(pkg).bin;
  return path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin.vite);
}
if (!serverOnly) {
  const args = ifNeeded ? [path.join(web, 'scripts', 'build-if-needed.mjs')] : [viteCli(), 'build'];
  run('building the board', args, web);
}
