/**
 * The OpenTelemetry SDK set up from the OTEL_* variables, loaded only when tracing is on
 * (tracing.ts): a tracer provider with the service's resource and the sampler the variables
 * name, W3C trace-context propagation, context kept in AsyncLocalStorage, spans batched to an
 * OTLP/HTTP exporter (or the console), and three instrumentations: incoming HTTP requests
 * (not /healthz, /readyz or /metrics), DataLoader batches, and PostgreSQL statements.
 */
import { context, propagation, trace, type TextMapPropagator } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { DataLoaderBatchInstrumentation } from './dataloader-batch-instrumentation';
import { RequestIdSpanProcessor } from './request-id-span-processor';
import type { Tracing, TracingSettings } from './tracing-settings';

type Environment = Record<string, string | undefined>;

const untracedPaths = new Set(['/healthz', '/readyz', '/metrics']);

/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the specification defines them (default parentbased_always_on). */
export function samplerFromEnvironment(environment: Environment): Sampler {
  const name = environment.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_always_on';
  const argument = environment.OTEL_TRACES_SAMPLER_ARG?.trim();
  const ratio = () => {
    const value = argument === undefined || argument === '' ? 1 : Number(argument);
    if (!(value >= 0 && value <= 1)) throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1; got ${JSON.stringify(argument)}`);
    return new TraceIdRatioBasedSampler(value);
  };
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    default:
      throw new Error(
        `OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio; got ${JSON.stringify(name)}`,
      );
  }
}

function exporterFor(settings: TracingSettings): SpanExporter {
  if (settings.exporter === 'console') return new ConsoleSpanExporter();
  // Both read the endpoint, headers, timeout and compression from the OTEL_EXPORTER_OTLP_* variables themselves.
  if (settings.protocol === 'http/json') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter();
}

export function startTracingSdk(settings: TracingSettings, environment: Environment): Tracing {
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win; "briefgraph" otherwise.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'briefgraph' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new TracerProvider({
    resource,
    sampler: samplerFromEnvironment(environment),
    spanProcessors: [
      new RequestIdSpanProcessor(),
      new BatchSpanProcessor({ exporter: exporterFor(settings), scheduledDelayMillis: settings.scheduleDelayMilliseconds }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }) as TextMapPropagator);
  trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        disableOutgoingRequestInstrumentation: true,
        ignoreIncomingRequestHook: (request) => untracedPaths.has((request.url ?? '').split('?')[0]),
      }),
      new DataLoaderBatchInstrumentation(),
      // No parameter values in spans (they may hold user text), and no spans for statements outside a request.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return {
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
