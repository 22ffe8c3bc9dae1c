/**
 * Runs a command-line task against DATABASE_URL, or the embedded database in DATA_DIR (the one
 * a running server has started, else one started for the task), and exits with a clear status.
 */
import { loadConfig, type Config } from '../config';
import { connectDataSource } from '../database/connect';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase, runningEmbeddedDatabaseUrl } from '../database/embedded-postgres';
import { createLogger, type Logger } from '../shared/logger';
import type { DataSource } from 'typeorm';

export function withDatabase(task: (dataSource: DataSource, logger: Logger, config: Config) => Promise<void>): void {
  void (async () => {
    let embedded: EmbeddedDatabase | undefined;
    let dataSource: DataSource | undefined;
    let exitCode = 0;
    try {
      const config = loadConfig();
      const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.logFormat);
      // Beside a running `npm start` on the same data directory, use its PostgreSQL rather than refuse.
      let databaseUrl = config.databaseUrl ?? runningEmbeddedDatabaseUrl(config.dataDirectory);
      if (!databaseUrl) {
        embedded = new EmbeddedDatabase({ dataDirectory: config.dataDirectory, logger });
        databaseUrl = await embedded.start();
      }
      dataSource = await connectDataSource(
        createDataSource(databaseUrl, { connectTimeoutMilliseconds: config.databaseConnectTimeoutMilliseconds }),
        databaseUrl,
      );
      await task(dataSource, logger, config);
    } catch (error) {
      process.stderr.write(`briefgraph: ${(error as Error).message}\n`);
      exitCode = 1;
    } finally {
      if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
      await embedded?.stop().catch(() => undefined);
    }
    process.exit(exitCode);
  })();
}
