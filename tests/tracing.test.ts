/**
 * OpenTelemetry tracing end to end: the server process, configured only by the standard OTEL_*
 * variables, exports its spans over OTLP/HTTP to a collector in this test process. One request
 * gives a server span (continuing the caller's W3C trace), DataLoader batch spans and SQL statement
 * spans below it, each carrying the request ID. Without the variables nothing is traced.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tracingSettings } from '../src/observability/tracing-settings';
import { startServerProcess } from './support/server-process';
import { createEmptyDatabase } from './support/test-database';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}

interface Collector {
  endpoint: string;
  spans: ExportedSpan[];
  serviceNames: string[];
  close(): Promise<void>;
}

/** A minimal OTLP/HTTP (JSON) trace receiver. */
async function startCollector(): Promise<Collector> {
  const spans: ExportedSpan[] = [];
  const serviceNames: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: Array<{ resource: { attributes: ExportedSpan['attributes'] }; scopeSpans: Array<{ spans: ExportedSpan[] }> }>;
        };
        for (const resourceSpans of payload.resourceSpans) {
          serviceNames.push(resourceSpans.resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '');
          for (const scopeSpans of resourceSpans.scopeSpans) spans.push(...scopeSpans.spans);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    serviceNames,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function attribute(span: ExportedSpan, key: string): string | number | undefined {
  const value = span.attributes.find((candidate) => candidate.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
}

describe('tracing', () => {
  it('is off unless the OTEL_* variables configure it', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'briefgraph' })).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toMatchObject({ exporter: 'otlp', protocol: 'http/protobuf' });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({ exporter: 'console' });
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/,
    );
  });

  it('exports a span per request, per DataLoader batch and per SQL statement, each with the request ID', async () => {
    const collector = await startCollector();
    const database = await createEmptyDatabase();
    let server: ReturnType<typeof startServerProcess> | undefined;
    try {
      server = startServerProcess({
        DATABASE_URL: database.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'briefgraph-under-test',
        CACHE_MAX_AGE_SECONDS: '0',
      });
      const port = await server.ready(120_000);
      const callerTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'traced-request-1', traceparent: `00-${callerTraceId}-00f067aa0ba902b7-01` },
        // Root fields are one compiled statement; related lessons are loaded in DataLoader batches.
        body: JSON.stringify({
          query: 'query TracedLessons { lessons(first: 3) { nodes { statement relatedLessons(first: 2) { nodes { statement brief { title } } } } } }',
        }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // Stopping the server exports what is still buffered.
      server.child.kill('SIGTERM');
      expect((await server.exited()).code).toBe(0);

      expect(collector.serviceNames).toContain('briefgraph-under-test');
      const traced = collector.spans.filter((span) => span.traceId === callerTraceId);
      const requestSpan = traced.find((span) => span.kind === 2)!; // SERVER
      expect(requestSpan).toBeDefined();
      expect(requestSpan.name).toBe('POST /graphql');
      expect(requestSpan.parentSpanId).toBe('00f067aa0ba902b7');
      expect(attribute(requestSpan, 'briefgraph.request_id')).toBe('traced-request-1');
      expect(attribute(requestSpan, 'graphql.operation.name')).toBe('TracedLessons');

      const batches = traced.filter((span) => span.name === 'dataloader.batch');
      expect(batches.length).toBeGreaterThanOrEqual(1);
      const statements = traced.filter((span) => attribute(span, 'db.system') === 'postgresql' || attribute(span, 'db.system.name') === 'postgresql');
      expect(statements.length).toBeGreaterThan(batches.length);
      for (const span of [...batches, ...statements]) expect([span.name, attribute(span, 'briefgraph.request_id')]).toEqual([span.name, 'traced-request-1']);
      for (const span of batches) expect(attribute(span, 'dataloader.batch.size')).toBeGreaterThanOrEqual(1);
      // A batch's statements are its children: the trace shows which relation spent the time.
      const batchIds = new Set(batches.map((span) => span.spanId));
      expect(statements.some((span) => span.parentSpanId !== undefined && batchIds.has(span.parentSpanId))).toBe(true);
      expect(statements.some((span) => /select/i.test(String(attribute(span, 'db.statement') ?? attribute(span, 'db.query.text'))))).toBe(true);
      // Health checks are not traced.
      expect(collector.spans.some((span) => /healthz/.test(span.name) || attribute(span, 'url.path') === '/healthz')).toBe(false);
    } finally {
      if (server && server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited().catch(() => server!.child.kill('SIGKILL'));
      }
      await database.drop();
      await collector.close();
    }
  }, 180_000);
});
