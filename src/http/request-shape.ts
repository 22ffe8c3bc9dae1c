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

export function checkRequestShape(limits: Pick<RequestLimits, 'maximumBatchSize' | 'maximumVariablesBytes'>) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    if (request.method === 'GET') {
      // Apollo reads GET operations from the URL; its express integration still wants a body.
      request.body = undefined;
      next();
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'GET, POST');
      jsonError(response, ErrorCode.METHOD_NOT_ALLOWED, `GraphQL is served over GET and POST, not ${request.method}`);
      return;
    }
    if (!request.is('application/json')) {
      jsonError(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, `POST a JSON body with "Content-Type: application/json"; got ${JSON.stringify(request.get('content-type') ?? 'no content type')}`);
      return;
    }
    const body: unknown = request.body;
    const operations = Array.isArray(body) ? body : [body];
    if (Array.isArray(body)) {
      if (limits.maximumBatchSize === 0) {
        jsonError(response, ErrorCode.BATCHING_DISABLED, 'Batched requests (a JSON array of operations) are not accepted; send one operation per request');
        return;
      }
      if (body.length === 0 || body.length > limits.maximumBatchSize) {
        jsonError(response, ErrorCode.BATCH_TOO_LARGE, `A batch may hold 1 to ${limits.maximumBatchSize} operations; this one holds ${body.length}`);
        return;
      }
    }
    if (!response.locals.viewer) {
      for (const operation of operations) {
        const variables = (operation as { variables?: unknown } | null)?.variables;
        const size = variables === undefined || variables === null ? 0 : Buffer.byteLength(JSON.stringify(variables));
        if (size > limits.maximumVariablesBytes) {
          jsonError(response, ErrorCode.VARIABLES_TOO_LARGE, `The variables take ${size} bytes, over the limit of ${limits.maximumVariablesBytes} bytes for requests without an API key`);
          return;
        }
      }
    }
    next();
  };
}
