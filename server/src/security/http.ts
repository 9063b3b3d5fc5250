import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { ErrorCode } from '../common/errors.js';
import { LimitReason } from './limits.js';

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
  const body = express.json({ limit: config.limits.requestBytes });
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
      const kib = Math.floor(config.limits.requestBytes / 1024);
      return res.status(413).json(
        graphqlError(`The request is larger than the limit of ${kib} KiB. Send less data per request.`, {
          code: ErrorCode.BAD_USER_INPUT,
          reason: LimitReason.PAYLOAD_TOO_LARGE,
          limit: config.limits.requestBytes,
        }),
      );
    }
    if (status >= 400 && status < 500) {
      const message = isType(error, 'entity.parse.failed')
        ? 'The request body is not valid JSON'
        : 'The request could not be read; send a JSON body with content-type application/json';
      return res.status(status).json(graphqlError(message, { code: ErrorCode.BAD_USER_INPUT }));
    }
    console.error('[bridgeboard] internal error:', error);
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
