/**
 * The floor: a plain `ws` server that speaks just enough graphql-transport-ws for the bench's
 * clients (ack the init, accept the subscribe, answer pings) and, on each change, serializes one
 * `next` frame per operation and writes the same bytes to every socket subscribed with it. No
 * GraphQL, no database, no per-subscriber work beyond the write: what delivering a change costs
 * at the least. A client's `after` replays the seqs since it from the same frames.
 *
 * Env: PORT, BENCH_TEMPLATES (captured payloads), BENCH_LATEST_SEQ. POST /change {seq, version}.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameBuilder, readJson, readTemplates } from './templates.js';

const templates = readTemplates(process.env.BENCH_TEMPLATES!);
const builders = new Map(Object.entries(templates).map(([name, payload]) => [name, frameBuilder(payload)]));
const fallback = builders.values().next().value!;
const subscribers = new Map<string, Set<WebSocket>>([...builders.keys()].map((name) => [name, new Set()]));
let latest = Number(process.env.BENCH_LATEST_SEQ ?? 0);

const server = http.createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/change') {
    readJson(request).then(
      ({ seq, version }) => {
        latest = Math.max(latest, seq);
        for (const [name, sockets] of subscribers) {
          const frame = Buffer.from(builders.get(name)!(seq, version));
          for (const socket of sockets) socket.send(frame, { binary: false });
        }
        response.writeHead(204).end();
      },
      () => response.writeHead(400).end(),
    );
    return;
  }
  response.writeHead(request.url === '/healthz' ? 200 : 404).end();
});

const wss = new WebSocketServer({ server, path: '/graphql', handleProtocols: () => 'graphql-transport-ws' });
wss.on('connection', (socket) => {
  let subscribed: Set<WebSocket> | null = null;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      type: string;
      payload?: { operationName?: string; variables?: { after?: number } };
    };
    if (message.type === 'connection_init') {
      socket.send('{"type":"connection_ack"}');
    } else if (message.type === 'subscribe') {
      const name = message.payload?.operationName ?? '';
      subscribed = subscribers.get(name) ?? subscribers.values().next().value!;
      const build = builders.get(name) ?? fallback;
      const after = message.payload?.variables?.after;
      if (typeof after === 'number') for (let seq = after + 1; seq <= latest; seq++) socket.send(build(seq, seq));
      subscribed.add(socket);
    } else if (message.type === 'ping') {
      socket.send('{"type":"pong"}');
    } else if (message.type === 'complete') {
      subscribed?.delete(socket);
    }
  });
  socket.on('close', () => subscribed?.delete(socket));
  socket.on('error', () => subscribed?.delete(socket));
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
