/**
 * Prometheus metrics, served at GET /metrics.
 *
 * Each server has its own registry (tests run several servers in one process, and a
 * shared default registry would make their metrics collide); process metrics (CPU,
 * memory, event loop) describe the whole process, so they live in one registry per
 * process and are appended to every server's answer.
 *
 * Other parts of the server record through the functions below, given the server's
 * `ServerMetrics`: the `metrics` of `createServer`, handed to the middleware's or the
 * plugin's factory.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type express from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { jsonError } from './json-errors';
import { ErrorCode } from '../shared/error-codes';

/** What a request to /graphql came to; `rejected`: refused before GraphQL (401, 413, 429…); `aborted`: the client went away first. */
export type RequestOutcome = 'ok' | 'user_error' | 'error' | 'rejected' | 'aborted';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  requestErrors: Counter<'operation' | 'code'>;
  requestDuration: Histogram<'operation'>;
  sqlStatementsPerRequest: Histogram;
  databasePoolConnections: Gauge<'pool' | 'state'>;
  responseCacheLookups: Counter<'result'>;
  rateLimitRejections: Counter;
  /** The connection pools the pool gauges report, by pool label. */
  databasePools: Map<string, DataSource>;
  /** Operation names already given a label of their own (bounded; see `operationLabel`). */
  operationLabels: Set<string>;
}

/** Beyond this many distinct operation names, new names are counted as "other". */
export const maximumOperationLabels = 500;
const operationNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const errorCodePattern = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Database connections per pool and state, read at scrape time, so the figures are current and nothing polls in between. */
function poolConnectionsGauge(registry: Registry, databasePools: Map<string, DataSource>): Gauge<'pool' | 'state'> {
  return new Gauge({
    name: 'briefgraph_database_pool_connections',
    help: 'Database connections per pool (writer: keyed requests and writes; published: anonymous reads), by state: total, idle, and requests waiting for one.',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [pool, dataSource] of databasePools) {
        const connections = connectionPoolOf(dataSource);
        this.set({ pool, state: 'total' }, connections?.totalCount ?? 0);
        this.set({ pool, state: 'idle' }, connections?.idleCount ?? 0);
        this.set({ pool, state: 'waiting' }, connections?.waitingCount ?? 0);
      }
    },
  });
}

export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const databasePools = new Map<string, DataSource>();
  const metrics: ServerMetrics = {
    registry,
    databasePools,
    operationLabels: new Set(),
    requests: new Counter({
      name: 'briefgraph_requests_total',
      help: 'GraphQL requests to /graphql, by operation name and outcome (ok, user_error, error, rejected, aborted).',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    requestErrors: new Counter({
      name: 'briefgraph_request_errors_total',
      help: 'Error codes answered to /graphql requests (GraphQL errors, user errors and refusals), once per code per request.',
      labelNames: ['operation', 'code'] as const,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'briefgraph_request_duration_seconds',
      help: 'Time from receiving a /graphql request to sending the whole answer.',
      labelNames: ['operation'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    sqlStatementsPerRequest: new Histogram({
      name: 'briefgraph_sql_statements_per_request',
      help: 'SQL statements issued by one /graphql request that reached GraphQL.',
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    databasePoolConnections: poolConnectionsGauge(registry, databasePools),
    responseCacheLookups: new Counter({
      name: 'briefgraph_response_cache_lookups_total',
      help: 'Response cache lookups, by result (hit or miss).',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    rateLimitRejections: new Counter({
      name: 'briefgraph_rate_limit_rejections_total',
      help: 'Requests refused because their client exceeded its rate limit.',
      registers: [registry],
    }),
  };
  // Both results appear (at 0) before the first lookup, so dashboards and alerts see the series.
  metrics.responseCacheLookups.inc({ result: 'hit' }, 0);
  metrics.responseCacheLookups.inc({ result: 'miss' }, 0);
  return metrics;
}

interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pg Pool behind a TypeORM PostgreSQL data source; undefined before it connects or after it closes. */
function connectionPoolOf(dataSource: DataSource): PgPoolCounts | undefined {
  const pool = (dataSource.driver as unknown as { master?: PgPoolCounts } | undefined)?.master;
  return pool && typeof pool.totalCount === 'number' ? pool : undefined;
}

/** Reports these data sources' pools in `briefgraph_database_pool_connections`, labelled by key. */
export function watchDatabasePools(metrics: ServerMetrics, pools: Record<string, DataSource>): void {
  for (const [name, dataSource] of Object.entries(pools)) metrics.databasePools.set(name, dataSource);
}

/** A response cache lookup (for the response cache). */
export function recordCacheLookup(metrics: ServerMetrics | undefined, hit: boolean): void {
  metrics?.responseCacheLookups.inc({ result: hit ? 'hit' : 'miss' });
}

/** A request refused by the rate limiter (for the rate limiter). */
export function recordRateLimitRejection(metrics: ServerMetrics | undefined): void {
  metrics?.rateLimitRejections.inc();
}

/**
 * The `operation` label: the operation name, "anonymous" without one, and "other" for
 * names that are odd or arrive after `maximumOperationLabels` distinct ones, so that
 * clients inventing names cannot grow the number of series without bound.
 */
export function operationLabel(metrics: ServerMetrics, operationName: string | null | undefined): string {
  if (!operationName) return 'anonymous';
  if (!operationNamePattern.test(operationName)) return 'other';
  if (metrics.operationLabels.has(operationName)) return operationName;
  if (metrics.operationLabels.size >= maximumOperationLabels) return 'other';
  metrics.operationLabels.add(operationName);
  return operationName;
}

export interface FinishedRequest {
  operationName: string | null;
  outcome: RequestOutcome;
  errorCodes: readonly string[];
  durationSeconds: number;
  /** Undefined when the request never reached the statement scope (refused before GraphQL). */
  sqlStatements: number | undefined;
}

/** Counts one finished /graphql request. */
export function recordRequest(metrics: ServerMetrics, request: FinishedRequest): void {
  const operation = operationLabel(metrics, request.operationName);
  metrics.requests.inc({ operation, outcome: request.outcome });
  metrics.requestDuration.observe({ operation }, request.durationSeconds);
  if (request.sqlStatements !== undefined) metrics.sqlStatementsPerRequest.observe(request.sqlStatements);
  for (const code of new Set(request.errorCodes)) {
    metrics.requestErrors.inc({ operation, code: errorCodePattern.test(code) ? code : 'OTHER' });
  }
}

let processRegistry: Registry | undefined;

/** One set of process metrics per process, however many servers it runs. */
function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The Prometheus text exposition of the server's metrics followed by the process metrics. */
export async function metricsText(metrics: ServerMetrics): Promise<string> {
  const [server, process] = await Promise.all([metrics.registry.metrics(), processMetricsRegistry().metrics()]);
  return `${server.trimEnd()}\n${process}`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** GET /metrics; with a token, only for `Authorization: Bearer <token>`. */
export function metricsRoute(app: express.Express, metrics: ServerMetrics, token: string | undefined): void {
  // Compared as digests, in constant time, so the answer's timing says nothing about the token.
  const expected = token ? digest(token) : undefined;
  app.get('/metrics', async (request, response, next) => {
    if (expected) {
      const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.get('authorization') ?? '')?.[1];
      if (!sent || !timingSafeEqual(digest(sent), expected)) {
        response.setHeader('www-authenticate', 'Bearer realm="briefgraph metrics"');
        jsonError(response, ErrorCode.UNAUTHENTICATED, 'Metrics need "Authorization: Bearer <METRICS_TOKEN>"');
        return;
      }
    }
    try {
      const text = await metricsText(metrics);
      response.setHeader('content-type', metrics.registry.contentType);
      response.setHeader('cache-control', 'no-store');
      response.send(text);
    } catch (error) {
      next(error);
    }
  });
}
