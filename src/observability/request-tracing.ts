/**
 * Ties a /graphql request's trace to Briefgraph's own view of it: added to the request chain
 * (after the request ID is known) and to Apollo's plugins only when tracing is on. Names the
 * HTTP span after the route, and puts the request ID and the operation on it; the request ID
 * also goes into the context, so every span below carries it (request-id-span-processor.ts).
 */
import { context, trace } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
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

export function operationTracingPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const span = trace.getActiveSpan();
          if (operation) span?.setAttribute('graphql.operation.type', operation.operation);
          if (operationName) span?.setAttribute('graphql.operation.name', operationName);
        },
      };
    },
  };
}
