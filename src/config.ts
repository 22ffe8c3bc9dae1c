/**
 * Reads the environment once, at start-up, into a typed configuration.
 * Every problem is reported with the variable's name and what was expected, so a
 * mistyped setting stops the server with a message instead of a surprise later.
 */
import path from 'node:path';
import { isWellFormedApiKeySecret } from './auth/api-key-secret';

import type { CorsOrigins } from './http/cors';
import type { LogFormat, LogLevel } from './shared/logger';
import { projectRoot } from './shared/project-root';
import { defaultDatabaseShare } from './traffic/database-share';

export type SeedOnStart = 'if-empty' | 'always' | 'never';

export interface Config {
  /** TCP port for HTTP; 0 picks a free one. */
  port: number;
  /** Interface to bind; default all interfaces. */
  host: string;
  /** A PostgreSQL URL; when absent, an embedded PostgreSQL is started under dataDirectory. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDirectory: string;
  /** Folder with the shipped seed dataset. */
  seedDirectory: string;
  seedOnStart: SeedOnStart;
  logLevel: LogLevel;
  /** json for log collectors; pretty for a person at a terminal (the default there). */
  logFormat: LogFormat;
  /** How long to wait for in-flight requests on shutdown before closing them. */
  shutdownTimeoutMilliseconds: number;
  /** How long idle keep-alive connections stay open once shutdown begins, so a request already on its way is answered. */
  shutdownIdleGraceMilliseconds: number;
  /** How long to wait for PostgreSQL to answer before giving up at start-up. */
  databaseConnectTimeoutMilliseconds: number;
  /** A /graphql request still running after this gets 504 TIMEOUT and its database work is cancelled. */
  requestTimeoutMilliseconds: number;
  /** PostgreSQL cancels a request's statement running longer than this (statement_timeout); never above the request timeout. */
  statementTimeoutMilliseconds: number;
  /** How long a request waits for a database connection before failing with SERVICE_UNAVAILABLE. */
  databasePoolTimeoutMilliseconds: number;
  /** Fair use of the pool: requests of one client using the database at once, connections of one request at once. */
  databaseShare: { perClient: number; perRequest: number };
  /** Requests one client may have in flight at once. */
  requestsInFlightPerClient: number;
  /** Deepest operation accepted. */
  maximumQueryDepth: number;
  /** Most nodes an operation may ask for in the worst case (page sizes multiplied through the nesting). */
  maximumQueryNodes: number;
  /** Most points one operation may cost: nodes / 100 plus the work of expensive fields. */
  maximumQueryCost: number;
  /** A secret that start-up makes a working ADMIN key named "bootstrap-admin": a fresh install's first key. */
  adminApiKey: string | undefined;
  /** Origins whose web pages may call /graphql from a browser: exact origins, or '*' for any; empty: none. */
  corsOrigins: CorsOrigins;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; unset: /metrics is open. */
  metricsToken: string | undefined;
  /** Limits on what one request may ask, checked before anything runs (src/http/request-shape.ts, and Apollo's options in src/server.ts). */
  requestLimits: RequestLimits;
  /** Production mode (NODE_ENV=production): no schema details such as "Did you mean" in client errors. */
  production: boolean;
  /** Whether the schema may be introspected; on by default, since the API is public and documented. */
  introspection: boolean;
  /** Points per client (API key, else IP) per window; 0 turns rate limiting off. */
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  /** How many proxies (or CDN hops) in front append to X-Forwarded-For; the client address is the one before them. 0: use the connection's address. */
  trustProxy: number;
  /** Seconds anonymous reads may be cached (server-side and by CDNs); 0 turns the response cache off. */
  cacheMaxAgeSeconds: number;
  /** Whether webhooks may point to private, loopback and link-local addresses. */
  webhookAllowPrivateTargets: boolean;
  /** How long one webhook delivery attempt may take. */
  webhookTimeoutMilliseconds: number;
  /** How long the change feed keeps changes; an older cursor fails with CHANGE_CURSOR_EXPIRED. */
  changeRetentionSeconds: number;
  /** A file of registered operations; with safelistOnly, only they run. */
  safelistFile: string | undefined;
  safelistOnly: boolean;
  /** Redis for the response cache, persisted queries and rate-limit counters shared by several instances. */
  redisUrl: string | undefined;
  /** Public address of this server (PUBLIC_BASE_URL); stable per-brief URLs, JSON-LD and feeds start with it. Unset: the request's own address (GraphQL: http://localhost:4000). */
  publicBaseUrl: string | undefined;
  /** A folder of extra CSL styles (CITATION_STYLES_DIR), each `.csl` file a style named after it. */
  citationStylesDirectory: string | undefined;
}

export interface RequestLimits {
  maximumAliases: number;
  maximumDirectives: number;
  maximumTokens: number;
  /** Fields and fragment spreads validation may walk, fragments expanded (Apollo's maxRecursiveSelections). */
  maximumSelections: number;
  /** Bytes of JSON variables in a request without an API key. */
  maximumVariablesBytes: number;
  /** Operations in one batched request; 0 turns batching off. */
  maximumBatchSize: number;
}

export const defaultRequestLimits: RequestLimits = {
  maximumAliases: 30,
  maximumDirectives: 50,
  maximumTokens: 5000,
  maximumSelections: 20_000,
  maximumVariablesBytes: 64 * 1024,
  maximumBatchSize: 0,
};

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

function readInteger(environment: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number, maximum: number): number {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigurationError(`${name} must be a whole number between ${minimum} and ${maximum}, got "${raw}"`);
  }
  const value = Number(raw.trim());
  if (value < minimum || value > maximum) {
    throw new ConfigurationError(`${name} must be between ${minimum} and ${maximum}, got ${value}`);
  }
  return value;
}

function readChoice<T extends string>(environment: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim() as T;
  if (!choices.includes(value)) {
    throw new ConfigurationError(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return value;
}

function readDatabaseUrl(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.DATABASE_URL;
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigurationError('DATABASE_URL is not a valid URL; expected postgresql://user:password@host:port/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigurationError(`DATABASE_URL must start with postgresql:// or postgres://, got "${url.protocol}//"`);
  }
  return raw.trim();
}

function readBoolean(environment: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = environment[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigurationError(`${name} must be true or false, got "${environment[name]}"`);
}

function readSafelistOnly(environment: NodeJS.ProcessEnv): boolean {
  const only = readBoolean(environment, 'SAFELIST_ONLY', false);
  if (only && !environment.SAFELIST_FILE?.trim())
    throw new ConfigurationError('SAFELIST_ONLY=true needs SAFELIST_FILE: the manifest of the operations that may run');
  return only;
}

function readRedisUrl(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.REDIS_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError('REDIS_URL is not a valid URL; expected redis://host:port[/database]');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new ConfigurationError(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}//"`);
  return raw;
}

function readAdminApiKey(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.ADMIN_API_KEY?.trim();
  if (!raw) return undefined;
  // The value itself never appears in the message: it is a secret.
  if (!isWellFormedApiKeySecret(raw)) {
    throw new ConfigurationError('ADMIN_API_KEY must be a key as `npm run keys -- generate` prints it: "bgk_" and 43 characters of A-Z, a-z, 0-9, "-" or "_"');
  }
  return raw;
}

function readCorsOrigins(environment: NodeJS.ProcessEnv): CorsOrigins {
  const raw = environment.CORS_ORIGINS?.trim();
  if (!raw) return [];
  if (raw === '*') return '*';
  const origins: string[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    // An origin is scheme, host and port only; a trailing "/" is forgiven, a path is not.
    const isOrigin =
      url && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
    if (!url || !isOrigin) {
      throw new ConfigurationError(
        `CORS_ORIGINS must be "*" or a comma-separated list of origins such as https://app.example.org (http or https, host, optional port; no path), got "${entry}"`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

function readMetricsToken(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.METRICS_TOKEN?.trim();
  if (!raw) return undefined;
  // The value itself never appears in the message: it is a secret.
  if (!/^[\x21-\x7e]{16,512}$/.test(raw)) {
    throw new ConfigurationError('METRICS_TOKEN must be 16 to 512 visible ASCII characters without spaces, such as the output of `openssl rand -hex 32`');
  }
  return raw;
}

function readTimeouts(
  environment: NodeJS.ProcessEnv,
): Pick<Config, 'requestTimeoutMilliseconds' | 'statementTimeoutMilliseconds' | 'databasePoolTimeoutMilliseconds'> {
  const requestTimeoutMilliseconds = readInteger(environment, 'REQUEST_TIMEOUT_MS', 10_000, 100, 3_600_000);
  // A statement may not outlive its request: the default follows a smaller request timeout.
  const statementTimeoutMilliseconds = readInteger(environment, 'STATEMENT_TIMEOUT_MS', Math.min(5000, requestTimeoutMilliseconds), 10, 3_600_000);
  if (statementTimeoutMilliseconds > requestTimeoutMilliseconds) {
    throw new ConfigurationError(
      `STATEMENT_TIMEOUT_MS (${statementTimeoutMilliseconds}) must not be larger than REQUEST_TIMEOUT_MS (${requestTimeoutMilliseconds})`,
    );
  }
  return {
    requestTimeoutMilliseconds,
    statementTimeoutMilliseconds,
    databasePoolTimeoutMilliseconds: readInteger(environment, 'DATABASE_POOL_TIMEOUT_MS', 2000, 100, 600_000),
  };
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readInteger(environment, 'PORT', 4000, 0, 65535),
    host: environment.HOST?.trim() || '0.0.0.0',
    databaseUrl: readDatabaseUrl(environment),
    dataDirectory: path.resolve(environment.DATA_DIR?.trim() || '.data'),
    seedDirectory: path.resolve(environment.SEED_DIR?.trim() || path.join(projectRoot, 'seeds')),
    seedOnStart: readChoice(environment, 'SEED_ON_START', ['if-empty', 'always', 'never'] as const, 'if-empty'),
    logLevel: readChoice(environment, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    logFormat: readChoice(environment, 'LOG_FORMAT', ['json', 'pretty'] as const, process.stderr.isTTY ? 'pretty' : 'json'),
    shutdownTimeoutMilliseconds: readInteger(environment, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    shutdownIdleGraceMilliseconds: readInteger(environment, 'SHUTDOWN_IDLE_GRACE_MS', 1000, 0, 600_000),
    databaseConnectTimeoutMilliseconds: readInteger(environment, 'DATABASE_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
    ...readTimeouts(environment),
    maximumQueryDepth: readInteger(environment, 'MAX_QUERY_DEPTH', 20, 2, 1000),
    maximumQueryNodes: readInteger(environment, 'MAX_QUERY_NODES', 50_000, 1, 100_000_000),
    maximumQueryCost: readInteger(environment, 'MAX_QUERY_COST', 1000, 1, 100_000_000),
    requestsInFlightPerClient: readInteger(environment, 'REQUESTS_IN_FLIGHT_PER_CLIENT', 20, 1, 100_000),
    databaseShare: {
      perClient: readInteger(environment, 'DATABASE_REQUESTS_PER_CLIENT', defaultDatabaseShare.perClient, 1, 10_000),
      perRequest: readInteger(environment, 'DATABASE_CONNECTIONS_PER_REQUEST', defaultDatabaseShare.perRequest, 1, 10_000),
    },
    adminApiKey: readAdminApiKey(environment),
    corsOrigins: readCorsOrigins(environment),
    metricsToken: readMetricsToken(environment),
    requestLimits: {
      maximumAliases: readInteger(environment, 'MAX_QUERY_ALIASES', defaultRequestLimits.maximumAliases, 0, 100_000),
      maximumDirectives: readInteger(environment, 'MAX_QUERY_DIRECTIVES', defaultRequestLimits.maximumDirectives, 0, 100_000),
      maximumTokens: readInteger(environment, 'MAX_QUERY_TOKENS', defaultRequestLimits.maximumTokens, 100, 1_000_000),
      maximumSelections: readInteger(environment, 'MAX_QUERY_SELECTIONS', defaultRequestLimits.maximumSelections, 100, 10_000_000),
      maximumVariablesBytes: readInteger(environment, 'MAX_VARIABLES_BYTES', defaultRequestLimits.maximumVariablesBytes, 0, 100 * 1024 * 1024),
      maximumBatchSize: readInteger(environment, 'MAX_BATCH_SIZE', defaultRequestLimits.maximumBatchSize, 0, 100),
    },
    production: environment.NODE_ENV?.trim() === 'production',
    introspection: readBoolean(environment, 'INTROSPECTION', true),
    rateLimitPoints: readInteger(environment, 'RATE_LIMIT_POINTS', 20_000, 0, 100_000_000),
    rateLimitWindowSeconds: readInteger(environment, 'RATE_LIMIT_WINDOW_SECONDS', 3600, 1, 86_400),
    trustProxy: readInteger(environment, 'TRUST_PROXY', 0, 0, 10),
    cacheMaxAgeSeconds: readInteger(environment, 'CACHE_MAX_AGE_SECONDS', 60, 0, 86_400),
    changeRetentionSeconds: readInteger(environment, 'CHANGE_RETENTION_HOURS', 168, 1, 8_760) * 3600,
    webhookAllowPrivateTargets: readInteger(environment, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', 0, 0, 1) === 1,
    webhookTimeoutMilliseconds: readInteger(environment, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    safelistFile: environment.SAFELIST_FILE?.trim() ? path.resolve(environment.SAFELIST_FILE.trim()) : undefined,
    safelistOnly: readSafelistOnly(environment),
    redisUrl: readRedisUrl(environment),
    publicBaseUrl: readPublicBaseUrl(environment),
    citationStylesDirectory: environment.CITATION_STYLES_DIR?.trim() ? path.resolve(environment.CITATION_STYLES_DIR.trim()) : undefined,
  };
}

function readPublicBaseUrl(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.PUBLIC_BASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new ConfigurationError(`PUBLIC_BASE_URL must be an http(s) address such as https://briefgraph.example.org (no query or fragment), got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}
