import { isolated, Session, type ConnectSummary, type PhaseResult, type RunContext } from '../session.js';
import type { ServerKind } from '../targets.js';

export interface FanoutResult {
  server: ServerKind;
  n: number;
  connect: ConnectSummary;
  phases: PhaseResult[];
}

export interface SustainedStep {
  rate: number;
  pass: boolean;
  phase: PhaseResult;
}

export interface SustainedResult {
  server: ServerKind;
  n: number;
  /** The highest change rate (per second) at which every change reached everyone with p99 under 1 s. */
  bestRate: number;
  /** Why no step was run (the fan-out phases left a backlog the server had not delivered). */
  skipped?: string;
  steps: SustainedStep[];
}

/**
 * 1. Fan-out, and 2. the sustained rate (run in the N = sustained.n session, after its fan-out
 * phases, so 10,000 clients are connected once per server).
 */
export async function runFanout(
  ctx: RunContext,
  withFanout: boolean,
  withSustained: boolean,
): Promise<{ fanout: FanoutResult[]; sustained: SustainedResult[] }> {
  const { options } = ctx;
  const fanout: FanoutResult[] = [];
  const sustained: SustainedResult[] = [];
  const ns = withFanout ? [...options.fanout.ns] : [];
  if (withSustained && !ns.includes(options.sustained.n)) ns.push(options.sustained.n);
  for (const n of ns) {
    for (const server of options.servers) {
      const fanoutHere = withFanout && options.fanout.ns.includes(n);
      const sustainedHere = withSustained && n === options.sustained.n && options.sustained.servers.includes(server);
      if (!fanoutHere && !sustainedHere) continue;
      ctx.log(`fan-out: ${server}, ${n.toLocaleString('en')} subscribers`);
      await isolated(ctx, `fan-out ${server} N=${n}`, async () => {
        const session = await Session.open(ctx, server, n, `fanout-${server}-${n}`);
        try {
          if (fanoutHere) {
            const phases: PhaseResult[] = [];
            for (const rate of options.fanout.rates) {
              phases.push(await session.phase(rate.label, options.fanout.changes, rate.intervalMs));
            }
            fanout.push({ server, n, connect: session.connect, phases });
          }
          if (sustainedHere) sustained.push(await sustainedRate(session, server, n));
        } finally {
          await session.close();
        }
      });
    }
  }
  return { fanout, sustained };
}

/**
 * Steps the change rate up (each step a few seconds long) until a step fails: not every change
 * delivered to everyone, p99 at 1 s or more, or the driver unable to send at 90% of the rate.
 * Then one step between the last pass and the first failure.
 */
async function sustainedRate(session: Session, server: ServerKind, n: number): Promise<SustainedResult> {
  const { sustained } = session.ctx.options;
  const steps: SustainedStep[] = [];
  if (session.backlogged) {
    session.ctx.log('    sustained rate: skipped (the server is still delivering an earlier backlog)');
    return { server, n, bestRate: 0, steps, skipped: 'backlog' };
  }
  const step = async (rate: number) => {
    const count = Math.max(5, Math.round(rate * sustained.stepSeconds));
    const phase = await session.phase(`sustained ${rate}/s`, count, 1000 / rate, 5000);
    const pass =
      phase.complete &&
      phase.lost === 0 &&
      phase.failedChanges === 0 &&
      (phase.p99Ms ?? Infinity) < 1000 &&
      (phase.achievedRate ?? rate) >= 0.9 * rate;
    steps.push({ rate, pass, phase });
    return pass;
  };
  let best = 0;
  let failedAt: number | null = null;
  for (const rate of sustained.rates) {
    if (!(await step(rate))) {
      failedAt = rate;
      break;
    }
    best = rate;
  }
  if (failedAt != null && best > 0) {
    const between = Math.round(Math.sqrt(best * failedAt));
    if (between > best && between < failedAt && (await step(between))) best = between;
  }
  return { server, n, bestRate: best, steps };
}
