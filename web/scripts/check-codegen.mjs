#!/usr/bin/env node
// Fails when src/graphql/generated/ is not what GraphQL Code Generator makes from the current
// schema and operations. Leaves the committed files as they were.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(web, 'src/graphql/generated');
const read = () =>
  Object.fromEntries(
    fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]) : [],
  );

const before = read();
const cli = path.join(web, 'node_modules/@graphql-codegen/cli/cjs/bin.js');
const run = spawnSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], { cwd: web, stdio: 'inherit' });
const after = read();
const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
for (const [file, text] of Object.entries(before)) fs.writeFileSync(path.join(dir, file), text);
for (const file of Object.keys(after)) if (!(file in before)) fs.rmSync(path.join(dir, file));

if (run.status !== 0) process.exit(run.status ?? 1);
if (changed.length > 0) {
  console.error(
    `web/src/graphql/generated is out of date (${changed.join(', ')}): run \`pnpm codegen\` and commit it.`,
  );
  process.exit(1);
}
console.log('web/src/graphql/generated matches the schema and operations.');
