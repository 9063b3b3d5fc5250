import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { log, setRequestId, withLogScope } from './log.js';
import type { Metrics } from './metrics.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
// An id from a proxy or a client is kept when it is a plain token (a UUID, a trace id); anything
// else is replaced, so log lines never carry what a client chose to write into them.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** What the GraphQL hooks tell the access log about the request they served. */
export interface RequestRecord {
  id: string;
  operation?: string | null;
  type?: string;
  outcome?: string;
}

const records = new WeakMap<IncomingMessage, RequestRecord>();

/** The record of a request seen by `observeRequests` (undefined for any other). */
export function requestRecord(req: IncomingMessage): RequestRecord | undefined {
  return records.get(req);
}

/**
 * First on the chain: gives each HTTP request an id (the caller's `X-Request-Id` if sane, else a
 * new UUID), echoes it in the response, runs the rest of the request in a log scope carrying it,
 * and when the response ends writes one access line (method, route, status, duration, and the
 * GraphQL operation and outcome when there was one) and the request's metrics. Lines carry no
 * client address, query string or body.
 */
export function observeRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const offered = req.get(REQUEST_ID_HEADER);
    const record: RequestRecord = { id: offered && SANE_REQUEST_ID.test(offered) ? offered : randomUUID() };
    records.set(req, record);
    res.setHeader(REQUEST_ID_HEADER, record.id);
    const started = process.hrtime.bigint();
    // Now, before routers rewrite `req.url` to their own mount point.
    const route = routeOf(req.path);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequest({ route: route.label, method: req.method, status: res.statusCode }, seconds);
      const line = {
        reqId: record.id,
        method: req.method,
        path: route.path,
        status: res.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
        ...(record.type ? { operation: record.operation ?? null, type: record.type, outcome: record.outcome } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) log.error(line, 'request');
      else if (
        route.label === 'assets' ||
        route.label === 'healthz' ||
        route.label === 'readyz' ||
        route.label === 'metrics'
      ) {
        log.debug(line, 'request'); // probes and static files would drown the rest
      } else log.info(line, 'request');
    });
    withLogScope(() => {
      setRequestId(record.id);
      next();
    });
  };
}

/**
 * A request's path for logs and its route label for metrics: secrets in paths (a resident's
 * tracking code, a private calendar's address) are masked, and labels are a small fixed set.
 */
export function routeOf(path: string): { path: string; label: string } {
  const [, first = ''] = path.split('/');
  switch (first) {
    case 'graphql':
    case 'healthz':
    case 'readyz':
    case 'metrics':
    case 'open311':
    case 'export':
    case 'setup':
      return { path, label: first };
    case 'track':
      return { path: '/track/:code', label: 'track' };
    case 'calendar':
      return path === '/calendar/events.ics'
        ? { path, label: 'calendar' }
        : { path: '/calendar/:secret.ics', label: 'calendar' };
    case 'assets':
      return { path, label: 'assets' };
    default:
      return { path: path.length > 200 ? `${path.slice(0, 200)}…` : path, label: 'board' };
  }
}
