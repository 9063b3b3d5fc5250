import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The operations tests run the server as production does, compiled (`node server/dist/index.js`),
 * and the load balancer test fetches the board: build both if they are stale (`pnpm build`'s
 * script; about a second when nothing changed).
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server and the board failed');
}
