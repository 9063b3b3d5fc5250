/**
 * `emit`: writes schema/schema.graphql from the code. `check`: fails when the committed file
 * differs from what the code builds (run by `pnpm check`), so the contract never drifts silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from '../src/schema.js';

const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../schema/schema.graphql');
const header = '# Generated from server/src by `pnpm schema`. Do not edit; CI fails on drift.\n\n';
const printed = header + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';

if (process.argv[2] === 'check') {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== printed) {
    console.error('schema/schema.graphql is out of date with the code: run `pnpm schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code.');
} else {
  fs.writeFileSync(file, printed);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
