/**
 * `/healthz`: the process is alive. `/readyz`: it can serve — it is not draining, and
 * PostgreSQL answers a new connection within a short timeout.
 *
 * The readiness check opens a connection of its own rather than borrowing one from the
 * pool: a busy pool must not make a healthy server look unready, and a database that
 * has just come back is seen as soon as it accepts connections. Concurrent probes share
 * one check.
 */
import type express from 'express';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connectionConfig } from '../database/connection-config';

export const defaultReadinessTimeoutMilliseconds = 1000;

export interface HealthOptions {
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMilliseconds?: number;
}

/** Resolves true when the database answers within the timeout; never rejects. */
export function databaseAnswers(dataSource: DataSource, timeoutMilliseconds: number): Promise<boolean> {
  return new Promise((resolve) => {
    const client = new pg.Client({
      ...connectionConfig(dataSource, timeoutMilliseconds),
      application_name: 'briefgraph readiness',
      query_timeout: timeoutMilliseconds,
    });
    let settled = false;
    const finish = (answered: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answered);
      client.end().catch(() => undefined);
    };
    // The client's own timeouts cover connecting and the query; this covers anything between.
    const timer = setTimeout(() => finish(false), timeoutMilliseconds + 100);
    client.on('error', () => finish(false));
    client
      .connect()
      .then(() => client.query('SELECT 1'))
      .then(
        () => finish(true),
        () => finish(false),
      );
  });
}

export function healthRoutes(app: express.Express, dataSource: DataSource, isDraining: () => boolean, options: HealthOptions = {}): void {
  const timeoutMilliseconds = options.readinessTimeoutMilliseconds ?? defaultReadinessTimeoutMilliseconds;
  let checkInFlight: Promise<boolean> | undefined;

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    if (isDraining()) {
      response.status(503).json({ status: 'draining' });
      return;
    }
    checkInFlight ??= databaseAnswers(dataSource, timeoutMilliseconds).finally(() => {
      checkInFlight = undefined;
    });
    const answered = await checkInFlight;
    if (isDraining()) response.status(503).json({ status: 'draining' });
    else if (answered) response.json({ status: 'ready' });
    else response.status(503).json({ status: 'database unavailable' });
  });
}
