/**
 * Reads the environment once, at start-up, into a typed configuration.
 * Every problem is reported with the variable's name and what was expected, so a
 * mistyped setting stops the server with a message instead of a surprise later.
 */
import path from 'node:path';
import { isWellFormedApiKeySecret } from './auth/api-key-secret';

import type { LogFormat, LogLevel } from './shared/logger';
import { projectRoot } from './shared/project-root';

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
  /** How long to wait for PostgreSQL to answer before giving up at start-up. */
  databaseConnectTimeoutMilliseconds: number;
  /** Deepest operation accepted. */
  maximumQueryDepth: number;
  /** Most nodes an operation may ask for in the worst case (page sizes multiplied through the nesting). */
  maximumQueryNodes: number;
  /** A secret that start-up makes a working ADMIN key named "bootstrap-admin": a fresh install's first key. */
  adminApiKey: string | undefined;
}

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

function readAdminApiKey(environment: NodeJS.ProcessEnv): string | undefined {
  const raw = environment.ADMIN_API_KEY?.trim();
  if (!raw) return undefined;
  // The value itself never appears in the message: it is a secret.
  if (!isWellFormedApiKeySecret(raw)) {
    throw new ConfigurationError('ADMIN_API_KEY must be a key as `npm run keys -- generate` prints it: "bgk_" and 43 characters of A-Z, a-z, 0-9, "-" or "_"');
  }
  return raw;
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
    databaseConnectTimeoutMilliseconds: readInteger(environment, 'DATABASE_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
    maximumQueryDepth: readInteger(environment, 'MAX_QUERY_DEPTH', 20, 2, 1000),
    maximumQueryNodes: readInteger(environment, 'MAX_QUERY_NODES', 50_000, 1, 100_000_000),
    adminApiKey: readAdminApiKey(environment),
  };
}

/** The URL with any password replaced, safe to print. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
