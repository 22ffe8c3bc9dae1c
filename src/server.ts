/**
 * Builds the HTTP server: GraphQL at /graphql (with the offline IDE for browsers),
 * /healthz, /readyz and /metrics. Tests import this to run the real endpoint in-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { DataSource } from 'typeorm';
import { createRequestContext, type DataSources, type RequestContext } from './context';
import { withStatementScope } from './database/statement-counter';
import { sendGraphiQL, wantsGraphiQL } from './graphiql-page';
import { buildBriefgraphSchema, schemaVersion } from './schema';
import type { Logger } from './shared/logger';
import { silentLogger } from './shared/logger';
import type { QueryLimits } from './shared/query-limits';
import { formatError } from './http/format-error';
import { healthRoutes } from './http/health';
import { graphqlHandler } from './http/graphql-handler';
import { hashQueriesWithoutModuleLookup } from './http/apollo-query-hash';
import { drainableHttpServer } from './http/graceful-drain';
import { requestTimeouts, type RequestTimeouts } from './http/request-timeout';
import { jsonErrorHandler, notFoundHandler } from './http/json-errors';
import { openPublishedDataSource } from './http/published-data-source';
import { identifyRequest } from './http/request-identity';
import { checkRequestShape } from './http/request-shape';
import { textLiteralRule } from './http/input-text';
import type Redis from 'ioredis';
import { CachePolicies } from './caching/cache-policy';
import { TableChanges } from './caching/table-changes';
import { connectionConfig } from './database/connection-config';
import { MemoryKeyValueStore, PinnedEntriesStore, RedisKeyValueStore, type KeyValueStore } from './caching/key-value-store';
import { ResponseCache } from './caching/response-cache';
import { applySafelist, type Safelist } from './caching/safelist';
import { MemoryPointsStore, RedisPointsStore, type PointsStore } from './traffic/points-store';
import { guardKeyAttempts, markReachedGraphQL, OperationCharges, rateLimitClient, refuseSpentClients, type RateLimitSettings } from './traffic/rate-limit';
import { databaseShares, defaultDatabaseShare, sharePool, type DatabaseShareSettings } from './traffic/database-share';
import { defaultRequestsInFlightPerClient, limitRequestsInFlight } from './traffic/requests-in-flight';
import { defaultRequestLimits, type RequestLimits } from './config';
import { aliasLimitRule, directiveLimitRule, restoreLimitError } from './shared/query-limits-rules';
import { allowCrossOrigin, type CorsOrigins } from './http/cors';
import { createServerMetrics, metricsRoute, watchDatabasePools, type ServerMetrics } from './http/metrics';
import { bindRequestObservation, requestLog } from './http/request-log';
import { explorerRoutes } from './http/explorer';
import { compressLargeAnswers } from './http/compression';
import { rootRoute } from './http/root-route';
import { possibleTypesRoute } from './client-cache/possible-types-route';
import { securityHeaders } from './http/security-headers';
import { isTracingOn } from './observability/tracing';
import { traceRequest } from './observability/request-tracing';
import { graphqlRequestPlugin } from './http/graphql-request-plugin';
import { handlerChain } from './http/handler-chain';
import { briefRoutes } from './publication/content-negotiation';
import { feedRoutes } from './publication/feeds';
import { configurePublications, type PublicationSettings } from './publication/publication-settings';
import { defaultChangeRetentionSeconds, pruneRecordChanges, startRecordChangePruner } from './change/record-change-pruner';
import { defaultWebhookSettings, WebhookDispatcher, type WebhookSettings } from './webhook/webhook-dispatcher';
import { RecordChangeFollower } from './subscription/record-change-follower';
import { serveSubscriptions } from './subscription/websocket-server';

export interface ServerOptions {
  dataSource: DataSource;
  logger?: Logger;
  /** How long in-flight requests may take to finish on shutdown. */
  shutdownTimeoutMilliseconds?: number;
  /** How long idle keep-alive connections stay open once shutdown begins (default 0: closed at once; main.ts passes SHUTDOWN_IDLE_GRACE_MS). */
  shutdownIdleGraceMilliseconds?: number;
  /** A /graphql request still running after this gets 504 TIMEOUT, and its database work is cancelled (default 10 s). */
  requestTimeoutMilliseconds?: number;
  limits?: Partial<QueryLimits>;
  /** Origins whose web pages may call /graphql (CORS); default none. */
  corsOrigins?: CorsOrigins;
  /** When set, GET /metrics needs "Authorization: Bearer <token>". */
  metricsToken?: string;
  /** The server's metrics (default: a new set). */
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
  /** Webhook delivery (src/webhook/): defaults in defaultWebhookSettings; false runs no dispatcher in this instance. */
  webhooks?: Partial<WebhookSettings> | false;
  /** How long the change feed keeps changes (default 7 days); older ones are pruned now and then. */
  changeRetentionSeconds?: number;
  /** Registered operations, callable by hash; with safelistOnly, the only ones anonymous requests may run. */
  safelist?: Safelist;
  safelistOnly?: boolean;
  /** The public address of stable per-brief URLs and a folder of extra CSL styles (src/publication/). */
  publications?: PublicationSettings;
}

export const defaultRateLimit: RateLimitSettings = { points: 20_000, windowSeconds: 3600 };

/** The standard introspection query is 15 levels deep; real queries of this graph need fewer than 12. */
export const defaultQueryLimits: QueryLimits = { maximumDepth: 20, maximumNodes: 50_000, maximumCost: 1000 };

export interface BriefgraphServer {
  httpServer: http.Server;
  /** What GET /metrics reports (src/http/metrics.ts records into it). */
  metrics: ServerMetrics;
  /** Hears of committed writes (for the response cache); tests wait on it. */
  changes: TableChanges;
  /** Prunes the change feed to its retention period now (the server also does so now and then). */
  pruneRecordChanges(): Promise<number>;
  /** How many subscriptions this instance is serving (tests wait on it). */
  subscriptionCount(): number;
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

/** The stores behind rate limits, cached answers and persisted queries: in Redis when configured, else in this process. */
interface ServerStores {
  points: PointsStore;
  answers: KeyValueStore;
  persistedQueries: KeyValueStore;
}

function createStores(options: ServerOptions): ServerStores {
  const { redis, redisKeyPrefix = 'briefgraph:' } = options;
  return {
    points: redis ? new RedisPointsStore(redis, `${redisKeyPrefix}rate:`) : new MemoryPointsStore(),
    answers: redis ? new RedisKeyValueStore(redis, `${redisKeyPrefix}cache:`) : new MemoryKeyValueStore(),
    // Registered operations can always be called by hash alone (Apollo looks them up under "apq:"); what
    // clients register themselves is kept a day and may be evicted sooner.
    persistedQueries: new PinnedEntriesStore(
      new Map([...(options.safelist ?? [])].map(([hash, body]) => [`apq:${hash}`, body])),
      redis ? new RedisKeyValueStore(redis, `${redisKeyPrefix}queries:`) : new MemoryKeyValueStore(20_000),
    ),
  };
}

/** What createServer settles once and its parts share. */
interface ServerParts {
  options: ServerOptions;
  logger: Logger;
  metrics: ServerMetrics;
  stores: ServerStores;
  changes: TableChanges;
  requestLimits: RequestLimits;
  /** Depth, nodes and cost per operation, the same over HTTP and WebSocket. */
  queryLimits: QueryLimits;
  rateLimit: RateLimitSettings;
  cacheMaxAgeSeconds: number;
  /** Fair use, shared by every route that reaches the database: requests in flight per client, and the pool's shares. */
  inFlight: ReturnType<typeof limitRequestsInFlight>;
  shares: ReturnType<typeof databaseShares>;
}

/** Hears of every committed write, from anywhere, so cached answers are dropped when what they read changes. */
function createTableChanges(options: ServerOptions, logger: Logger): TableChanges {
  return new TableChanges({
    connection: connectionConfig(options.dataSource, 10_000),
    logger,
    redis: options.redis,
    redisKey: `${options.redisKeyPrefix ?? 'briefgraph:'}changes`,
  });
}

function apolloPlugins(parts: ServerParts): ApolloServerPlugin<RequestContext>[] {
  const { logger, metrics, stores, changes, rateLimit, cacheMaxAgeSeconds } = parts;
  return [
    ApolloServerPluginLandingPageDisabled(),
    // Cache hints are worked out once per operation (CachePolicies); Apollo's own plugin would wrap every resolver to collect them per field.
    ApolloServerPluginCacheControlDisabled(),
    graphqlRequestPlugin({
      limits: parts.queryLimits,
      cachePolicies: new CachePolicies(cacheMaxAgeSeconds),
      responseCache: cacheMaxAgeSeconds > 0 ? new ResponseCache(stores.answers, changes, metrics, schemaVersion()) : undefined,
      charges: rateLimit.points > 0 ? new OperationCharges(stores.points, rateLimit, metrics, logger) : undefined,
      tracing: isTracingOn(),
    }),
  ];
}

function createApollo(parts: ServerParts): ApolloServer<RequestContext> {
  const { options, requestLimits } = parts;
  const formatForClient = formatError(parts.logger);
  hashQueriesWithoutModuleLookup();
  return new ApolloServer<RequestContext>({
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
    persistedQueries: { cache: parts.stores.persistedQueries, ttl: 24 * 3600 },
    formatError: (formatted, error) => formatForClient(restoreLimitError(formatted, error), error),
    plugins: apolloPlugins(parts),
  });
}

/** The /graphql route, one handler: each step may refuse the request before the next runs (docs/architecture.md has the order and why). */
function graphqlRoute(parts: ServerParts, apollo: ApolloServer<RequestContext>, dataSources: DataSources, timeouts: RequestTimeouts): express.RequestHandler {
  const { options, logger, metrics, rateLimit, requestLimits } = parts;
  const points = parts.stores.points;
  const rateLimited = rateLimit.points > 0;
  const { inFlight, shares } = parts;
  const refuseSpent = rateLimited ? refuseSpentClients(points, rateLimit, metrics, logger) : undefined;
  return handlerChain([
    allowCrossOrigin(options.corsOrigins),
    requestLog(logger, metrics),
    timeouts.start,
    identifyRequest(dataSources, logger, rateLimited ? guardKeyAttempts(points, rateLimit, metrics) : undefined, async (request, response) => {
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
    bindRequestObservation,
    markReachedGraphQL,
    graphqlHandler(apollo, async (_request, response) =>
      createRequestContext(dataSources, {
        viewer: response.locals.viewer,
        requestId: response.locals.requestId,
        idempotencyKey: response.locals.idempotencyKey,
        rateLimitClient: response.locals.rateLimitClient,
        maximumAnswerBytes: options.maximumAnswerBytes,
      }),
    ),
  ]);
}

/** The change feed's pruner, webhook delivery and live subscriptions, all woken by the LISTEN connection (`changes`). */
function startChangeServices(parts: ServerParts, httpServer: http.Server, dataSources: DataSources, webhookSettings: WebhookSettings) {
  const { options, logger, changes } = parts;
  const changeRetentionSeconds = options.changeRetentionSeconds ?? defaultChangeRetentionSeconds;
  const pruner = startRecordChangePruner(options.dataSource, changeRetentionSeconds, logger);
  const webhookDispatcher = options.webhooks === false ? undefined : new WebhookDispatcher(options.dataSource, webhookSettings, logger, changes);
  webhookDispatcher?.start();
  const follower = new RecordChangeFollower(options.dataSource, changes, logger);
  follower.start();
  const subscriptions = serveSubscriptions(httpServer, {
    schema: buildBriefgraphSchema(),
    dataSources,
    follower,
    queryLimits: parts.queryLimits,
    requestLimits: parts.requestLimits,
    rateLimit: parts.rateLimit,
    pointsStore: parts.stores.points,
    logger,
    trustedProxyHops: options.trustProxy ?? 0,
  });
  return {
    prune: () => pruneRecordChanges(options.dataSource, changeRetentionSeconds),
    subscriptionCount: () => follower.listenerCount,
    closeSubscriptions: () => subscriptions.close(),
    async stop(): Promise<void> {
      await pruner.stop();
      await webhookDispatcher?.stop();
      await follower.stop();
    },
  };
}

/**
 * What /briefs/{slug} and the feeds pass before they read the database: the same deadline,
 * requests-in-flight limit and share of the pool as /graphql (they answer published data
 * without a key, so the rate-limit budget and the key checks of /graphql do not apply).
 */
function publicationRouteGuards(parts: ServerParts, timeouts: RequestTimeouts): express.RequestHandler {
  return handlerChain([
    allowCrossOrigin(parts.options.corsOrigins),
    timeouts.start,
    (request, response, next) => {
      if (parts.inFlight(request, response)) next();
    },
    timeouts.runWithinDeadline,
    parts.shares.middleware(rateLimitClient),
  ]);
}

/** Every route of the app, in order; what they share comes from createServer. */
function addRoutes(
  app: express.Express,
  parts: ServerParts,
  shared: { apollo: ApolloServer<RequestContext>; dataSources: DataSources; timeouts: RequestTimeouts; draining: () => boolean },
): void {
  const { options, metrics } = parts;
  const { dataSources, timeouts } = shared;
  healthRoutes(app, options.dataSource, shared.draining);
  rootRoute(app);
  metricsRoute(app, metrics, options.metricsToken);
  possibleTypesRoute(app, buildBriefgraphSchema(), schemaVersion(), allowCrossOrigin(options.corsOrigins));
  app.get('/graphql', (request, response, next) => (wantsGraphiQL(request) ? sendGraphiQL(request, response, '/graphql') : next()));
  app.use('/graphql', graphqlRoute(parts, shared.apollo, dataSources, timeouts), timeouts.dropLateErrors);
  // Stable per-brief URLs with content negotiation, and feeds: published content only, cached like GraphQL answers.
  app.use(['/briefs', '/feeds'], publicationRouteGuards(parts, timeouts));
  briefRoutes(app, () => dataSources.published, parts.cacheMaxAgeSeconds);
  feedRoutes(app, () => dataSources.published, parts.cacheMaxAgeSeconds);
  explorerRoutes(app);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(parts.logger));
}

/** Binds the port; a port in use is named as such. */
function listenOn(httpServer: http.Server, port: number, host?: string): Promise<number> {
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
}

export async function createServer(options: ServerOptions): Promise<BriefgraphServer> {
  const logger = options.logger ?? silentLogger;
  configurePublications(options.publications ?? {});
  const app = express();
  app.disable('x-powered-by');
  app.use(handlerChain([securityHeaders(), compressLargeAnswers()]));
  const httpServer = http.createServer(app);
  const httpDrain = drainableHttpServer(httpServer);
  const timeouts = requestTimeouts(options.requestTimeoutMilliseconds ?? 10_000, logger);
  let draining = false;
  const parts: ServerParts = {
    options,
    logger,
    metrics: options.metrics ?? createServerMetrics(),
    stores: createStores(options),
    changes: createTableChanges(options, logger),
    requestLimits: { ...defaultRequestLimits, ...options.requestLimits },
    queryLimits: { ...defaultQueryLimits, ...options.limits },
    rateLimit: options.rateLimit ?? defaultRateLimit,
    cacheMaxAgeSeconds: options.cacheMaxAgeSeconds ?? 60,
    inFlight: limitRequestsInFlight(options.requestsInFlightPerClient ?? defaultRequestsInFlightPerClient, rateLimitClient),
    shares: databaseShares(options.databaseShare ?? defaultDatabaseShare),
  };
  const { metrics, changes } = parts;
  // The listener also wakes the webhook dispatcher when the outbox is written, and subscriptions when the feed grows.
  await changes.start();
  const webhookSettings: WebhookSettings = { ...defaultWebhookSettings, ...(options.webhooks || {}) };
  const dataSources: DataSources = {
    writer: options.dataSource,
    published: await openPublishedDataSource(options.dataSource),
    changes,
    allowPrivateWebhookTargets: webhookSettings.allowPrivateTargets,
  };
  const changeServices = startChangeServices(parts, httpServer, dataSources, webhookSettings);
  watchDatabasePools(metrics, { writer: dataSources.writer, published: dataSources.published });
  sharePool(dataSources.writer);
  sharePool(dataSources.published);
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  const apollo = createApollo(parts);
  await apollo.start();

  addRoutes(app, parts, { apollo, dataSources, timeouts, draining: () => draining });

  return {
    httpServer,
    metrics,
    changes,
    pruneRecordChanges: changeServices.prune,
    subscriptionCount: changeServices.subscriptionCount,
    listen: (port, host) => listenOn(httpServer, port, host),
    async close(): Promise<void> {
      draining = true;
      await changeServices.closeSubscriptions();
      const { gracefully } = await httpDrain.drain(options.shutdownTimeoutMilliseconds ?? 10_000, options.shutdownIdleGraceMilliseconds ?? 0);
      // Requests cut off at the end of the grace period must not leave statements running.
      if (!gracefully) await timeouts.expireAll();
      await apollo.stop();
      await changes.stop();
      await changeServices.stop();
      await dataSources.published.destroy();
    },
  };
}
