/**
 * A client worker: a child process holding many subscribers, each a lean graphql-transport-ws
 * client spoken by hand over `ws` (connection_init, ack, subscribe id "1", parse every `next`),
 * so that what a client costs is the same whatever server it talks to. The orchestrator drives
 * it over IPC (protocol.ts).
 */
import type net from 'node:net';
import WebSocket from 'ws';
import { emptyHistogram, record } from '../stats.js';
import { nowUs } from '../procs.js';
import type {
  ConnectParams,
  ConnectResult,
  PauseResult,
  PhaseStats,
  Profile,
  SentChange,
  WorkerRequest,
  WorkerResponse,
} from './protocol.js';

type State = 'connecting' | 'acked' | 'ready' | 'closed';

interface Client {
  socket: WebSocket;
  state: State;
  /** Seqs of frames newer than the baseline, since the mark, and when each arrived. */
  seqs: number[];
  times: number[];
  closeCode: number | null;
  error: string | null;
  closedInPhase: boolean;
}

const clients: Client[] = [];
let baselineSeq = Number.MAX_SAFE_INTEGER;
let readySeq = 0;
let frames = 0;

interface IssueChange {
  seq: number;
  issue?: { id: string };
}

/** A server message: `next` carries an execution result, `error` a list of GraphQL errors. */
interface Message {
  type: string;
  payload?: { data?: { issueChanged?: IssueChange }; errors?: { message: string }[] } & { message?: string }[];
}

function open(url: string, profile: Profile, after: number): Promise<Client> {
  const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  const client: Client = {
    socket,
    state: 'connecting',
    seqs: [],
    times: [],
    closeCode: null,
    error: null,
    closedInPhase: false,
  };
  clients.push(client);
  return new Promise((resolve) => {
    const settle = () => resolve(client);
    socket.on('open', () => {
      const payload = profile.authorization ? { authorization: profile.authorization } : {};
      socket.send(JSON.stringify({ type: 'connection_init', payload }));
    });
    socket.on('message', (data) => {
      const at = nowUs();
      const message = JSON.parse(String(data)) as Message;
      if (message.type === 'next') {
        const change = message.payload?.data?.issueChanged;
        if (!change || !change.issue) {
          client.error = message.payload?.errors?.[0]?.message ?? 'next without issueChanged';
          return;
        }
        if (change.seq > baselineSeq) {
          frames += 1;
          client.seqs.push(change.seq);
          client.times.push(at);
        }
        if (client.state === 'acked' && change.seq >= readySeq) {
          client.state = 'ready';
          settle();
        }
      } else if (message.type === 'connection_ack') {
        client.state = 'acked';
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: {
              query: profile.query,
              operationName: profile.operationName,
              variables: { ...profile.variables, after },
            },
          }),
        );
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error') {
        client.error = message.payload?.[0]?.message ?? 'error';
        socket.close(1000);
      }
    });
    socket.on('error', (error) => {
      client.error ??= error.message;
    });
    socket.on('close', (code) => {
      client.state = 'closed';
      client.closeCode = code;
      client.closedInPhase = true;
      settle();
    });
  });
}

async function connect(params: ConnectParams): Promise<ConnectResult> {
  const started = Date.now();
  readySeq = params.readySeq;
  const queue = [...params.clients];
  const opened: Client[] = [];
  const deadline = started + params.timeoutMs;
  const lane = async () => {
    while (queue.length > 0 && Date.now() < deadline) {
      const [profile, after] = queue.shift()!;
      const pending = open(params.url, params.profiles[profile], after);
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()).unref());
      const client = await Promise.race([pending, timeout]);
      if (client) opened.push(client);
    }
  };
  await Promise.all(Array.from({ length: params.concurrency }, lane));
  const failures: Record<string, number> = {};
  let ready = 0;
  for (const client of clients) {
    if (client.state === 'ready') {
      ready += 1;
      continue;
    }
    const reason = client.error ? `error:${client.error.slice(0, 80)}` : `close:${client.closeCode ?? 'timeout'}`;
    failures[reason] = (failures[reason] ?? 0) + 1;
  }
  const failed = params.clients.length - ready;
  if (queue.length > 0) failures['not started (timeout)'] = queue.length;
  return { ready, failed, failures, ms: Date.now() - started };
}

function mark(seq: number): void {
  baselineSeq = seq;
  frames = 0;
  for (const client of clients) {
    client.seqs = [];
    client.times = [];
    client.closedInPhase = false;
  }
}

function collect(changes: SentChange[]): PhaseStats {
  const sentAt = new Map(changes.map((change) => [change.seq, change.sentAt]));
  const stats: PhaseStats = {
    clients: 0,
    expected: 0,
    delivered: 0,
    lost: 0,
    duplicated: 0,
    unexpected: 0,
    closed: {},
    histogram: emptyHistogram(),
  };
  const live = clients.filter((c) => c.state === 'ready' || c.closedInPhase);
  for (const client of live) {
    stats.clients += 1;
    stats.expected += changes.length;
    const seen = new Set<number>();
    for (let i = 0; i < client.seqs.length; i++) {
      const seq = client.seqs[i];
      const sent = sentAt.get(seq);
      if (sent === undefined) {
        stats.unexpected += 1;
      } else if (seen.has(seq)) {
        stats.duplicated += 1;
      } else {
        seen.add(seq);
        stats.delivered += 1;
        record(stats.histogram, client.times[i] - sent);
      }
    }
    stats.lost += changes.length - seen.size;
    if (client.closedInPhase) {
      const code = String(client.closeCode);
      stats.closed[code] = (stats.closed[code] ?? 0) + 1;
    }
  }
  return stats;
}

function pause(): PauseResult {
  const localPorts: number[] = [];
  let paused = 0;
  for (const client of clients) {
    if (client.state !== 'ready') continue;
    client.socket.pause();
    paused += 1;
    const raw = (client.socket as unknown as { _socket?: net.Socket })._socket;
    if (raw?.localPort) localPorts.push(raw.localPort);
  }
  return { paused, localPorts };
}

function closedCodes(): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const client of clients) {
    const key = client.state === 'closed' ? String(client.closeCode) : 'open';
    codes[key] = (codes[key] ?? 0) + 1;
  }
  return codes;
}

function shutdown(): void {
  for (const client of clients) client.socket.terminate();
  setTimeout(() => process.exit(0), 50);
}

process.on('message', (request: WorkerRequest) => {
  const reply = (response: WorkerResponse) => process.send?.(response);
  const run = async (): Promise<unknown> => {
    switch (request.method) {
      case 'connect':
        return connect(request.params);
      case 'mark':
        return mark(request.params.baselineSeq);
      case 'progress':
        return frames;
      case 'collect':
        return collect(request.params.changes);
      case 'pause':
        return pause();
      case 'closed':
        return closedCodes();
      case 'shutdown':
        return shutdown();
    }
  };
  run().then(
    (result) => reply({ id: request.id, result }),
    (error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The orchestrator went away: nothing left to measure for.
process.on('disconnect', () => process.exit(0));
