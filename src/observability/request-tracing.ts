/**
 * Ties a /graphql request's trace to Briefgraph's own view of it: added to the request chain
 * (after the request ID is known) and to the /graphql plugin only when tracing is on. Names the
 * HTTP span after the route, and puts the request ID and the operation on it; the request ID
 * also goes into the context, so every span below carries it (request-id-span-processor.ts).
 */
import { context, trace } from '@opentelemetry/api';
import type express from 'express';
import type { OperationDefinitionNode } from 'graphql';
import { requestIdAttribute, requestIdContextKey } from './request-id-span-processor';

export function traceRequest(request: express.Request, response: express.Response, next: express.NextFunction): void {
  const requestId = response.locals.requestId as string | undefined;
  const span = trace.getActiveSpan();
  span?.updateName(`${request.method} /graphql`);
  span?.setAttribute('http.route', '/graphql');
  if (!requestId) {
    next();
    return;
  }
  span?.setAttribute(requestIdAttribute, requestId);
  context.with(context.active().setValue(requestIdContextKey, requestId), next);
}

/** Once the operation is known: its type and name on the request's span. */
export function traceOperation(operationName: string | null, operation: OperationDefinitionNode | undefined): void {
  const span = trace.getActiveSpan();
  if (operation) span?.setAttribute('graphql.operation.type', operation.operation);
  if (operationName) span?.setAttribute('graphql.operation.name', operationName);
}
