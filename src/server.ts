/**
 * Builds the HTTP server: GraphQL at /graphql (with the offline IDE for browsers),
 * /healthz, /readyz and /metrics. Tests import this to run the real endpoint in-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import { createRequestContext, type DataSources, type RequestContext } from './context';
import { withStatementScope } from './database/statement-counter';
import { sendGraphiQL, wantsGraphiQL } from './graphiql-page';
import { buildBriefgraphSchema, schemaVersion } from './schema';
import type { Logger } from './shared/logger';
import { silentLogger } from './shared/logger';
import { queryLimitsPlugin, type QueryLimits } from './shared/query-limits-plugin';
import { formatError } from './http/format-error';
import { healthRoutes } from './http/health';
import { answerUnreportedDatabaseFaults, databaseFaultStatusPlugin } from './http/database-fault-status-plugin';
import { drainableHttpServer } from './http/graceful-drain';
import { requestTimeouts } from './http/request-timeout';
import { jsonErrorHandler, notFoundHandler } from './http/json-errors';
import { openPublishedDataSource } from './http/published-data-source';
import { identifyRequest } from './http/request-identity';
import { checkRequestShape } from './http/request-shape';
import { textLiteralRule } from './http/input-text';
import type Redis from 'ioredis';
import { cacheHeadersPlugin } from './caching/cache-control';
import { cachePolicyPlugin } from './caching/cache-policy';
import { TableChanges } from './caching/table-changes';
import { connectionConfig } from './database/connection-config';
import { MemoryKeyValueStore, PinnedEntriesStore, RedisKeyValueStore, type KeyValueStore } from './caching/key-value-store';
import { responseCachePlugin } from './caching/response-cache';
import { applySafelist, type Safelist } from './caching/safelist';
import { MemoryPointsStore, RedisPointsStore, type PointsStore } from './traffic/points-store';
import { guardKeyAttempts, markReachedGraphQL, rateLimitClient, rateLimitPlugin, refuseSpentClients, type RateLimitSettings } from './traffic/rate-limit';
import { databaseShares, defaultDatabaseShare, sharePool, type DatabaseShareSettings } from './traffic/database-share';
import { defaultRequestsInFlightPerClient, limitRequestsInFlight } from './traffic/requests-in-flight';
import { defaultRequestLimits, type RequestLimits } from './config';
import { aliasLimitRule, directiveLimitRule, restoreLimitError } from './shared/query-limits-rules';
import { statementCountPlugin } from './http/statement-count-plugin';
import { allowCrossOrigin, type CorsOrigins } from './http/cors';
import { createServerMetrics, metricsRoute, watchDatabasePools, type ServerMetrics } from './http/metrics';
import { bindRequestObservation, requestLog, requestObservationPlugin } from './http/request-log';
import { explorerRoutes } from './http/explorer';
import { compressLargeAnswers } from './http/compression';
import { graphqlOverHttpStatusPlugin } from './http/graphql-over-http-status';
import { rootRoute } from './http/root-route';
import { securityHeaders } from './http/security-headers';
import { isTracingOn } from './observability/tracing';
import { operationTracingPlugin, traceRequest } from './observability/request-tracing';

export interface ServerOptions {
  dataSource: DataSource;
  logger?: Logger;
  /** How long in-flight requests may take to finish on shutdown. */
  shutdownTimeoutMilliseconds?: number;
  /** A /graphql request still running after this gets 504 TIMEOUT, and its database work is cancelled (default 10 s). */
  requestTimeoutMilliseconds?: number;
  limits?: Partial<QueryLimits>;
  /** Origins whose web pages may call /graphql (CORS); default none. */
  corsOrigins?: CorsOrigins;
  /** When set, GET /metrics needs "Authorization: Bearer <token>". */
  metricsToken?: string;
  /** The server's metrics (default: a new set); also at app.locals.metrics. */
  metrics?: ServerMetrics;
  /** Aliases, directives, tokens, selections, variables and batches (config.ts has the defaults). */
  requestLimits?: Partial<RequestLimits>;
  /** Production mode: client errors carry no schema details such as "Did you mean". */
  production?: boolean;
  /** Whether the schema may be introspected (default: yes, it is a public, documented API). */
  introspection?: boolean;
  /** The most bytes of answer the read engine reads for one request (a second line of defence behind the node budget; default 16 MB). */
  maximumAnswerBytes?: number;
  /** Requests one client may have in flight at once; more get 429 TOO_MANY_REQUESTS_IN_FLIGHT (default 20). */
  requestsInFlightPerClient?: number;
  /** Fair use of the pool: requests per client and connections per request using the database at once (src/traffic/database-share.ts). */
  databaseShare?: DatabaseShareSettings;
  /** Points budget per client and window (default 5,000 per hour); points 0 turns it off. */
  rateLimit?: RateLimitSettings;
  /**
   * How many proxies in front append to X-Forwarded-For: the client address is the entry
   * just before theirs. A count, never "trust everything": the left-most entries are the
   * client's to invent, and a rate limit keyed on them could be reset at will.
   */
  trustProxy?: number;
  /** Shared state for several instances: rate-limit counters (and caches). Default: in this process. */
  redis?: Redis;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  redisKeyPrefix?: string;
  /** Seconds anonymous answers may be cached, here and by CDNs (default 60); 0 turns caching off. */
  cacheMaxAgeSeconds?: number;
  /** Registered operations, callable by hash; with safelistOnly, the only ones anonymous requests may run. */
  safelist?: Safelist;
  safelistOnly?: boolean;
}

export const defaultRateLimit: RateLimitSettings = { points: 5000, windowSeconds: 3600 };

/** The standard introspection query is 15 levels deep; real queries of this graph need fewer than 12. */
export const defaultQueryLimits: QueryLimits = { maximumDepth: 20, maximumNodes: 50_000, maximumCost: 1000 };

export interface BriefgraphServer {
  httpServer: http.Server;
  /** What GET /metrics reports (src/http/metrics.ts records into it). */
  metrics: ServerMetrics;
  /** Hears of committed writes (for the response cache); tests wait on it. */
  changes: TableChanges;
  /** Binds the port; resolves with the port actually bound (useful with 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, lets in-flight ones finish, then closes. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use; stop whatever is using it or set PORT to another port`);
    this.name = 'PortInUseError';
  }
}

export async function createServer(options: ServerOptions): Promise<BriefgraphServer> {
  const logger = options.logger ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(), compressLargeAnswers());
  const httpServer = http.createServer(app);
  const httpDrain = drainableHttpServer(httpServer);
  const timeouts = requestTimeouts(options.requestTimeoutMilliseconds ?? 10_000, logger);
  let draining = false;
  const metrics = options.metrics ?? createServerMetrics();
  // Where express middleware finds the metrics: metricsOf(request) in src/http/metrics.ts.
  app.locals.metrics = metrics;

  const requestLimits: RequestLimits = { ...defaultRequestLimits, ...options.requestLimits };
  const rateLimit = options.rateLimit ?? defaultRateLimit;
  const redisKeyPrefix = options.redisKeyPrefix ?? 'briefgraph:';
  const pointsStore: PointsStore = options.redis ? new RedisPointsStore(options.redis, `${redisKeyPrefix}rate:`) : new MemoryPointsStore();
  const answerStore: KeyValueStore = options.redis ? new RedisKeyValueStore(options.redis, `${redisKeyPrefix}cache:`) : new MemoryKeyValueStore();
  // Registered operations can always be called by hash alone (Apollo looks them up under "apq:"); what
  // clients register themselves is kept a day and may be evicted sooner.
  const persistedQueryStore: KeyValueStore = new PinnedEntriesStore(
    new Map([...(options.safelist ?? [])].map(([hash, body]) => [`apq:${hash}`, body])),
    options.redis ? new RedisKeyValueStore(options.redis, `${redisKeyPrefix}queries:`) : new MemoryKeyValueStore(20_000),
  );
  const cacheMaxAgeSeconds = options.cacheMaxAgeSeconds ?? 60;
  // Hears of every committed write, from anywhere, so cached answers are dropped when what they read changes.
  const changes = new TableChanges({
    connection: connectionConfig(options.dataSource, 10_000),
    logger,
    redis: options.redis,
    redisKey: `${redisKeyPrefix}changes`,
  });
  if (cacheMaxAgeSeconds > 0) await changes.start();
  const dataSources: DataSources = { writer: options.dataSource, published: await openPublishedDataSource(options.dataSource), changes };
  watchDatabasePools(metrics, { writer: dataSources.writer, published: dataSources.published });
  const shares = databaseShares(options.databaseShare ?? defaultDatabaseShare);
  const inFlight = limitRequestsInFlight(options.requestsInFlightPerClient ?? defaultRequestsInFlightPerClient, rateLimitClient);
  const refuseSpent = rateLimit.points > 0 ? refuseSpentClients(pointsStore, rateLimit, metrics, logger) : undefined;
  sharePool(dataSources.writer);
  sharePool(dataSources.published);
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  const formatForClient = formatError(logger);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildBriefgraphSchema(),
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    // Bounds the parser's and validation's work before either looks at the whole document.
    parseOptions: { maxTokens: requestLimits.maximumTokens },
    maxRecursiveSelections: requestLimits.maximumSelections,
    validationRules: [aliasLimitRule(requestLimits.maximumAliases), directiveLimitRule(requestLimits.maximumDirectives), textLiteralRule],
    allowBatchedHttpRequests: requestLimits.maximumBatchSize > 0,
    // Keys travel in the Authorization header, never in cookies, so a cross-site request carries no
    // credentials: plain GET queries are safe, and CDN-friendly clients (urql, shared links) send
    // them. Mutations over GET stay refused (by Apollo), and POSTs must be JSON (checkRequestShape).
    csrfPrevention: false,
    // main.ts owns the shutdown order; Apollo's own signal handlers would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    persistedQueries: { cache: persistedQueryStore, ttl: 24 * 3600 },
    formatError: (formatted, error) => formatForClient(restoreLimitError(formatted, error), error),
    plugins: [
      databaseFaultStatusPlugin<RequestContext>(),
      graphqlOverHttpStatusPlugin<RequestContext>(),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin<RequestContext>({ ...defaultQueryLimits, ...options.limits }),
      statementCountPlugin(),
      requestObservationPlugin(),
      cachePolicyPlugin(cacheMaxAgeSeconds),
      cacheHeadersPlugin(),
      ...(cacheMaxAgeSeconds > 0 ? [responseCachePlugin(answerStore, changes, metrics, schemaVersion())] : []),
      ...(rateLimit.points > 0 ? [rateLimitPlugin(pointsStore, rateLimit, metrics, logger)] : []),
      ...(isTracingOn() ? [operationTracingPlugin<RequestContext>()] : []),
    ],
  });
  await apollo.start();

  healthRoutes(app, options.dataSource, () => draining);
  rootRoute(app);
  metricsRoute(app, metrics, options.metricsToken);
  app.get('/graphql', (request, response, next) => (wantsGraphiQL(request) ? sendGraphiQL(request, response, '/graphql') : next()));
  app.use(
    '/graphql',
    allowCrossOrigin(options.corsOrigins),
    requestLog(logger, metrics),
    timeouts.start,
    identifyRequest(dataSources, logger, rateLimit.points > 0 ? guardKeyAttempts(pointsStore, rateLimit, metrics, logger) : undefined, async (request, response) => {
      // Once the sender is known, before the body is read: too many of its requests in flight, or a spent budget.
      if (!inFlight(request, response)) return false;
      return refuseSpent ? refuseSpent(request, response) : true;
    }),
    ...(isTracingOn() ? [traceRequest] : []),
    checkRequestShape(requestLimits),
    ...(options.safelist ? [applySafelist(options.safelist, options.safelistOnly ?? false)] : []),
    // After the body is read, so every statement of the request runs inside the scope.
    (_request: express.Request, _response: express.Response, next: express.NextFunction) => withStatementScope(next),
    timeouts.runWithinDeadline,
    shares.middleware(rateLimitClient),
    answerUnreportedDatabaseFaults,
    bindRequestObservation,
    markReachedGraphQL,
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createRequestContext(dataSources, {
          viewer: res.locals.viewer,
          requestId: res.locals.requestId,
          idempotencyKey: res.locals.idempotencyKey,
          rateLimitClient: res.locals.rateLimitClient,
          maximumAnswerBytes: options.maximumAnswerBytes,
        }),
    }),
    timeouts.dropLateErrors,
  );

  explorerRoutes(app);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(logger));

  return {
    httpServer,
    metrics,
    changes,
    listen(port: number, host?: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
        };
        httpServer.once('error', onError);
        httpServer.listen(port, host, () => {
          httpServer.off('error', onError);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    async close(): Promise<void> {
      draining = true;
      const { gracefully } = await httpDrain.drain(options.shutdownTimeoutMilliseconds ?? 10_000);
      // Requests cut off at the end of the grace period must not leave statements running.
      if (!gracefully) await timeouts.expireAll();
      await apollo.stop();
      await changes.stop();
      await dataSources.published.destroy();
    },
  };
}
