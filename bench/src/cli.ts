/**
 * `pnpm bench [parts…] [options]`: city-scale live delivery measured against reference servers
 * in the same run, plus the board's read and write round trips. See bench/README.md.
 */
import { parseArgs } from './options.js';
import { report } from './report.js';
import { runBench } from './run.js';

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
try {
  const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
  const results = await runBench(options, quick);
  console.log(`\n${report(results)}\n\nWritten to ${options.out}`);
  process.exit(results.errors.length ? 1 : 0);
} catch (error) {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
}
