import WebSocket from 'ws';

/** A graphql-transport-ws connection spoken by hand, to behave as no well-mannered client would. */
export interface RawSocket {
  socket: WebSocket;
  /** Resolves with the close code and reason the server sent (or 1006 for a dropped connection). */
  closed: Promise<{ code: number; reason: string }>;
  /** Messages received so far, parsed. */
  messages: { type: string; id?: string; payload?: unknown }[];
  send(message: Record<string, unknown>): void;
}

/**
 * Opens a WebSocket to `url` with the graphql-transport-ws subprotocol and `headers` on the
 * upgrade. Resolves once open, or rejects with the HTTP status of a refused upgrade
 * (`error.status`, `error.body`, `error.headers`).
 */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
    const messages: RawSocket['messages'] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`upgrade refused: ${res.statusCode}`), {
            status: res.statusCode,
            body,
            headers: res.headers,
          }),
        ),
      );
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({ socket, closed, messages, send: (message) => socket.send(JSON.stringify(message)) }),
    );
  });
}

/** Sends `connection_init` and waits for the ack or the close; true when acknowledged. */
export async function init(raw: RawSocket, authorization?: string): Promise<boolean> {
  raw.send({ type: 'connection_init', payload: authorization ? { authorization: `Bearer ${authorization}` } : {} });
  const acked = new Promise<boolean>((resolve) => {
    const check = () => {
      if (raw.messages.some((m) => m.type === 'connection_ack')) {
        raw.socket.off('message', check);
        resolve(true);
      }
    };
    raw.socket.on('message', check);
    check();
  });
  return Promise.race([acked, raw.closed.then(() => false)]);
}
