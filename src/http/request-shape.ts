/**
 * Checks on the shape of a GraphQL HTTP request, after its body is read and before
 * Apollo sees it: the method and content type (a JSON error, never Apollo's or
 * express's text), batches (off unless MAX_BATCH_SIZE allows, and then bounded) and
 * the size of the variables of requests without an API key; variables that are not
 * text or nest too deep (input-text.ts); a persisted-query hash that does not match
 * the query sent with it.
 */
import { createHash } from 'node:crypto';
import type express from 'express';
import type { RequestLimits } from '../config';
import { variablesProblem } from './input-text';
import { jsonError } from './json-errors';
import { plainJsonTypes } from './json-body';
import { ErrorCode } from '../shared/error-codes';

type ShapeLimits = Pick<RequestLimits, 'maximumBatchSize' | 'maximumVariablesBytes'>;

/** Why a request is refused: its code, its message, and headers to send with it. */
interface Refusal {
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
}

/** Variables as the operation carries them: parsed JSON in a POST body, JSON text in a GET query string. */
function variablesOf(operation: unknown): unknown {
  const variables = (operation as { variables?: unknown } | null)?.variables;
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables);
  } catch {
    return undefined; // Apollo answers malformed variables itself
  }
}

/** The persisted-query hash sent with a query, when both are there (Apollo's APQ registration). */
function persistedQueryHashOf(operation: unknown): { hash: string; query: string } | undefined {
  const { query, extensions } = (operation ?? {}) as { query?: unknown; extensions?: unknown };
  let parsed = extensions;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return undefined;
    }
  }
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' && typeof query === 'string' ? { hash, query } : undefined;
}

/** Problems every operation is checked for, GET or POST. */
function operationsRefusal(operations: unknown[]): Refusal | undefined {
  for (const operation of operations) {
    const problem = variablesProblem(variablesOf(operation));
    if (problem) return { code: problem.code, message: problem.message };
    const persisted = persistedQueryHashOf(operation);
    if (persisted && createHash('sha256').update(persisted.query).digest('hex') !== persisted.hash) {
      return {
        code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
        message: 'The persisted-query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent with it',
      };
    }
  }
  return undefined;
}

function batchRefusal(batch: unknown[], limits: ShapeLimits): Refusal | undefined {
  if (limits.maximumBatchSize === 0) {
    return { code: ErrorCode.BATCHING_DISABLED, message: 'Batched requests (a JSON array of operations) are not accepted; send one operation per request' };
  }
  if (batch.length === 0 || batch.length > limits.maximumBatchSize) {
    return { code: ErrorCode.BATCH_TOO_LARGE, message: `A batch may hold 1 to ${limits.maximumBatchSize} operations; this one holds ${batch.length}` };
  }
  return undefined;
}

function variablesRefusal(operations: unknown[], limits: ShapeLimits): Refusal | undefined {
  for (const operation of operations) {
    const variables = (operation as { variables?: unknown } | null)?.variables;
    const size = variables === undefined || variables === null ? 0 : Buffer.byteLength(JSON.stringify(variables));
    if (size > limits.maximumVariablesBytes) {
      return {
        code: ErrorCode.VARIABLES_TOO_LARGE,
        message: `The variables take ${size} bytes, over the limit of ${limits.maximumVariablesBytes} bytes for requests without an API key`,
      };
    }
  }
  return undefined;
}

function isJsonBody(request: express.Request): boolean {
  const type = request.headers['content-type'];
  // (request.is also wants a body: a Content-Length, or Transfer-Encoding, which the slow path checks)
  if (type !== undefined && plainJsonTypes.has(type) && /^\d+$/.test(request.headers['content-length'] ?? '')) return true;
  return Boolean(request.is('application/json'));
}

/** What is wrong with a request that is not a GET, if anything. */
function postRefusal(request: express.Request, response: express.Response, limits: ShapeLimits): Refusal | undefined {
  if (request.method !== 'POST') {
    return { code: ErrorCode.METHOD_NOT_ALLOWED, message: `GraphQL is served over GET and POST, not ${request.method}`, headers: { allow: 'GET, POST' } };
  }
  if (!isJsonBody(request)) {
    return {
      code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      message: `POST a JSON body with "Content-Type: application/json"; got ${JSON.stringify(request.get('content-type') ?? 'no content type')}`,
    };
  }
  const body: unknown = request.body;
  const batchProblem = Array.isArray(body) ? batchRefusal(body, limits) : undefined;
  if (batchProblem) return batchProblem;
  const operations = Array.isArray(body) ? body : [body];
  return operationsRefusal(operations) ?? (response.locals.viewer ? undefined : variablesRefusal(operations, limits));
}

export function checkRequestShape(limits: ShapeLimits) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    if (request.method === 'GET') {
      // Apollo reads GET operations from the URL; its express integration still wants a body.
      request.body = undefined;
    }
    const refusal = request.method === 'GET' ? operationsRefusal([request.query]) : postRefusal(request, response, limits);
    if (!refusal) {
      next();
      return;
    }
    for (const [name, value] of Object.entries(refusal.headers ?? {})) response.setHeader(name, value);
    jsonError(response, refusal.code, refusal.message);
  };
}
