import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The end-to-end tests drive the built board the server serves: build it if it is stale. */
export default function setup(): void {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const build = spawnSync(process.execPath, ['web/scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the board failed');
}
