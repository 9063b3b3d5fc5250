import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/**
 * `GET /graphql` from a browser: GraphiQL, built from the npm package with the board
 * (web/dist/graphiql) and served from this origin, so it works where no CDN is reachable.
 * Only a request that prefers HTML gets it; every other GET (a tool asking for JSON, or for
 * anything) goes on to the GraphQL endpoint, with its CSRF protection, as before.
 */
export function graphiqlPage(webDist: string): RequestHandler {
  const page = path.join(webDist, 'graphiql', 'graphiql.html');
  return (req, res, next) => {
    const preferred = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']);
    if (preferred !== 'text/html') return next();
    if (!fs.existsSync(page)) {
      res
        .status(503)
        .type('html')
        .send(
          '<!doctype html><title>GraphiQL</title><h1>GraphiQL is not built</h1>' +
            '<p>Run <code>pnpm start</code> (or <code>pnpm --filter @bridgeboard/web build</code>) from the repository root. Tools can POST to this address meanwhile.</p>',
        );
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(page);
  };
}
