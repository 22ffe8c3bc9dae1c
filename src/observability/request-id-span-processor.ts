/**
 * Puts the request ID on every span started inside a request (the HTTP span, resolver batches,
 * SQL statements), so an operator can go from a log line's requestId to its trace and back.
 * The request ID travels in the OpenTelemetry context, set by traceRequest (request-tracing.ts).
 */
import { createContextKey, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';

export const requestIdContextKey = createContextKey('briefgraph.request_id');
export const requestIdAttribute = 'briefgraph.request_id';

export class RequestIdSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const requestId = parentContext.getValue(requestIdContextKey);
    if (typeof requestId === 'string') span.setAttribute(requestIdAttribute, requestId);
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
