import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '../config.js';

/**
 * The address a request comes from, for rate limits: the socket's peer, or with TRUST_PROXY the
 * nearest X-Forwarded-For entry not added by a trusted proxy. Works for HTTP requests and for
 * WebSocket upgrade requests alike. Without TRUST_PROXY the header is ignored (anyone can send it).
 */
export function clientAddressOf(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusted =
    trust === false
      ? () => false
      : typeof trust === 'number'
        ? (_address: string, hop: number) => hop < trust
        : proxyAddr.compile(trust);
  return (req) => {
    try {
      return proxyAddr(req, trusted);
    } catch {
      return req.socket.remoteAddress ?? 'unknown';
    }
  };
}
