import type { BenchResults } from './run.js';
import type { ReadMeasure } from './parts/reads.js';

type Table = (head: string[], rows: string[][]) => string;

const ms = (value: number | null | undefined): string =>
  value == null ? '—' : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
const rate = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 0 });
const share = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The issue's bars: without a cache every read ≥ 35% of its reference; the board's one-class page ≥ 80% with it. */
export const READ_TARGETS = { withoutCache: 0.35, withCache: 0.8 };

/** One row per database and read: requests/s of Bridgeboard and the reference at each c, p99, share, statements, bytes. */
export function readsTable(results: BenchResults, table: Table): string {
  const levels = [...new Set(results.reads.flatMap((r) => r.reads.flatMap((m) => m.levels.map((l) => l.concurrency))))];
  const rows: string[][] = [];
  for (const db of results.reads) {
    for (const read of db.reads) {
      const at = (c: number) => read.levels.find((l) => l.concurrency === c);
      rows.push([
        db.db,
        `${read.label} (${read.viewer})`,
        `${read.statements ?? '—'} / ${read.referenceStatements}`,
        // The varied page's answers differ in size: their mean, as the reference sent them.
        read.name === 'board-varied' && read.levels.length
          ? `${read.levels.at(-1)!.reference.meanBytes.toLocaleString('en')} B mean`
          : `${read.bytes.toLocaleString('en')} B`,
        ...levels.map((c) => {
          const level = at(c);
          return level ? `${rate(level.bridgeboard.perSecond)} / ${rate(level.reference.perSecond)}` : '—';
        }),
        ...levels.map((c) => {
          const level = at(c);
          return level ? `${ms(level.bridgeboard.latencyMs.p99)} / ${ms(level.reference.latencyMs.p99)}` : '—';
        }),
        levels.map((c) => (at(c) ? share(at(c)!.share) : '—')).join(' / '),
      ]);
    }
  }
  return table(
    [
      'db',
      'read (viewer)',
      'SQL statements (Bridgeboard / reference)',
      'answer',
      ...levels.map((c) => `c=${c} req/s (Bridgeboard / reference)`),
      ...levels.map((c) => `c=${c} p99`),
      `share of the reference at c=${levels.join(' / ')}`,
    ],
    rows,
  );
}

/** supportIssue round trips, per database. */
export function supportTable(results: BenchResults, table: Table): string {
  return table(
    ['db', 'issues', 'supportIssue (4 clients)', 'p50 / p99'],
    results.reads.map((r) => [
      r.db,
      r.issues.toLocaleString('en'),
      `${r.support.perSecond.toFixed(0)} req/s`,
      `${ms(r.support.latencyMs.p50)} / ${ms(r.support.latencyMs.p99)}`,
    ]),
  );
}

/** Rows for the targets table: each read at each c on each database, and the board's statements. */
export function readTargetRows(results: BenchResults): string[][] {
  const rows: string[][] = [];
  const verdict = (pass: boolean) => (pass ? 'yes' : 'no');
  for (const db of results.reads) {
    for (const read of db.reads) {
      const bar = read.name === 'board' ? READ_TARGETS.withCache : READ_TARGETS.withoutCache;
      const what =
        read.name === 'board'
          ? 'board page, one class (with the cache)'
          : read.name === 'board-varied'
            ? 'board page, every request different (without the cache)'
            : read.label;
      const shares = read.levels.map((l) => l.share);
      rows.push([
        `${db.db}: ${what}, share of its reference at c = ${read.levels.map((l) => l.concurrency).join(', ')}`,
        shares.map(share).join(' / '),
        `≥ ${bar * 100}% each`,
        verdict(shares.length > 0 && shares.every((s) => s >= bar)),
      ]);
    }
    const board = db.reads.find((r) => r.name === 'board');
    const sizes = db.statementsByPageSize;
    if (board && sizes && Object.keys(sizes).length) {
      const values = Object.values(sizes);
      rows.push([
        `${db.db}: board page statements at first = ${Object.keys(sizes).join(', ')}`,
        values.join(' / '),
        'the same at every size',
        verdict(values.every((v) => v === values[0])),
      ]);
    }
  }
  return rows;
}

export type { ReadMeasure };
