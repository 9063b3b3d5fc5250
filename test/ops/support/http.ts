import http from 'node:http';
import net from 'node:net';

/** Whether a new TCP connection to `port` is accepted (`'connected'`) or how it fails. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

export interface SlowRequest {
  /** Resolves once the headers and the first half of the body are on the wire. */
  sent: Promise<void>;
  /** Sends the rest of the body and resolves with the answer. */
  finish(): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>;
  /** Resolves with the error (or `'answered'`) once the request is over, without finishing it. */
  outcome: Promise<string>;
}

/** A POST /graphql still sending its body: the first half now, the rest on `finish()`. */
export function slowPost(port: number, payload: unknown): SlowRequest {
  const body = Buffer.from(JSON.stringify(payload));
  const half = Math.floor(body.length / 2);
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/graphql',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': body.length },
  });
  const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  const outcome = answer.then(
    () => 'answered',
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  );
  const sent = new Promise<void>((resolve) => req.write(body.subarray(0, half), () => resolve()));
  return {
    sent,
    outcome,
    finish: () => {
      req.end(body.subarray(half));
      return answer;
    },
  };
}

export interface PartialProbe {
  /** Resolves once the request line and headers, but their final blank line, are on the wire. */
  sent: Promise<void>;
  /** Ends the headers and resolves with the answer. */
  finish(): Promise<{ status: number; headers: string; body: any }>;
}

/**
 * A `GET path` whose headers are not finished yet: a load balancer's probe under way at the
 * moment the signal arrives. Raw TCP, since no HTTP client sends half a header block.
 */
export function partialGet(port: number, path: string): PartialProbe {
  const socket = net.connect(port, '127.0.0.1');
  let raw = '';
  socket.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  const closed = new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
  const sent = new Promise<void>((resolve) =>
    socket.once('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, () => resolve())),
  );
  return {
    sent,
    finish: async () => {
      socket.write('\r\n');
      await closed;
      const [head, ...rest] = raw.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), headers: head, body: JSON.parse(rest.join('\r\n\r\n')) };
    },
  };
}
