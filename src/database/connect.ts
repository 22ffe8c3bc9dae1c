/**
 * Opens the data source and turns the ways that can fail (nothing listening, wrong
 * password, no such database, a timeout) into one readable sentence.
 */
import type { DataSource } from 'typeorm';
import { redactDatabaseUrl } from '../shared/redact-database-url';

export class DatabaseConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConnectionError';
  }
}

function describeConnectionFailure(error: unknown, databaseUrl: string): string {
  const where = redactDatabaseUrl(databaseUrl);
  const failure = error as { code?: string; message?: string };
  switch (failure.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${where}: connection refused (is the server running and listening there?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach PostgreSQL at ${where}: the host name does not resolve`;
    case 'ETIMEDOUT':
      return `cannot reach PostgreSQL at ${where}: the connection timed out`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the credentials: ${failure.message}`;
    case '3D000':
      return `PostgreSQL at ${where} has no such database: ${failure.message}`;
    default:
      if (/timeout/i.test(failure.message ?? '')) return `cannot reach PostgreSQL at ${where}: no answer within the connect timeout`;
      return `cannot use PostgreSQL at ${where}: ${failure.message ?? String(error)}`;
  }
}

export async function connectDataSource(dataSource: DataSource, databaseUrl: string): Promise<DataSource> {
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseConnectionError(describeConnectionFailure(error, databaseUrl));
  }
  const [{ version }] = (await dataSource.query(`SELECT current_setting('server_version_num')::int AS version`)) as Array<{ version: number }>;
  if (version < 140000) {
    await dataSource.destroy();
    throw new DatabaseConnectionError(`Briefgraph needs PostgreSQL 14 or newer; ${redactDatabaseUrl(databaseUrl)} runs ${Math.floor(version / 10000)}`);
  }
  return dataSource;
}
