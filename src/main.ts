/**
 * Start-up only: configuration, database (embedded unless DATABASE_URL is set),
 * migrations, first-start seeding, the HTTP server, and an orderly shutdown.
 */
// First: tracing (when OTEL_* configure it) must be set up before the modules it instruments load.
import { tracingAtStart } from './observability/tracing-at-start';
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from './config';
import { redactDatabaseUrl } from './shared/redact-database-url';
import { connectDataSource } from './database/connect';
import { createDataSource } from './database/data-source';
import { EmbeddedDatabase } from './database/embedded-postgres';
import { runPendingMigrations } from './database/migrate';
import { statementCountingLogger } from './database/statement-counter';
import { describeSeedSummary, isKnowledgeBaseEmpty, loadSeedDataset } from './seed/seed-loader';
import { bootstrapKeyName, ensureBootstrapAdminKey } from './auth/api-key.service';
import type Redis from 'ioredis';
import { readSafelist } from './caching/safelist';
import { connectRedis, redisReady } from './shared/redis-connection';
import { createServer, type BriefgraphServer, type ServerOptions } from './server';
import { createLogger, type Logger } from './shared/logger';

interface Running {
  embedded?: EmbeddedDatabase;
  dataSource?: DataSource;
  server?: BriefgraphServer;
  redis?: Redis;
}

/** Of the shutdown time, what is held back for closing the database after in-flight requests have had theirs. */
function closingAllowance(shutdownTimeoutMilliseconds: number): number {
  return Math.min(2000, Math.floor(shutdownTimeoutMilliseconds / 5));
}

async function stopEverything(running: Running, logger: Logger): Promise<void> {
  await running.server?.close().catch((error: Error) => logger.warn('error while closing the HTTP server', { error: error.message }));
  if (running.dataSource?.isInitialized) await running.dataSource.destroy().catch(() => undefined);
  running.redis?.disconnect();
  await running.embedded?.stop().catch((error: Error) => logger.warn('error while stopping the embedded PostgreSQL', { error: error.message }));
  // Last, so the spans of the final requests are exported too.
  await tracingAtStart?.shutdown().catch((error: Error) => logger.warn('error while exporting the last traces', { error: error.message }));
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`briefgraph: configuration error: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel, config.logFormat);
  const running: Running = {};
  let stopping: Promise<void> | undefined;
  let startUp: Promise<unknown> = Promise.resolve();

  let firstSignalAt = 0;
  const shutdownTimeoutMilliseconds = config.shutdownTimeoutMilliseconds;
  const exitWhenShutdownOverruns = () => {
    setTimeout(() => {
      logger.error(`shutdown took longer than SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMilliseconds} ms); exiting now`);
      process.exit(1);
    }, shutdownTimeoutMilliseconds).unref();
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      // Under `npm start`, one Ctrl-C arrives twice: from the terminal to the whole process
      // group, and forwarded by npm. Only a signal sent again later means "stop now".
      if (Date.now() - firstSignalAt < 2000) return;
      logger.warn(`received ${signal} again; exiting now`);
      process.exit(1);
    }
    firstSignalAt = Date.now();
    logger.info(`received ${signal}; finishing in-flight requests, then stopping`);
    // A signal during start-up waits for the step under way (say, initdb) to finish,
    // so that nothing is left half-made; start-up then stops before serving.
    stopping = startUp
      .catch(() => undefined)
      .then(() => {
        // Counted from here: a start-up step under way (initdb, a migration) is not cut short.
        exitWhenShutdownOverruns();
        return stopEverything(running, logger);
      })
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  startUp = start(config, logger, running, () => stopping !== undefined, startedAt);
  try {
    await startUp;
  } catch (error) {
    if (stopping) return;
    // A server that never started cannot have in-flight requests: stop quickly.
    stopping = Promise.resolve();
    process.stderr.write(`briefgraph: ${(error as Error).message}\n`);
    logger.debug('start-up failure', { stack: (error as Error).stack });
    running.server = undefined;
    await stopEverything(running, logger);
    process.exit(1);
  }
}

/** The server's options from the configuration (start-up has opened the data source, and Redis if configured). */
function serverOptions(config: Config, logger: Logger, dataSource: DataSource, redis: Redis | undefined, safelist: ServerOptions['safelist']): ServerOptions {
  return {
    dataSource,
    logger,
    shutdownTimeoutMilliseconds: config.shutdownTimeoutMilliseconds - closingAllowance(config.shutdownTimeoutMilliseconds),
    shutdownIdleGraceMilliseconds: config.shutdownIdleGraceMilliseconds,
    requestTimeoutMilliseconds: config.requestTimeoutMilliseconds,
    limits: { maximumDepth: config.maximumQueryDepth, maximumNodes: config.maximumQueryNodes, maximumCost: config.maximumQueryCost },
    databaseShare: config.databaseShare,
    requestsInFlightPerClient: config.requestsInFlightPerClient,
    corsOrigins: config.corsOrigins,
    metricsToken: config.metricsToken,
    requestLimits: config.requestLimits,
    production: config.production,
    introspection: config.introspection,
    rateLimit: { points: config.rateLimitPoints, windowSeconds: config.rateLimitWindowSeconds },
    trustProxy: config.trustProxy,
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
    changeRetentionSeconds: config.changeRetentionSeconds,
    webhooks: { allowPrivateTargets: config.webhookAllowPrivateTargets, timeoutMilliseconds: config.webhookTimeoutMilliseconds },
    safelist,
    safelistOnly: config.safelistOnly,
    redis,
    publications: { baseUrl: config.publicBaseUrl, citationStylesDirectory: config.citationStylesDirectory },
  };
}

async function start(config: Config, logger: Logger, running: Running, stopRequested: () => boolean, startedAt: number): Promise<void> {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    running.embedded = new EmbeddedDatabase({ dataDirectory: config.dataDirectory, logger, shareWithCommands: true });
    databaseUrl = await running.embedded.start();
    logger.info('embedded PostgreSQL is running', { dataDirectory: config.dataDirectory });
  }
  running.dataSource = await connectDataSource(
    createDataSource(databaseUrl, { connectTimeoutMilliseconds: config.databaseConnectTimeoutMilliseconds, logger: statementCountingLogger(logger) }),
    databaseUrl,
  );
  await runPendingMigrations(running.dataSource, logger);
  const shouldSeed = config.seedOnStart === 'always' || (config.seedOnStart === 'if-empty' && (await isKnowledgeBaseEmpty(running.dataSource)));
  if (shouldSeed) {
    const summary = await loadSeedDataset(running.dataSource, config.seedDirectory);
    logger.info('loaded the seed dataset', { from: config.seedDirectory, summary: describeSeedSummary(summary) });
  }
  if (config.adminApiKey) {
    const outcome = await ensureBootstrapAdminKey(running.dataSource.manager, config.adminApiKey);
    if (outcome === 'revoked') logger.warn(`ADMIN_API_KEY is the secret of the "${bootstrapKeyName}" key, which an admin revoked; it stays revoked`);
    else logger.info(`ADMIN_API_KEY: the "${bootstrapKeyName}" admin key is ${outcome === 'unchanged' ? 'in place' : outcome}`);
  }
  // Requests get a data source of their own, with a short wait for a connection and PostgreSQL's
  // statement_timeout: the migrations and seeding above must not be held to either.
  const startUpDataSource = running.dataSource;
  running.dataSource = undefined;
  await startUpDataSource.destroy();
  running.dataSource = await connectDataSource(
    createDataSource(databaseUrl, {
      connectTimeoutMilliseconds: config.databasePoolTimeoutMilliseconds,
      statementTimeoutMilliseconds: config.statementTimeoutMilliseconds,
      logger: statementCountingLogger(logger),
    }),
    databaseUrl,
  );
  if (stopRequested()) return;
  const safelist = config.safelistFile ? readSafelist(config.safelistFile) : undefined;
  if (config.redisUrl) {
    running.redis = connectRedis(config.redisUrl, logger);
    await redisReady(running.redis).catch(() => {
      throw new Error(`cannot reach Redis at REDIS_URL (${redactDatabaseUrl(config.redisUrl!)}) within 3 s; start it or unset REDIS_URL`);
    });
  }
  running.server = await createServer(serverOptions(config, logger, running.dataSource, running.redis, safelist));
  if (stopRequested()) return;
  const port = await running.server.listen(config.port, config.host);
  logger.info(`Briefgraph is serving GraphQL at http://localhost:${port}/graphql`, { startupMilliseconds: Date.now() - startedAt });
}

void main();
