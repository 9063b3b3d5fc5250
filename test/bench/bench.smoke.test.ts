import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaults, type BenchOptions } from '../../bench/src/options.js';
import { runBench, type BenchResults } from '../../bench/src/run.js';

// `pnpm bench` with tiny numbers, so the harness cannot rot: all three servers, real processes,
// real clients. Speed is not checked here (that is the bench's job), only that every client
// receives every change exactly once, that the reads' hand-written reference answers exactly as
// Bridgeboard does (the run fails otherwise), and that results.json keeps its shape.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-smoke-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tiny(): BenchOptions {
  const base = defaults();
  return {
    ...base,
    parts: ['fanout', 'reads'],
    fanout: { ns: [20], changes: 3, rates: [{ label: '5/s', intervalMs: 200 }] },
    seed: { issues: 0, pool: 4, members: { coordinators: 1, officers: 1, partners: 2 } },
    reads: { dbs: ['sqlite'], seconds: 0.3, runs: 1, concurrency: [2], supportSeconds: 0.3 },
    workers: 2,
    capMs: 15_000,
    connectTimeoutMs: 30_000,
    settleMs: 200,
    totalTimeoutMs: 170_000,
    // What `pnpm start` ends with, without its install and board build steps.
    serverCommand: 'direct',
    out: path.join(dir, 'results.json'),
    quiet: true,
  };
}

describe('pnpm bench', () => {
  it('delivers every change to every client once, on every server, measures the reads beside their reference, and writes results.json', async () => {
    const options = tiny();
    const results = await runBench(options);
    expect(results.errors).toEqual([]);

    expect(results.fanout.map((r) => r.server)).toEqual(['floor', 'graphql-ws', 'bridgeboard']);
    for (const result of results.fanout) {
      expect(result.connect, result.server).toMatchObject({ n: 20, ready: 20, failed: 0 });
      expect(result.phases).toHaveLength(1);
      const [phase] = result.phases;
      expect(phase, result.server).toMatchObject({
        changes: 3,
        failedChanges: 0,
        clients: 20,
        delivered: 1,
        lost: 0,
        duplicated: 0,
        unexpected: 0,
        complete: true,
      });
      expect(phase.p99Ms).toBeGreaterThan(0);
      expect(phase.maxMs!).toBeGreaterThanOrEqual(phase.p99Ms!);
    }

    const written = JSON.parse(fs.readFileSync(options.out, 'utf8')) as BenchResults;
    expect(Object.keys(written).sort()).toEqual(['errors', 'fanout', 'meta', 'reads', 'slow', 'sustained', 'writes']);
    expect(Object.keys(written.meta.frameBytes).sort()).toEqual([
      'BoardIssueChanged',
      'PublicIssueChanged',
      'ToolIssueChanged',
    ]);
    expect(written.fanout).toHaveLength(3);
    expect(written.fanout[2].connect.mix).toHaveProperty('public');

    // The reads: every one measured on both servers, its answers checked equal beforehand.
    expect(written.reads.map((r) => r.db)).toEqual(['sqlite']);
    const [reads] = written.reads;
    expect(reads.reads.map((r) => r.name)).toEqual(['board', 'board-varied', 'public', 'drawer', 'events', 'activity']);
    for (const read of reads.reads) {
      expect(read.statements, read.name).toBeGreaterThan(0);
      expect(read.bytes, read.name).toBeGreaterThan(100);
      expect(read.levels.map((l) => l.concurrency)).toEqual([2]);
      for (const level of read.levels) {
        for (const run of [level.bridgeboard, level.reference]) {
          expect(run.errors, read.name).toEqual({});
          expect(run.count, read.name).toBeGreaterThan(0);
        }
        expect(level.share).toBeCloseTo(level.bridgeboard.perSecond / level.reference.perSecond);
      }
    }
    expect(Object.keys(reads.statementsByPageSize)).toEqual(['10', '50', '100']);
    expect(reads.support.count).toBeGreaterThan(0);
  }, 180_000);
});
