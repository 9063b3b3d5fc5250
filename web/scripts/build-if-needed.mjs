#!/usr/bin/env node
// Builds the board (web/dist) only when it is missing or older than its sources, so
// `pnpm start` and `pnpm demo` do not pay for a build on every run. Plain Node, no dependencies.
//
// Sources: web/src (recursively), web/index.html and graphiql.html, both Vite configs, and web/package.json
// (a dependency bump changes the bundle too). Vite empties dist/ before it writes, so a build
// that failed half-way leaves no index.html behind and the next run builds again.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(webDir, 'dist', 'index.html');
const builtGraphiql = path.join(webDir, 'dist', 'graphiql', 'graphiql.html');
const sources = ['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'vite.graphiql.config.ts', 'package.json'].map(
  (p) => path.join(webDir, p),
);

/** The newest modification time under `target` (a file or a directory), and which file has it. */
function newest(target) {
  if (!existsSync(target)) return { mtimeMs: 0, file: null };
  const stat = statSync(target);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, file: target };
  let best = { mtimeMs: 0, file: null };
  for (const entry of readdirSync(target)) {
    const candidate = newest(path.join(target, entry));
    if (candidate.mtimeMs > best.mtimeMs) best = candidate;
  }
  return best;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'web/dist/index.html is missing';
  if (!existsSync(builtGraphiql)) return 'web/dist/graphiql/graphiql.html is missing';
  const builtAt = Math.min(statSync(builtIndex).mtimeMs, statSync(builtGraphiql).mtimeMs);
  for (const source of sources) {
    const { mtimeMs, file } = newest(source);
    if (mtimeMs > builtAt) return `${path.relative(path.dirname(webDir), file)} changed since the last build`;
  }
  return null;
}

/** Vite's own CLI entry, run with this Node: no shell, no dependency on pnpm being on PATH. */
function viteCli() {
  const require = createRequire(path.join(webDir, 'package.json'));
  const pkgPath = require.resolve('vite/package.json');
  const bin = require(pkgPath).bin;
  return path.join(path.dirname(pkgPath), typeof bin === 'string' ? bin : bin.vite);
}

const reason = reasonToBuild();
if (!reason) {
  console.log('web: dist is up to date with its sources; skipped the build.');
  process.exit(0);
}

let cli;
try {
  cli = viteCli();
} catch {
  console.error(`web: ${reason}, but vite is not installed; run \`pnpm install\` at the repository root.`);
  process.exit(1);
}

console.log(`web: building the board because ${reason}.`);
// The board first (it empties dist/), then GraphiQL into dist/graphiql.
build(['build'], () => build(['build', '--config', 'vite.graphiql.config.ts'], () => process.exit(0)));

function build(args, next) {
  const child = spawn(process.execPath, [cli, ...args], { cwd: webDir, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(`web: could not start vite: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    if (code !== 0) process.exit(code ?? 1);
    next();
  });
}
