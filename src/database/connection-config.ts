/** The data source's connection settings, for a pg client of its own outside the pool (readiness checks, listening for changes). */
import type pg from 'pg';
import type { DataSource } from 'typeorm';

export function connectionConfig(dataSource: DataSource, timeoutMilliseconds: number): pg.ClientConfig {
  const options = dataSource.options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string; ssl?: unknown };
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl as pg.ClientConfig['ssl'],
    connectionTimeoutMillis: timeoutMilliseconds,
    keepAlive: true,
  };
}
