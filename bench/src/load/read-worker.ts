/**
 * A child process of HTTP readers (the bench's load generator for the reads, apart from every
 * server): `concurrency` loops on keep-alive connections, each POSTing its next request as soon
 * as the previous answer has fully arrived, for `seconds`. Runs one job (argv[2], JSON),
 * answers over IPC with what it measured, and exits. Answers are not parsed: the bench checked
 * beforehand that they are right; here a non-200 status, or a body that starts with
 * `{"errors"`, counts as an error.
 */
import http from 'node:http';
import { nowUs } from '../procs.js';
import { summarize } from '../stats.js';
import { requestFor, type ReadJob, type ReadRunResult } from './read-job.js';

const job = JSON.parse(process.argv[2]) as ReadJob;
const target = new URL(`${job.url}/graphql`);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

function send(n: number): Promise<{ ok: boolean; bytes: number; error?: string }> {
  const { authorization, body } = requestFor(job.spec, job.offset + n);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(authorization ? { authorization } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks);
          const failed = response.statusCode !== 200 || text.subarray(0, 10).toString() === '{"errors"';
          resolve({
            ok: !failed,
            bytes: text.length,
            error: failed ? `${response.statusCode}: ${text.subarray(0, 200).toString()}` : undefined,
          });
        });
      },
    );
    request.on('error', (error) => resolve({ ok: false, bytes: 0, error: error.message }));
    request.end(body);
  });
}

const latencies: number[] = [];
const errors: Record<string, number> = {};
let sent = 0;
let bytes = 0;
const begin = Date.now();
const until = begin + job.seconds * 1000;
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (Date.now() < until) {
      const sentAt = nowUs();
      const answer = await send(sent++);
      if (answer.ok) {
        latencies.push((nowUs() - sentAt) / 1000);
        bytes += answer.bytes;
      } else {
        const key = answer.error ?? 'error';
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  }),
);
const seconds = (Date.now() - begin) / 1000;
const result: ReadRunResult = {
  count: latencies.length,
  sent,
  seconds,
  perSecond: latencies.length / seconds,
  latencyMs: summarize(latencies),
  meanBytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
  errors,
};
agent.destroy();
process.send!(result, undefined, {}, () => process.exit(0));
