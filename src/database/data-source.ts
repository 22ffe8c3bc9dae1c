/**
 * Builds the TypeORM data source for a PostgreSQL URL. `synchronize` is never on:
 * the schema changes only through the committed migrations in ../../migrations.
 */
import path from 'node:path';
import { types } from 'pg';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { projectRoot, runningFromSources } from '../shared/project-root';
import { entities } from './entities';
import { DeadlineAwareClient } from './request-deadline';
import { statementCountingLogger } from './statement-counter';
import { silentLogger } from '../shared/logger';

// DATE columns stay 'YYYY-MM-DD' strings: a JavaScript Date would shift them with the time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export const migrationsGlob = runningFromSources ? path.join(projectRoot, 'migrations', '*.ts') : path.join(projectRoot, 'dist', 'migrations', '*.js');

export interface DataSourceOptions {
  /** How long to wait for a connection: a new one, or a free one from the full pool. */
  connectTimeoutMilliseconds?: number;
  /**
   * PostgreSQL cancels any statement running longer (statement_timeout, set on every
   * connection). Unset: no limit, for migrations, seeding and the command-line tools.
   */
  statementTimeoutMilliseconds?: number;
  poolSize?: number;
  logger?: TypeOrmLogger;
  /** Statements slower than this reach the logger's logQuerySlow. */
  slowStatementMilliseconds?: number;
}

/**
 * Settings of every pooled connection. The read engine prepares the statements it runs
 * again and again (src/read/statement-runner.ts); a compiled read can take PostgreSQL
 * longer to plan than to run, so prepared statements keep one generic plan instead of
 * being planned anew for each set of values. (Only prepared statements have cached
 * plans: the rest of the application's statements are planned each time as before.)
 */
export const connectionOptions = '-c plan_cache_mode=force_generic_plan';

export function createDataSource(databaseUrl: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: [migrationsGlob],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // Counts statements per request (and logs failures) even when nothing else is logged.
    logger: options.logger ?? statementCountingLogger(silentLogger),
    maxQueryExecutionTime: options.slowStatementMilliseconds ?? 500,
    applicationName: 'briefgraph',
    // The published-reader pool (src/http/published-data-source.ts) copies `extra`, so it gets the same limits.
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMilliseconds ?? 10_000,
      ...(options.statementTimeoutMilliseconds ? { statement_timeout: options.statementTimeoutMilliseconds } : {}),
      // TCP keepalives notice a database host that vanished without closing its connections.
      keepAlive: true,
      // Cancels a request's statements in the database when the request runs out of time.
      Client: DeadlineAwareClient,
      options: connectionOptions,
    },
  });
}
