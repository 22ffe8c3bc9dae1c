/**
 * The process's tracing switch. `startTracing` runs before anything else is loaded (main.ts
 * imports ./tracing-at-start first), because the instrumentations patch `http` and `pg` as they
 * load. Without configuration nothing is loaded or patched: no spans, no context propagation, no
 * extra AsyncLocalStorage, and `isTracingOn()` tells the server to add no hooks at all.
 */
import { tracingSettings, type Tracing } from './tracing-settings';

let tracing: Tracing | undefined;

export function isTracingOn(): boolean {
  return tracing !== undefined;
}

/** Starts tracing when the OTEL_* variables ask for it; returns undefined when they do not. */
export function startTracing(environment: Record<string, string | undefined> = process.env): Tracing | undefined {
  const settings = tracingSettings(environment);
  if (!settings || tracing) return tracing;
  // Loaded only here: the SDK, its exporters and instrumentations are not even read when tracing is off.
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  tracing = startTracingSdk(settings, environment);
  return tracing;
}
