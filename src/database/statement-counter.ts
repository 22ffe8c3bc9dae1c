/**
 * Counts the SQL statements each request issues, so tests and benchmarks can pin
 * that the count depends on the shape of a query, never on page sizes or data, and
 * keeps each distinct statement (with the values of its first run), from which the
 * response cache learns what tables an answer read (src/caching/tables-read.ts).
 * The scope is an AsyncLocalStorage store opened per HTTP request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../shared/logger';

export interface StatementScope {
  statements: number;
  /** Each distinct statement text the request ran, with the values it first ran with. */
  texts: Map<string, readonly unknown[]>;
}

const scopes = new AsyncLocalStorage<StatementScope>();

export function withStatementScope<T>(work: () => T): T {
  return scopes.run({ statements: 0, texts: new Map() }, work);
}

export function currentStatementScope(): StatementScope | undefined {
  return scopes.getStore();
}

/** A TypeORM logger that counts statements and logs failures and slow statements through our logger. */
export function statementCountingLogger(logger: Logger, slowMilliseconds = 500): TypeOrmLogger {
  return {
    logQuery(query, parameters) {
      const scope = scopes.getStore();
      if (!scope) return;
      scope.statements++;
      if (!scope.texts.has(query)) scope.texts.set(query, Array.isArray(parameters) ? parameters : []);
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
