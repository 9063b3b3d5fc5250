import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { Kind, OperationTypeNode, parse } from 'graphql';
import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { ErrorCode } from '../common/errors.js';
import { LimitReason } from './limits.js';
import { log } from '../ops/log.js';

/**
 * Security headers on every response. The board is served from this origin and loads only its
 * own scripts, styles and data (maps are drawn from the project's GeoJSON; no tile server), so
 * the policy allows `'self'` and little else. No `upgrade-insecure-requests`: a self-hosted board
 * on plain http inside a city network must keep working.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'connect-src': ["'self'"], // HTTP and the WebSocket of this origin (CSP 3: 'self' covers ws/wss)
        'img-src': ["'self'", 'data:'],
        // React sets style attributes through the DOM, which CSP allows; inline <style> stays possible.
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
}

/**
 * What `/graphql` needs before Apollo: CORS for the configured origins only (none by default:
 * the board is same-origin, and tools outside a browser are not subject to CORS), and a JSON body
 * of at most `limits.requestBytes`. Apollo itself refuses form posts and other requests a
 * browser would send cross-site without a preflight (CSRF prevention).
 */
export function graphqlHttp(config: Pick<Config, 'corsOrigins' | 'limits'>): RequestHandler[] {
  const body = jsonBody(config.limits.requestBytes, config.limits.tokens);
  if (config.corsOrigins !== '*' && config.corsOrigins.length === 0) return [body];
  return [
    cors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
      maxAge: 600,
    }),
    body,
  ];
}

/** The body limit of an `importNeighborhoods` request: 5 MB of GeoJSON, escaped inside a JSON string. */
export const IMPORT_REQUEST_BYTES = 6 * 1024 * 1024;

type SizedRequest = Request & { bodyBytes?: number };

/**
 * The JSON body parser: at most `limit` bytes, except for a coordinator's import of the city's
 * neighborhoods, which may send up to IMPORT_REQUEST_BYTES. Only requests with credentials are
 * read that far (nobody else may import), and a large body whose operation is not the import is
 * still refused with 413.
 */
function jsonBody(limit: number, maxTokens: number): RequestHandler {
  const usual = express.json({ limit });
  if (limit >= IMPORT_REQUEST_BYTES) return usual;
  const large = express.json({
    limit: IMPORT_REQUEST_BYTES,
    verify: (req, _res, buffer) => {
      (req as SizedRequest).bodyBytes = buffer.length;
    },
  });
  return (req, res, next) => {
    if (!req.headers.authorization) return usual(req, res, next);
    large(req, res, (error?: unknown) => {
      if (error) return next(error);
      const bytes = (req as SizedRequest).bodyBytes ?? 0;
      if (bytes > limit && !isImport(req.body, maxTokens)) return next(tooLarge(limit, bytes));
      next();
    });
  };
}

/** Whether a request body is a mutation whose root selects `importNeighborhoods`. */
function isImport(body: unknown, maxTokens: number): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const query = (body as { query?: unknown }).query;
  if (typeof query !== 'string' || !query.includes('importNeighborhoods')) return false;
  try {
    return parse(query, { noLocation: true, maxTokens }).definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.operation === OperationTypeNode.MUTATION &&
        definition.selectionSet.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === 'importNeighborhoods',
        ),
    );
  } catch {
    return false; // Apollo reports the syntax error; the body stays too large either way.
  }
}

/** The error body-parser itself raises past its limit, so `jsonErrors` answers both alike. */
const tooLarge = (limit: number, length: number) =>
  Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', limit, length });

/**
 * The last error handler: a GraphQL-shaped JSON error instead of express's HTML page (which
 * shows a stack trace outside production). Oversized bodies get 413, unreadable ones 400,
 * anything else 500 with nothing internal in it.
 */
export function jsonErrors(config: Pick<Config, 'limits'>): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = httpStatusOf(error);
    if (status === 413) {
      // The import's larger limit when that is the one exceeded.
      const own = (error as { limit?: unknown }).limit;
      const limit = typeof own === 'number' ? own : config.limits.requestBytes;
      const kib = Math.floor(limit / 1024);
      return res.status(413).json(
        graphqlError(`The request is larger than the limit of ${kib} KiB. Send less data per request.`, {
          code: ErrorCode.BAD_USER_INPUT,
          reason: LimitReason.PAYLOAD_TOO_LARGE,
          limit,
        }),
      );
    }
    if (status >= 400 && status < 500) {
      const message = isType(error, 'entity.parse.failed')
        ? 'The request body is not valid JSON'
        : 'The request could not be read; send a JSON body with content-type application/json';
      return res.status(status).json(graphqlError(message, { code: ErrorCode.BAD_USER_INPUT }));
    }
    log.error({ err: error }, 'internal error');
    return res.status(500).json(graphqlError('Internal server error', { code: ErrorCode.INTERNAL_SERVER_ERROR }));
  };
}

const graphqlError = (message: string, extensions: Record<string, unknown>) => ({
  errors: [{ message, extensions }],
});

function httpStatusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

const isType = (error: unknown, type: string) =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
