/**
 * The DataLoaders of one kind in one request, one per variant: the arguments that change what a
 * loader loads (a page size, a cursor, evidence bases) make its variant key, and the records asked
 * for under one variant share one batch. Loaders are created on first use, so a request pays only
 * for what it touches, and nothing is cached across requests (each request has its own families:
 * src/request-loaders.ts).
 */
import type DataLoader from 'dataloader';

export class LoaderFamily<Key, Value> {
  private readonly variants = new Map<string, DataLoader<Key, Value>>();

  /** The loader of this variant, created by `create` the first time the request asks for it. */
  of(variant: string, create: () => DataLoader<Key, Value>): DataLoader<Key, Value> {
    let loader = this.variants.get(variant);
    if (!loader) {
      loader = create();
      this.variants.set(variant, loader);
    }
    return loader;
  }
}
