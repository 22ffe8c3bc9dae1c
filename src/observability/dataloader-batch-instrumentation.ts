/**
 * One span per DataLoader batch (`dataloader.batch`, with the number of keys): the unit in
 * which resolvers reach the database, so a trace shows which relation of a query was slow.
 * Unlike the contrib dataloader instrumentation, no span per `load()` call: that would be one
 * span per field of every object returned. Patches the `dataloader` module as it loads (only
 * when tracing is on), wrapping each batch function given to its constructor.
 */
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InstrumentationBase, InstrumentationNodeModuleDefinition, type InstrumentationConfig } from '@opentelemetry/instrumentation';

type BatchFunction = (keys: readonly unknown[]) => PromiseLike<ArrayLike<unknown>>;
type DataLoaderClass = new (batch: BatchFunction, options?: { name?: string | null }) => object;

export class DataLoaderBatchInstrumentation extends InstrumentationBase {
  constructor(config: InstrumentationConfig = {}) {
    super('briefgraph-dataloader-batches', '1.0.0', config);
  }

  protected init() {
    return [new InstrumentationNodeModuleDefinition('dataloader', ['>=2.0.0 <3'], (exports: DataLoaderClass) => this.patch(exports))];
  }

  private patch(OriginalDataLoader: DataLoaderClass): DataLoaderClass {
    const instrumentation = this;
    const TracedDataLoader = class TracedDataLoader extends OriginalDataLoader {
      constructor(batch: BatchFunction, options?: { name?: string | null }) {
        super(instrumentation.traced(batch, options?.name ?? batch.name), options);
      }
    };
    return TracedDataLoader;
  }

  private traced(batch: BatchFunction, loaderName: string | undefined): BatchFunction {
    const tracer = this.tracer;
    return function tracedBatch(this: unknown, keys) {
      // Batches outside a traced request (start-up, commands) would be root spans of their own: skip them.
      if (!trace.getActiveSpan()) return batch.call(this, keys);
      return tracer.startActiveSpan(
        'dataloader.batch',
        { attributes: { 'dataloader.batch.size': keys.length, ...(loaderName ? { 'dataloader.name': loaderName } : {}) } },
        (span) => {
          const ended = Promise.resolve(batch.call(this, keys));
          ended.then(
            () => span.end(),
            (error: Error) => {
              span.recordException(error);
              span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
              span.end();
            },
          );
          return ended;
        },
      );
    };
  }
}
