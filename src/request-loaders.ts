/**
 * The DataLoaders of one request, one typed property per kind, so a loader is named by the
 * compiler and not by a string: renaming one is a compile error, never a silently split batch.
 * A new request gets new loaders (context.ts), and each family creates its loaders on first use.
 */
import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { RankedRow } from './related/ranked-row';
import { LoaderFamily } from './shared/loader-family';

export class RequestLoaders {
  /** Related lessons of lessons, by page and evidence bases (src/related/related.service.ts). */
  readonly relatedLessons = new LoaderFamily<number, RankedRow[]>();
  /** Related briefs of briefs, by page. */
  readonly relatedBriefs = new LoaderFamily<number, RankedRow[]>();
  private readonly named = new Map<string, DataLoader<unknown, unknown>>();

  /** The database as the request may see it, for the loaders and for services that query it directly. */
  constructor(readonly manager: EntityManager) {}

  /**
   * A loader looked up by a string name: only src/theme/theme-timeline.ts still uses this (its folder
   * belonged to another change when the typed families came); it should become a typed family like the others.
   */
  get<Key, Value>(name: string, create: (manager: EntityManager) => DataLoader<Key, Value>): DataLoader<Key, Value> {
    let loader = this.named.get(name);
    if (!loader) {
      loader = create(this.manager) as DataLoader<unknown, unknown>;
      this.named.set(name, loader);
    }
    return loader as DataLoader<Key, Value>;
  }
}
