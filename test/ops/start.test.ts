import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, freePort, spawnTracked, stopAll, tempDir, until } from './support/processes.js';

const dirs: string[] = [];
afterAll(async () => {
  await stopAll();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The processes `pid` started and that still run (Linux: any of its threads may have spawned them). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
    .filter(Boolean)
    .map(Number);
}

describe('pnpm start', () => {
  it('runs the compiled server with plain node, loads no TypeScript tooling, and stops cleanly on a SIGTERM to pnpm', async () => {
    const dir = tempDir('bb-start-');
    dirs.push(dir);
    const modules = path.join(dir, 'modules.log');
    const port = await freePort();
    const env = { ...process.env };
    delete env.REDIS_URL;
    const pnpm = spawnTracked('pnpm', ['start'], {
      cwd: ROOT,
      env: {
        ...env,
        PORT: String(port),
        DATABASE_URL: `sqlite:${path.join(dir, 'bridgeboard.sqlite')}`,
        // Every module each process loads, recorded by pid (pnpm, the build step and the server).
        NODE_OPTIONS: `--import ${pathToFileURL(path.join(ROOT, 'test/ops/support/module-log.mjs')).href}`,
        BB_MODULE_LOG: modules,
      },
    });
    let gone = false;
    void pnpm.exited.then(() => (gone = true));
    await until(
      async () => {
        if (gone) throw new Error(`pnpm start exited before the server was ready:\n${pnpm.output()}`);
        return fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
      },
      120_000,
      `pnpm start to serve:\n${pnpm.output()}`,
    );

    // pnpm's one child is the server itself (no shell in between to swallow signals).
    const children = childrenOf(pnpm.child.pid!);
    expect(children).toHaveLength(1);
    const [server] = children;
    const argv = fs.readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(path.basename(argv[0])).toBe('node');
    expect(argv.slice(1)).toEqual(['server/dist/index.js']);

    const loaded = fs
      .readFileSync(modules, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith(`${server} `))
      .map((line) => line.slice(line.indexOf(' ') + 1));
    const dist = pathToFileURL(path.join(ROOT, 'server/dist')).href;
    expect(loaded).toContain(`${dist}/app.js`);
    expect(loaded.some((url) => /\/db\/migrations\/sqlite\/Migration\d+\.js$/.test(url) && url.startsWith(dist))).toBe(
      true,
    );
    const typescript = loaded.filter(
      (url) => /\.[cm]?tsx?$/.test(url) || /\/node_modules\/(tsx|typescript|esbuild|@esbuild|get-tsconfig)\//.test(url),
    );
    expect(typescript).toEqual([]);
    expect(loaded.length).toBeGreaterThan(100); // the log did record the server's modules

    pnpm.child.kill('SIGTERM');
    expect(await pnpm.exited).toEqual({ code: 0, signal: null });
    expect(pnpm.output()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down/);
    expect(() => process.kill(server, 0)).toThrow(/ESRCH/);
  });
});
