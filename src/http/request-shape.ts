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

/** Problems every operation is checked for, GET or POST: false once it has answered. */
function checkOperations(operations: unknown[], response: express.Response): boolean {
  for (const operation of operations) {
    const problem = variablesProblem(variablesOf(operation));
    if (problem) {
      jsonError(response, 400, problem.code, problem.message);
      return false;
    }
    const persisted = persistedQueryHashOf(operation);
    if (persisted && createHash('sha256').update(persisted.query).digest('hex') !== persisted.hash) {
      jsonError(response, 400, 'PERSISTED_QUERY_HASH_MISMATCH', 'The persisted-query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent with it');
      return false;
    }
  }
  return true;
}

export function checkRequestShape(limits: Pick<RequestLimits, 'maximumBatchSize' | 'maximumVariablesBytes'>) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    if (request.method === 'GET') {
      // Apollo reads GET operations from the URL; its express integration still wants a body.
      request.body = undefined;
      if (checkOperations([request.query], response)) next();
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'GET, POST');
      jsonError(response, 405, 'METHOD_NOT_ALLOWED', `GraphQL is served over GET and POST, not ${request.method}`);
      return;
    }
    if (!request.is('application/json')) {
      jsonError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', `POST a JSON body with "Content-Type: application/json"; got ${JSON.stringify(request.get('content-type') ?? 'no content type')}`);
      return;
    }
    const body: unknown = request.body;
    const operations = Array.isArray(body) ? body : [body];
    if (Array.isArray(body)) {
      if (limits.maximumBatchSize === 0) {
        jsonError(response, 400, 'BATCHING_DISABLED', 'Batched requests (a JSON array of operations) are not accepted; send one operation per request');
        return;
      }
      if (body.length === 0 || body.length > limits.maximumBatchSize) {
        jsonError(response, 400, 'BATCH_TOO_LARGE', `A batch may hold 1 to ${limits.maximumBatchSize} operations; this one holds ${body.length}`);
        return;
      }
    }
    if (!checkOperations(operations, response)) return;
    if (!response.locals.viewer) {
      for (const operation of operations) {
        const variables = (operation as { variables?: unknown } | null)?.variables;
        const size = variables === undefined || variables === null ? 0 : Buffer.byteLength(JSON.stringify(variables));
        if (size > limits.maximumVariablesBytes) {
          jsonError(response, 413, 'VARIABLES_TOO_LARGE', `The variables take ${size} bytes, over the limit of ${limits.maximumVariablesBytes} bytes for requests without an API key`);
          return;
        }
      }
    }
    next();
  };
}
