import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** `pnpm backup <target>` as an operator runs it, in its own process. */
function backup(target: string, databaseUrl: string) {
  return run(TSX, ['server/src/backup.ts', target], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stderr }),
  );
}

const COUNT = '{ issues(first: 1) { totalCount } }';

describe.skipIf(process.env.BB_TEST_DB === 'postgres')('pnpm backup (SQLite)', () => {
  let server: TestServer;
  let copyServer: TestServer | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-backup-'));
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await copyServer?.stop();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a consistent copy while the server keeps writing, which a server then opens with the data', async () => {
    const source = server.app.orm.config.get('dbName')!;
    const coordinator = await server.login(server.basics.emails.coordinator);
    const count = async (s: TestServer) => (await s.gql(COUNT, {}, coordinator)).data.issues.totalCount as number;
    for (let i = 0; i < 20; i++) await buildIssue(server, { title: `Before ${i}` });
    const before = await count(server);

    // Writers keep committing (four at a time) for as long as the backup runs.
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      while (writing) {
        await buildIssue(server, { title: `During ${w}.${written++}` });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const target = path.join(dir, 'nested', 'copy.sqlite');
    const result = await backup(target, `sqlite:${source}`);
    writing = false;
    await Promise.all(writers);
    const after = await count(server);

    expect(result).toMatchObject({ code: 0, output: expect.stringMatching(/passed an integrity check/) });
    expect(written).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.sqlite']); // one self-contained file

    // Restoring is starting a server on the copy: it opens, checks out, and has the data.
    copyServer = await startServer({
      db: { config: { dialect: 'sqlite', file: target }, drop: async () => {} },
      seed: false,
      announceSetup: false,
    });
    const [check] = await copyServer.app.orm.em.getConnection().execute('pragma integrity_check');
    expect(check).toEqual({ integrity_check: 'ok' });
    const copied = await count(copyServer);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    // A committed state: every issue in the copy has its activity row, and the seq has no gap.
    const [row] = await copyServer.app.orm.em
      .getConnection()
      .execute(
        "select (select count(*) from activity where kind = 'ISSUE_REPORTED') as reported, (select count(*) from community_issue) as issues, (select max(seq) from activity) as last, (select count(*) from activity) as rows",
      );
    expect(row.reported).toBe(row.issues);
    expect(row.last).toBe(row.rows);
  });

  it('refuses PostgreSQL, an in-memory database and an existing file, changing nothing', async () => {
    const source = server.app.orm.config.get('dbName')!;
    expect(await backup(path.join(dir, 'pg.sqlite'), 'postgres://postgres@127.0.0.1:5432/x')).toMatchObject({
      code: 2,
      output: expect.stringMatching(/pg_dump/),
    });
    expect(await backup(path.join(dir, 'mem.sqlite'), 'sqlite::memory:')).toMatchObject({ code: 2 });
    const existing = path.join(dir, 'existing.sqlite');
    fs.writeFileSync(existing, 'keep me');
    expect(await backup(existing, `sqlite:${source}`)).toMatchObject({
      code: 2,
      output: expect.stringMatching(/exists/),
    });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    expect(await backup('', `sqlite:${source}`)).toMatchObject({ code: 2, output: expect.stringMatching(/usage/) });
  });
});
