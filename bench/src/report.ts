import type { BenchResults } from './run.js';
import type { PhaseResult } from './session.js';
import type { FanoutResult } from './parts/fanout.js';
import { readsTable, readTargetRows, supportTable } from './report-reads.js';

const ms = (value: number | null | undefined): string =>
  value == null
    ? '—'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : value >= 10
        ? `${value.toFixed(0)} ms`
        : `${value.toFixed(1)} ms`;
const ratio = (value: number | null | undefined, floor: number | null | undefined): string =>
  value == null || floor == null || floor <= 0 ? '—' : `${(value / floor).toFixed(1)}×`;
const pct = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 1)}%`;
const kb = (value: number) => `${value.toFixed(1)} KB`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function connectionsTable(results: BenchResults): string {
  const floorOf = (n: number) => results.fanout.find((r) => r.server === 'floor' && r.n === n);
  return table(
    [
      'N',
      'server',
      'subscribed',
      'connect time',
      'RSS idle → N subscribed',
      'memory per connection',
      '÷ floor',
      'CPU per change, no subscriber',
    ],
    results.fanout.map((r) => [
      r.n.toLocaleString('en'),
      r.server,
      r.connect.failed ? `${r.connect.ready} (${r.connect.failed} failed)` : String(r.connect.ready),
      `${(r.connect.ms / 1000).toFixed(1)} s`,
      `${r.connect.rssBeforeMB.toFixed(0)} → ${r.connect.rssAfterMB.toFixed(0)} MB`,
      kb(r.connect.memoryPerConnectionKB),
      ratio(r.connect.memoryPerConnectionKB, floorOf(r.n)?.connect.memoryPerConnectionKB),
      ms(r.connect.cpuPerChangeAloneMs),
    ]),
  );
}

function deliveryTable(results: BenchResults): string {
  const rows: string[][] = [];
  for (const result of results.fanout) {
    const floor = results.fanout.find((r) => r.server === 'floor' && r.n === result.n);
    for (const phase of result.phases) {
      rows.push(
        deliveryRow(
          result,
          phase,
          floor?.phases.find((p) => p.label === phase.label),
        ),
      );
    }
  }
  return table(
    [
      'N',
      'changes',
      'server',
      'p50',
      'p99',
      'max',
      'delivered',
      'lost / dup',
      'CPU per change',
      'p99 ÷ floor',
      'CPU ÷ floor',
    ],
    rows,
  );
}

function deliveryRow(result: FanoutResult, phase: PhaseResult, floorPhase: PhaseResult | undefined): string[] {
  const tried = phase.changes + phase.failedChanges;
  const changes = phase.failedChanges ? `${phase.changes} of ${tried} at ${phase.label}` : `${tried} at ${phase.label}`;
  const head = [result.n.toLocaleString('en'), phase.skipped ? phase.label : changes, result.server];
  if (phase.skipped) return [...head, `skipped (${phase.skipped})`, '', '', '', '', '', '', ''];
  if (phase.changes === 0)
    return [...head, 'no change answered in time', '', '', '', '', ms(phase.cpuPerChangeMs), '', ''];
  // A phase that ended at its cap: what was lost would only have raised these.
  const atLeast = phase.complete ? '' : '≥ ';
  return [
    ...head,
    atLeast + ms(phase.p50Ms),
    atLeast + ms(phase.p99Ms),
    atLeast + ms(phase.maxMs),
    pct(phase.delivered),
    `${phase.lost} / ${phase.duplicated}`,
    atLeast + ms(phase.cpuPerChangeMs),
    atLeast + ratio(phase.p99Ms, floorPhase?.p99Ms),
    atLeast + ratio(phase.cpuPerChangeMs, floorPhase?.cpuPerChangeMs),
  ];
}

function sustainedTable(results: BenchResults): string {
  const floor = results.sustained.find((r) => r.server === 'floor');
  return table(
    ['server', 'N', 'highest rate with p99 < 1 s', '÷ floor', 'steps (rate: p99)'],
    results.sustained.map((r) => [
      r.server,
      r.n.toLocaleString('en'),
      r.skipped ? `skipped (${r.skipped})` : `${r.bestRate}/s`,
      ratio(r.bestRate, floor?.bestRate),
      r.steps.map((s) => `${s.rate}: ${ms(s.phase.p99Ms)}${s.pass ? '' : ' ✗'}`).join(', '),
    ]),
  );
}

function slowTable(results: BenchResults): string {
  const mb = (v: number) => `${v.toFixed(1)} MB`;
  return table(
    [
      'server',
      'N + slow',
      'RSS growth without / with',
      'p99 without / with',
      'p99 change',
      'slow sockets at the end',
      'kernel: unsent / unread',
    ],
    results.slow.map((r) => [
      r.server,
      `${r.n.toLocaleString('en')} + ${r.slowClients}`,
      `${mb(r.without.rssGrowthMB)} / ${mb(r.with.rssGrowthMB)}`,
      `${ms(r.without.phase.p99Ms)} / ${ms(r.with.phase.p99Ms)}`,
      r.without.phase.p99Ms && r.with.phase.p99Ms
        ? `${(((r.with.phase.p99Ms - r.without.phase.p99Ms) / r.without.phase.p99Ms) * 100).toFixed(0)}%`
        : '—',
      Object.entries(r.with.slowSockets)
        .map(([code, n]) => `${n} ${code === 'open' ? 'open' : `closed ${code}`}`)
        .join(', '),
      `${r.with.kernelServerSendKB.toFixed(0)} / ${r.with.kernelClientReceiveKB.toFixed(0)} KB`,
    ]),
  );
}

function writesTable(results: BenchResults): string {
  const w = results.writes!;
  const row = (label: string, run: typeof w.reports) => [
    label,
    `${run.perSecond.toFixed(0)}/s`,
    ms(run.latencyMs.p50),
    ms(run.latencyMs.p99),
    ms(run.delivery.afterAnswerP99Ms),
    ms(run.delivery.afterSendP99Ms),
    `${pct(run.delivery.delivered)}, ${run.delivery.lost} lost, ${run.delivery.duplicated} dup`,
  ];
  return table(
    [
      'writes (PostgreSQL)',
      `rate (${w.writers} writers)`,
      'p50',
      'p99',
      'delivery p99 after answer',
      'after send',
      'delivered',
    ],
    [row('reportIssue', w.reports), row('setIssueStatus', w.statusChanges)],
  );
}

const SOCKET_BUFFER_KB = 256; // QUERY_LIMITS socketBuffer's default: what a stalled socket may hold

/** The issue's bar for Bridgeboard, as ratios to the floor of the same run. */
function targetsTable(results: BenchResults): string | null {
  const rows: string[][] = [];
  const verdict = (pass: boolean | null) => (pass == null ? '—' : pass ? 'yes' : 'no');
  for (const bb of results.fanout.filter((r) => r.server === 'bridgeboard')) {
    const floor = results.fanout.find((r) => r.server === 'floor' && r.n === bb.n);
    const phase = bb.phases[0];
    const floorPhase = floor?.phases[0];
    const n = bb.n.toLocaleString('en');
    const sum = (f: (p: PhaseResult) => number) => bb.phases.reduce((total, p) => total + f(p), 0);
    const skipped = bb.phases.filter((p) => p.skipped).length;
    const measured =
      `${sum((p) => p.lost)} lost, ${sum((p) => p.duplicated)} dup, ${sum((p) => p.failedChanges)} changes failed` +
      (skipped ? `, ${skipped} phases skipped` : '') +
      (bb.connect.failed ? `, ${bb.connect.failed} not subscribed` : '');
    const all = !skipped && !bb.connect.failed && sum((p) => p.lost + p.duplicated + p.failedChanges) === 0;
    rows.push([`${n}: every change to every subscriber`, measured, '0 lost, 0 dup', verdict(all)]);
    if (!phase || !floorPhase) continue;
    const check = (what: string, value: number | null, base: number | null, complete: boolean) => {
      const r = value != null && base != null && base > 0 ? value / base : null;
      rows.push([
        `${n}, ${phase.label}: ${what}`,
        r == null ? '—' : `${complete ? '' : '≥ '}${r.toFixed(2)}×`,
        '≤ 1.5×',
        verdict(r == null ? null : complete && r <= 1.5),
      ]);
    };
    check('CPU per change', phase.cpuPerChangeMs, floorPhase.cpuPerChangeMs, phase.complete);
    check('p99', phase.p99Ms, floorPhase.p99Ms, phase.complete);
    const memory = bb.connect.memoryPerConnectionKB;
    check('memory per connection', memory, floor!.connect.memoryPerConnectionKB, true);
  }
  const bbRate = results.sustained.find((r) => r.server === 'bridgeboard');
  const floorRate = results.sustained.find((r) => r.server === 'floor');
  if (bbRate && floorRate && floorRate.bestRate > 0) {
    const r = bbRate.bestRate / floorRate.bestRate;
    rows.push([
      `sustained rate at ${bbRate.n.toLocaleString('en')}`,
      `${(r * 100).toFixed(0)}%`,
      '≥ 50%',
      verdict(r >= 0.5),
    ]);
  }
  const slow = results.slow.find((r) => r.server === 'bridgeboard');
  const finished = (p: PhaseResult) => p.complete && p.failedChanges === 0;
  if (slow && !(finished(slow.without.phase) && finished(slow.with.phase))) {
    rows.push(['slow consumers', 'the runs did not finish (changes unanswered or undelivered at the cap)', '', 'no']);
  } else if (slow) {
    const added = slow.with.rssGrowthMB - slow.without.rssGrowthMB;
    const bound = (slow.slowClients * SOCKET_BUFFER_KB) / 1024;
    rows.push([
      `slow consumers: memory added by ${slow.slowClients} stalled sockets`,
      `${added.toFixed(1)} MB`,
      `≤ ${bound.toFixed(0)} MB`,
      verdict(added <= bound),
    ]);
    const p99 =
      slow.without.phase.p99Ms && slow.with.phase.p99Ms ? slow.with.phase.p99Ms / slow.without.phase.p99Ms : null;
    rows.push([
      'slow consumers: p99 of everybody else',
      p99 == null ? '—' : `${((p99 - 1) * 100).toFixed(0)}%`,
      '≤ +10%',
      verdict(p99 == null ? null : p99 <= 1.1),
    ]);
  }
  rows.push(...readTargetRows(results));
  return rows.length ? table(['target (Bridgeboard)', 'measured', 'bar', 'met'], rows) : null;
}

/** The run as Markdown tables: what `pnpm bench` prints and bench/README.md keeps. */
export function report(results: BenchResults): string {
  const { meta } = results;
  const sections = [
    `Bridgeboard bench — commit ${meta.commit ?? '?'}, ${meta.db}, Node ${meta.node}, ${meta.cpus} cores, ` +
      `${meta.durationSeconds} s${meta.quick ? ' (quick)' : ''}; frames ${Object.entries(meta.frameBytes)
        .map(([op, bytes]) => `${op} ${bytes} B`)
        .join(', ')}`,
  ];
  if (results.fanout.length) {
    sections.push(`Fan-out: connections\n\n${connectionsTable(results)}`);
    sections.push(`Fan-out: delivery\n\n${deliveryTable(results)}`);
  }
  if (results.sustained.length) sections.push(`Sustained rate\n\n${sustainedTable(results)}`);
  if (results.slow.length) sections.push(`Slow consumers\n\n${slowTable(results)}`);
  if (results.writes) sections.push(`Writes\n\n${writesTable(results)}`);
  if (results.reads.length) {
    sections.push(`Reads beside the hand-written reference\n\n${readsTable(results, table)}`);
    sections.push(`supportIssue\n\n${supportTable(results, table)}`);
  }
  const targets = targetsTable(results);
  if (targets) sections.push(`Targets\n\n${targets}`);
  if (results.errors.length) sections.push(`Failed\n\n${results.errors.map((e) => `- ${e}`).join('\n')}`);
  return sections.join('\n\n');
}
