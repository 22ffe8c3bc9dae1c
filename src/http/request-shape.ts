/**
 * Checks on the shape of a GraphQL HTTP request, after its body is read and before
 * Apollo sees it: the method and content type (a JSON error, never Apollo's or
 * express's text), batches (off unless MAX_BATCH_SIZE allows, and then bounded) and
 * the size of the variables of requests without an API key.
 */
import type express from 'express';
import type { RequestLimits } from '../config';
import { jsonError } from './json-errors';
import { ErrorCode } from '../shared/error-codes';

type ShapeLimits = Pick<RequestLimits, 'maximumBatchSize' | 'maximumVariablesBytes'>;

/** Why a request is refused: its code, its message, and headers to send with it. */
interface Refusal {
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
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
      return { code: ErrorCode.VARIABLES_TOO_LARGE, message: `The variables take ${size} bytes, over the limit of ${limits.maximumVariablesBytes} bytes for requests without an API key` };
    }
  }
  return undefined;
}

/** What is wrong with a request that is not a GET, if anything. */
function postRefusal(request: express.Request, response: express.Response, limits: ShapeLimits): Refusal | undefined {
  if (request.method !== 'POST') {
    return { code: ErrorCode.METHOD_NOT_ALLOWED, message: `GraphQL is served over GET and POST, not ${request.method}`, headers: { allow: 'GET, POST' } };
  }
  if (!request.is('application/json')) {
    return { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: `POST a JSON body with "Content-Type: application/json"; got ${JSON.stringify(request.get('content-type') ?? 'no content type')}` };
  }
  const body: unknown = request.body;
  const batchProblem = Array.isArray(body) ? batchRefusal(body, limits) : undefined;
  if (batchProblem || response.locals.viewer) return batchProblem;
  return variablesRefusal(Array.isArray(body) ? body : [body], limits);
}

export function checkRequestShape(limits: ShapeLimits) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    if (request.method === 'GET') {
      // Apollo reads GET operations from the URL; its express integration still wants a body.
      request.body = undefined;
      next();
      return;
    }
    const refusal = postRefusal(request, response, limits);
    if (!refusal) {
      next();
      return;
    }
    for (const [name, value] of Object.entries(refusal.headers ?? {})) response.setHeader(name, value);
    jsonError(response, refusal.code, refusal.message);
  };
}
