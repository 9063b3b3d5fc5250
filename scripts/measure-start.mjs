#!/usr/bin/env node
// `node scripts/measure-start.mjs [runs]`: how long the server takes from spawn to answering
// /healthz, and its resident memory once idle, run from the TypeScript sources through tsx (what
// `pnpm start` did before `pnpm build`) and compiled (`node server/dist/index.js`, today's).
// Both start, in turn, on the same already-migrated SQLite file with no Redis; the medians of
// `runs` starts each (5 by default) are printed. Build first (`pnpm build`). Linux (/proc).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const IDLE_MS = 5000;
const variants = {
  'tsx server/src/index.ts': ['--import', 'tsx', 'server/src/index.ts'],
  'node server/dist/index.js': ['server/dist/index.js'],
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-measure-'));
const database = `sqlite:${path.join(dir, 'bridgeboard.sqlite')}`;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start(args) {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: database };
  delete env.REDIS_URL;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode != null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(10);
  }
  const startupMs = performance.now() - started;
  await sleep(IDLE_MS);
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { startupMs, rssMb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  await start(variants['node server/dist/index.js']); // creates and migrates the database
  const results = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const [name, args] of Object.entries(variants)) results[name].push(await start(args));
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${runs} starts each, medians`,
  );
  console.log('| command | start-up to /healthz | RSS idle (5 s) |');
  console.log('| --- | --- | --- |');
  for (const [name, samples] of Object.entries(results)) {
    const ms = median(samples.map((s) => s.startupMs));
    const mb = median(samples.map((s) => s.rssMb));
    console.log(`| \`${name}\` | ${Math.round(ms)} ms | ${mb.toFixed(0)} MB |`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
