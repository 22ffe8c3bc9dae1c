/**
 * Whether and how to trace, from the standard OpenTelemetry variables. Tracing is off unless an
 * OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or
 * OTEL_TRACES_EXPORTER names an exporter; OTEL_SDK_DISABLED=true turns it off whatever else is set.
 * This module loads nothing of the SDK, so a server without tracing pays nothing for it.
 */

/** Tracing once started (by tracing-sdk.ts, through tracing.ts). */
export interface Tracing {
  /** Exports the spans still buffered, then stops tracing. */
  shutdown(): Promise<void>;
}

export type TracesExporter = 'otlp' | 'console';
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface TracingSettings {
  exporter: TracesExporter;
  protocol: OtlpProtocol;
  /** Milliseconds between exports of finished spans (OTEL_BSP_SCHEDULE_DELAY, default 5000). */
  scheduleDelayMilliseconds: number;
}

type Environment = Record<string, string | undefined>;

function protocolOf(environment: Environment): OtlpProtocol {
  const name = environment.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const value = environment[name]?.trim() || 'http/protobuf';
  if (value !== 'http/protobuf' && value !== 'http/json') {
    throw new Error(`${name} must be http/protobuf or http/json (gRPC is not supported); got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The exporter OTEL_TRACES_EXPORTER names (otlp when only an endpoint is set), or undefined when tracing is off. */
function exporterOf(environment: Environment): TracesExporter | undefined {
  const exporterNames = (environment.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const endpointSet = Boolean(environment.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
  if (exporterNames.includes('none') || (exporterNames.length === 0 && !endpointSet)) return undefined;
  if (exporterNames.length > 1)
    throw new Error(`OTEL_TRACES_EXPORTER takes one exporter here (otlp, console or none); got ${JSON.stringify(environment.OTEL_TRACES_EXPORTER)}`);
  const exporter = exporterNames[0] ?? 'otlp';
  if (exporter !== 'otlp' && exporter !== 'console') {
    throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none; got ${JSON.stringify(exporter)}`);
  }
  return exporter;
}

function scheduleDelayOf(environment: Environment): number {
  const delay = environment.OTEL_BSP_SCHEDULE_DELAY?.trim();
  const scheduleDelayMilliseconds = delay ? Number(delay) : 5000;
  if (!Number.isInteger(scheduleDelayMilliseconds) || scheduleDelayMilliseconds < 0) {
    throw new Error(`OTEL_BSP_SCHEDULE_DELAY must be a whole number of milliseconds; got ${JSON.stringify(delay)}`);
  }
  return scheduleDelayMilliseconds;
}

/** The settings when tracing is configured, else undefined. Throws, naming the variable, on a value it cannot use. */
export function tracingSettings(environment: Environment): TracingSettings | undefined {
  if (environment.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const exporter = exporterOf(environment);
  if (!exporter) return undefined;
  const scheduleDelayMilliseconds = scheduleDelayOf(environment);
  return { exporter, protocol: protocolOf(environment), scheduleDelayMilliseconds };
}
