/**
 * The hand-written reference for the reads (child process, one per database): plain node:http,
 * POST /graphql with the web app's request (`{ operationName, query, variables }`), answered
 * by the read of that operation name (reference-reads.ts) and JSON.stringify. The query text
 * is not parsed: the reference answers only the web app's own operations, and the bench checks
 * beforehand that each answer equals Bridgeboard's. Tokens are looked up in a table the bench
 * hands over (no signature check: what Bridgeboard's authentication costs is part of its gap).
 *
 * Env: PORT, DATABASE_URL (sqlite:<file> or postgres://…), BENCH_VIEWERS (a JSON file of
 * `{ "<token>": { role, organizationPk } }`), BENCH_POOL (pg connections, default 10).
 */
import fs from 'node:fs';
import http from 'node:http';
import { openDb } from './reference-db.js';
import { READS, type RefViewer } from './reference-reads.js';

const db = openDb(process.env.DATABASE_URL!, Number(process.env.BENCH_POOL ?? 10));
const viewers = new Map(
  Object.entries(JSON.parse(fs.readFileSync(process.env.BENCH_VIEWERS!, 'utf8')) as Record<string, RefViewer>),
);

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  // Apollo Server ends its answers with a newline: the same bytes on the wire.
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = http.createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/graphql') {
    response.writeHead(request.url === '/healthz' ? 200 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          operationName?: string;
          variables?: Record<string, unknown>;
        };
        const read = READS[body.operationName ?? ''];
        if (!read) return answer(response, 400, { errors: [{ message: `no read named ${body.operationName}` }] });
        const auth = request.headers.authorization;
        const viewer = auth ? viewers.get(auth.replace(/^Bearer /, '')) : null;
        if (viewer === undefined) return answer(response, 401, { errors: [{ message: 'unknown token' }] });
        answer(response, 200, { data: await read(db, viewer, body.variables ?? {}) });
      } catch (error) {
        answer(response, 500, { errors: [{ message: (error as Error).message }] });
      }
    })();
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void db.close().finally(() => process.exit(0));
});
