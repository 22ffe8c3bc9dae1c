/**
 * Runs the read engine's statements straight on the data source's pg pool (no TypeORM
 * query builder, no entity hydration), as prepared statements once a statement text
 * has been seen twice: PostgreSQL then parses and analyses it once per connection
 * instead of on every request. Statements still go through the pool's
 * DeadlineAwareClient (request timeouts) and the data source's logger (statement
 * counts, slow and failed statements), like every other statement.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Prepared statements live in each connection until it closes, so only a bounded number
 * of distinct texts are prepared: the shapes that repeat (a site's queries) stay fast, and
 * a client sending endless new shapes cannot fill the database's memory.
 */
const maximumPreparedTexts = 400;
const maximumTextsWatched = 10_000;

const seenOnce = new Set<string>();
const preparedNames = new Map<string, string>();

/** The statement's name when it should be prepared, else undefined (sent unnamed, planned once). */
function preparedNameOf(text: string): string | undefined {
  const name = preparedNames.get(text);
  if (name) return name;
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= maximumTextsWatched) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  if (preparedNames.size >= maximumPreparedTexts) return undefined;
  const prepared = `briefgraph_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  preparedNames.set(text, prepared);
  return prepared;
}

function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the data source is not connected');
  return pool;
}

/** Runs one read statement and returns its rows. */
export async function runReadStatement<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const logger = dataSource.logger;
  logger.logQuery(text, values);
  const startedAt = Date.now();
  try {
    // A client of our own rather than pool.query(), whose callback form would bypass the request deadline.
    const client = await poolOf(dataSource).connect();
    let result;
    try {
      result = await client.query<Row & object>({ name: preparedNameOf(text), text, values });
    } finally {
      client.release();
    }
    const milliseconds = Date.now() - startedAt;
    const slowAfter = dataSource.options.maxQueryExecutionTime;
    if (slowAfter && milliseconds > slowAfter) logger.logQuerySlow(milliseconds, text, values);
    return result.rows;
  } catch (error) {
    logger.logQueryError(error as Error, text, values);
    throw error;
  }
}
