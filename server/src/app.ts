import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { WebSocketServer } from 'ws';
import { useServer } from './realtime/ws-server.js';
import {
  GraphQLError,
  createSourceEventStream,
  subscribe,
  type ExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { Config } from './config.js';
import { openDatabase } from './db/orm.js';
import { buildAppSchema } from './schema.js';
import { DomainError, ErrorCode, formatError } from './common/errors.js';
import { createLoaders, socketContext, type Context, type Services } from './context.js';
import { TokenService, loadOrCreateSetting } from './auth/tokens.js';
import { viewerFromAuthorization, type Viewer } from './auth/viewer.js';
import { ActivityBus } from './realtime/bus.js';
import { transports } from './realtime/transport.js';
import { LiveFanOut } from './realtime/fanout.js';
import { IssueService } from './modules/issues/issue.service.js';
import { EventService } from './modules/events/event.service.js';
import { PresenceService } from './modules/presence/presence.service.js';
import { ApiTokenService } from './modules/api-tokens/api-token.service.js';
import { ViewerSockets } from './modules/api-tokens/api-token.sockets.js';
import { MemberService } from './modules/members/member.service.js';
import { OrganizationService } from './modules/organizations/organization.service.js';
import { ContactAccessService } from './modules/privacy/contact-access.service.js';
import { RetentionJob } from './modules/privacy/retention.js';
import { createSecurity, type HttpContext } from './security/index.js';
import { ResultCache } from './security/result-cache.js';
import { LinkIssuer } from './modules/access-links/access-link.codes.js';
import { InvitationService } from './modules/access-links/invitation.service.js';
import { PasswordLinkService } from './modules/access-links/password-link.service.js';
import { Mailer } from './mail/mailer.js';
import { PartnershipService } from './modules/partnership/partnership.service.js';
import { SetupService } from './modules/setup/setup.service.js';
import { AccessLinkService } from './modules/access-links/access-link.service.js';
import { IDEMPOTENCY_HEADER, IdempotencyService, replayCheck } from './modules/idempotency/idempotency.js';
import { IdempotencyPurgeJob } from './modules/idempotency/idempotency.purge.js';
import { idempotencyHeaderPlugin } from './modules/idempotency/idempotency.apollo.js';
import { NeighborhoodService } from './modules/neighborhoods/neighborhood.service.js';
import { configureLogging, log } from './ops/log.js';
import { Metrics, metricsEndpoint } from './ops/metrics.js';
import { observeRequests, requestRecord } from './ops/requests.js';
import { observeHttpOperations } from './ops/operations.js';
import { graphiqlPage } from './ops/graphiql.js';
import { legacyJsonStatus } from './ops/json-status.js';
import { Health } from './ops/health.js';
import { HttpDrain } from './ops/http-drain.js';

const here = path.dirname(new URL(import.meta.url).pathname);
export const DEFAULT_WEB_DIST = path.resolve(here, '../../web/dist');

export interface BootstrapOptions {
  config: Config;
  /** Milliseconds between the activity bus's safety-net polls (default 2000). */
  pollIntervalMs?: number;
  /** Milliseconds between two presence updates sent to the boards (default 2000). */
  presenceIntervalMs?: number;
  /**
   * When no coordinator exists, issue a SETUP link and log it (default true). The demo passes
   * false: it seeds its own coordinators right after start.
   */
  announceSetup?: boolean;
}

/** A running server, until `close()`. */
export interface App {
  url: string;
  /** Where people reach the board: PUBLIC_URL, or this server's own address. Links start with it. */
  publicUrl: string;
  wsUrl: string;
  port: number;
  orm: MikroORM;
  services: Services;
  /** The first-run setup link issued at this start (also logged); null once a coordinator exists. */
  setupUrl: string | null;
  /** Shared answers to hot queries over HTTP; null when RESULT_CACHE is off. */
  resultCache: ResultCache | null;
  /**
   * Shuts down gracefully (what SIGTERM and SIGINT do): `/readyz` turns 503 and new connections
   * are refused at once; HTTP requests in flight finish, for at most `graceMs` (default: the
   * config's `shutdownGraceMs`); then WebSockets close with 1012 (service restart), and the
   * broker and database close last. Calling it again returns the same promise.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

type WsExtra = { viewer?: Viewer | null };

/** An UNAUTHENTICATED error that Apollo sends with HTTP 401. */
function authFailure(error: unknown): GraphQLError {
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: error.code === ErrorCode.UNAUTHENTICATED ? 401 : 400 } },
    });
  }
  throw error;
}

/**
 * Opens the database (migrating it), the activity bus, the GraphQL schema, HTTP and WebSocket
 * on one port. Everything opened is closed by the returned `close()`.
 */
export async function bootstrap({
  config,
  pollIntervalMs,
  presenceIntervalMs,
  announceSetup = true,
}: BootstrapOptions): Promise<App> {
  configureLogging({ level: config.logLevel, format: config.logFormat });
  const orm = await openDatabase(config.database);
  const closers: (() => Promise<unknown>)[] = [() => orm.close(true)];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((e) => log.error({ err: e }, 'close failed'));
  };
  try {
    const streamId = await loadOrCreateSetting(orm, 'stream_id', () => randomUUID());
    const channels = transports(config.redisUrl, streamId);
    const health = new Health(orm, { redisUrl: config.redisUrl, broker: channels });
    closers.push(() => health.close());
    await health.start();
    const bus = new ActivityBus(orm, channels.open('activity'), { pollIntervalMs });
    closers.push(() => bus.close());
    await bus.start();
    const presence = new PresenceService(channels.open('presence'), { intervalMs: presenceIntervalMs });
    closers.push(() => presence.close());
    await presence.start();
    const tokens = await TokenService.create(orm, config.tokenSecret);
    const apiTokens = new ApiTokenService(orm, bus);
    const viewerSockets = new ViewerSockets();
    closers.push(async () => viewerSockets.close());
    // A member deactivated, or whose password, role or organization changed, or an API token
    // revoked, on any instance: the change names them, and reaches every instance through the bus.
    // Passive: a socket with no live stream open receives nothing; it is checked when it reconnects.
    bus.listen(
      ({ snapshot: { endsSessions } }) => {
        if (endsSessions?.member != null) viewerSockets.closeMember(endsSessions.member);
        if (endsSessions?.token != null) viewerSockets.closeToken(endsSessions.token);
      },
      { passive: true },
    );
    const credentials = { sessions: tokens, apiTokens };
    const retention = new RetentionJob(orm, bus, config.retentionDays);
    closers.push(() => retention.close());
    const links = new LinkIssuer();
    const partnership = new PartnershipService(orm, bus, { passwordResetByEmail: config.smtpUrl != null });
    const mailer = Mailer.fromConfig(config);
    if (mailer) closers.push(async () => mailer.close());
    const passwordLinks = new PasswordLinkService(orm, bus, links, mailer);
    closers.push(() => passwordLinks.close());
    const idempotencyPurge = new IdempotencyPurgeJob(orm);
    closers.push(() => idempotencyPurge.close());
    const services = {
      orm,
      bus,
      tokens,
      issues: new IssueService(orm, bus),
      events: new EventService(orm, bus),
      presence,
      apiTokens,
      organizations: new OrganizationService(orm, bus),
      members: new MemberService(orm, bus),
      contactAccess: new ContactAccessService(orm),
      retention,
      links,
      partnership,
      setup: new SetupService(orm, bus, tokens, links, partnership),
      accessLinks: new AccessLinkService(orm, bus, tokens),
      invitations: new InvitationService(orm, bus, links, mailer),
      passwordLinks,
      idempotency: await IdempotencyService.create(orm),
      neighborhoods: new NeighborhoodService(orm, bus),
    } satisfies Omit<Services, 'live'> as Services;
    const metrics = new Metrics({
      orm,
      webSockets: () => wsServer.clients.size,
      backlog: () => services.live.backlog,
      deliveredSeq: () => bus.delivered,
      committedSeq: () => bus.latestSeq(),
    });
    services.live = new LiveFanOut(services, bus, {
      socketBufferBytes: config.limits.socketBufferBytes,
      formatError: (e) => formatError(e.toJSON(), e),
      onDelivered: (envelope) => metrics.delivered(envelope.at),
    });
    closers.push(async () => services.live.close());
    const schema = await buildAppSchema();
    services.live.attach(schema);
    const isReplay = replayCheck(orm, services.idempotency);
    const security = await createSecurity(config, {
      schema,
      streamId,
      isReplay,
      onRefused: (limit) => metrics.refused(limit),
    });
    closers.push(() => security.close());

    const app = express();
    app.disable('x-powered-by');
    app.use(observeRequests(metrics));
    app.use(security.headers);
    const httpServer = http.createServer(app);
    const drain = new HttpDrain(httpServer);
    const wsServer = new WebSocketServer({
      server: httpServer,
      path: '/graphql',
      maxPayload: security.maxMessageBytes,
      // An upgrade on a kept-alive socket while draining: go elsewhere (the load balancer will).
      verifyClient: (info, done) =>
        health.isDraining ? done(false, 503, 'Shutting down') : security.verifyUpgrade(info, done),
    });
    const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
      {
        schema,
        isProd: config.production, // no internal error text in close reasons
        metrics,
        addressOf: security.clientAddress,
        onSubscribe: security.onSubscribe,
        // Live streams are set up by the adapter itself (same hooks, same messages), which keeps
        // far less per open operation than graphql-ws's own handling; an invalid one is left to
        // graphql-ws, whose onSubscribe answers it.
        live: (payload) => {
          if (typeof payload.query !== 'string') return false;
          const document = security.validDocument(payload.query);
          return document != null && services.live.serves({ document, operationName: payload.operationName });
        },
        // Live streams are served by the fan-out, which writes their payloads itself: graphql-ws
        // waits on the source stream directly, with none of graphql-js's per-event mapping.
        subscribe: (args) =>
          services.live.serves(args)
            ? // The fan-out's source streams yield nothing (they end when the client leaves).
              (createSourceEventStream(args) as Promise<AsyncIterable<ExecutionResult> | ExecutionResult>)
            : subscribe(args),
        jsonMessageReviver: security.jsonMessageReviver,
        onOperation: security.onOperation,
        onConnect: async (ctx) => {
          const checkedAt = Date.now();
          try {
            const viewer = await viewerFromAuthorization(
              orm.em.fork(),
              credentials,
              ctx.connectionParams?.authorization,
            );
            ctx.extra.viewer = viewer;
            if (!(await security.admitConnection(ctx.extra.socket, viewer))) return false;
            // Revoking the token, or ending the member's sessions, closes this socket too (on any instance).
            return viewer ? viewerSockets.track(viewer, ctx.extra.socket, checkedAt) : true;
          } catch (error) {
            if (error instanceof DomainError) return false; // closes with 4403 Forbidden
            throw error;
          }
        },
        context: (ctx, id, payload, args): Context =>
          socketContext(services, ctx.extra.viewer ?? null, {
            clientAddress: ctx.extra.address,
            live: {
              socket: ctx.extra.socket,
              id,
              query: payload.query,
              document: args.document,
              operationName: payload.operationName,
              variables: payload.variables,
            },
          }),
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON() as GraphQLFormattedError, e)) }
            : undefined,
      },
      wsServer,
    );

    const resultCache = config.resultCacheBytes ? new ResultCache(config.resultCacheBytes) : null;
    const apollo = new ApolloServer<HttpContext>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      // serve.ts owns the signals: Apollo's own handler would stop it before the requests in flight finish.
      stopOnTerminationSignals: false,
      ...security.apollo,
      plugins: [
        ...security.apollo.plugins,
        // No drain plugins: close() drains HTTP and then the WebSockets, in that order.
        idempotencyHeaderPlugin<HttpContext>(),
        observeHttpOperations<HttpContext>(metrics),
        legacyJsonStatus<HttpContext>(),
        ...(resultCache ? [resultCache.plugin()] : []),
      ],
    });
    await apollo.start();
    closers.push(() => apollo.stop());

    app.get('/healthz', health.live);
    app.get('/readyz', health.ready);
    app.get('/metrics', metricsEndpoint(metrics, config.metricsToken));
    app.get('/graphql', graphiqlPage(config.webDist ?? DEFAULT_WEB_DIST));
    app.use(
      '/graphql',
      ...security.graphqlHttp,
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<HttpContext> => {
          const em = orm.em.fork();
          const signedIn = await viewerFromAuthorization(em, credentials, req.headers.authorization).catch((e) => {
            throw authFailure(e);
          });
          // With the result cache on, everything of this request sees the viewer through the
          // cache's watch, so an answer that read who the viewer is is never shared.
          const cached = resultCache?.scope(signedIn);
          const viewer = cached ? cached.viewer : signedIn;
          return {
            services,
            em,
            viewer,
            loaders: createLoaders(services, viewer),
            cacheScope: cached?.scope,
            clientAddress: security.clientAddress(req),
            idempotencyKey: req.header(IDEMPOTENCY_HEADER) ?? null,
            request: requestRecord(req),
          };
        },
      }),
    );
    serveBoard(app, config.webDist ?? DEFAULT_WEB_DIST);
    app.use(security.errors);

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, resolve);
    });
    retention.start();
    idempotencyPurge.start();
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    services.links.publicUrl = config.publicUrl ?? `http://localhost:${port}`;
    let closing: Promise<void> | null = null;
    const shutdown = async (graceMs: number) => {
      health.beginDrain();
      const cut = await drain.drain(graceMs);
      if (cut > 0) log.warn({ cut, graceMs }, 'shutdown: cut HTTP requests still running after the grace period');
      await wsCleanup.dispose();
      await drain.whenClosed();
      await closeAll();
    };
    const setupUrl = announceSetup ? await services.setup.announce() : null;
    // A line for the operator, not a log record: the README shows it as it is, and the one-time
    // code stays out of structured logs that collectors index.
    if (setupUrl) console.log(`Set up Bridgeboard: open ${setupUrl} (valid for 24 hours, until used)`);
    return {
      url: `http://localhost:${port}`,
      publicUrl: services.links.publicUrl,
      wsUrl: `ws://localhost:${port}/graphql`,
      port,
      orm,
      services,
      setupUrl,
      resultCache,
      close: (options) => (closing ??= shutdown(options?.graceMs ?? config.shutdownGraceMs)),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The built board when there is one; otherwise a page that says how to build it. */
function serveBoard(app: express.Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(index));
    return;
  }
  app.get('/', (_req, res) => {
    res
      .type('html')
      .send(
        '<!doctype html><title>Bridgeboard</title><h1>Bridgeboard</h1>' +
          '<p>The API is at <a href="/graphql">/graphql</a>. The board is not built: run <code>pnpm start</code> from the repository root.</p>',
      );
  });
}
