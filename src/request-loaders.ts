/**
 * The DataLoaders of one request, one typed property per kind, so a loader is named by the
 * compiler and not by a string: renaming one is a compile error, never a silently split batch.
 * A new request gets new loaders (context.ts), and each family creates its loaders on first use.
 */
import type { EntityManager } from 'typeorm';
import type { RankedRow } from './related/ranked-row';
import type { ThemeTimeline } from './theme/theme-timeline.types';
import { LoaderFamily } from './shared/loader-family';

export class RequestLoaders {
  /** Related lessons of lessons, by page and evidence bases (src/related/related.service.ts). */
  readonly relatedLessons = new LoaderFamily<number, RankedRow[]>();
  /** Related briefs of briefs, by page. */
  readonly relatedBriefs = new LoaderFamily<number, RankedRow[]>();
  /** Themes' timelines, by the evidence bases their lessons are counted for (src/theme/theme-timeline.ts). */
  readonly themeTimelines = new LoaderFamily<number, ThemeTimeline>();

  /** The database as the request may see it, for the loaders and for services that query it directly. */
  constructor(readonly manager: EntityManager) {}
}
