/**
 * Imported first by main.ts: starts tracing (when configured) before `http`, `pg` and
 * `dataloader` are loaded, so the instrumentations can patch them. A bad OTEL_* value stops
 * start-up with one line naming it, as any other configuration error does.
 */
import { startTracing } from './tracing';
import type { Tracing } from './tracing-settings';

function start(): Tracing | undefined {
  try {
    return startTracing(process.env);
  } catch (error) {
    process.stderr.write(`briefgraph: configuration error: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

export const tracingAtStart = start();
