/**
 * Counts the SQL statements each request issues, so tests and benchmarks can pin
 * that the count depends on the shape of a query, never on page sizes or data.
 * The count lives in an AsyncLocalStorage scope opened per HTTP request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../shared/logger';

export interface StatementScope {
  statements: number;
}

const scopes = new AsyncLocalStorage<StatementScope>();

export function withStatementScope<T>(work: () => T): T {
  return scopes.run({ statements: 0 }, work);
}

export function currentStatementScope(): StatementScope | undefined {
  return scopes.getStore();
}

/** A TypeORM logger that counts statements and logs failures and slow statements through our logger. */
export function statementCountingLogger(logger: Logger, slowMilliseconds = 500): TypeOrmLogger {
  return {
    logQuery() {
      const scope = scopes.getStore();
      if (scope) scope.statements++;
    },
    logQueryError(error, query) {
      logger.debug('SQL statement failed', { error: String(error instanceof Error ? error.message : error), statement: query.slice(0, 500) });
    },
    logQuerySlow(time, query) {
      if (time >= slowMilliseconds) logger.warn('slow SQL statement', { milliseconds: time, statement: query.slice(0, 500) });
    },
    logSchemaBuild() {},
    logMigration(message) {
      logger.debug(message);
    },
    log(level, message) {
      if (level === 'warn') logger.warn(String(message));
    },
  };
}
