import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One copy of graphql for the server and the test clients ("another module or realm").
const graphql = createRequire(new URL('./server/package.json', import.meta.url)).resolve('graphql');
const alias = [{ find: /^graphql$/, replacement: graphql }];

// The API suite runs once per database; BB_TEST_DATABASES=sqlite skips PostgreSQL locally.
const databases = (process.env.BB_TEST_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, resolve: { alias }, test: { name: 'unit', include: ['server/src/**/*.test.ts'] } },
      // The board's components, rendered with Testing Library in jsdom.
      {
        extends: true,
        resolve: { alias },
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      // The board in real headless Chromium, against a real server (SQLite), one file at a time.
      {
        extends: true as const,
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          env: { BB_TEST_DB: 'sqlite' },
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      // `pnpm bench` with tiny numbers (the harness spawns its own servers and clients).
      {
        extends: true as const,
        resolve: { alias },
        test: { name: 'bench', include: ['test/bench/**/*.test.ts'], testTimeout: 120_000 },
      },
      // Operations (build, health, graceful restarts, nginx in front): the compiled server in its
      // own processes on PostgreSQL and Redis, as deployed; one file at a time (they start several).
      ...(databases.includes('postgres')
        ? [
            {
              extends: true as const,
              resolve: { alias },
              test: {
                name: 'ops',
                include: ['test/ops/**/*.test.ts'],
                globalSetup: ['test/ops/global-setup.ts'],
                fileParallelism: false,
                testTimeout: 120_000,
              },
            },
          ]
        : []),
      ...databases.map((db) => ({
        extends: true as const,
        resolve: { alias },
        test: {
          name: db,
          // Scaling out (several instances, one stream through Redis) is a PostgreSQL deployment.
          include: db === 'postgres' ? ['test/api/**/*.test.ts', 'test/scale/**/*.test.ts'] : ['test/api/**/*.test.ts'],
          env: { BB_TEST_DB: db },
        },
      })),
    ],
  },
});
