/**
 * Holds the DataLoaders of one request. Loaders are created on first use, by name,
 * so a request pays only for the relations it touches, and nothing is cached
 * across requests.
 */
import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(readonly manager: EntityManager) {}

  get<Key, Value>(name: string, create: (manager: EntityManager) => DataLoader<Key, Value>): DataLoader<Key, Value> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create(this.manager) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<Key, Value>;
  }
}
