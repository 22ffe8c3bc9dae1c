/**
 * Feeds of newly published briefs, made with the `feed` library: Atom
 * (/feeds/briefs.atom), RSS 2.0 (/feeds/briefs.rss) and JSON Feed (/feeds/briefs.json),
 * filtered by query parameters (`publisher`, `theme` and `kind`, each repeatable:
 * any of the values), newest publication first. Unknown parameters or values are refused
 * with 400 naming them, before any feed is made.
 */
import type express from 'express';
import { Feed, type Author } from 'feed';
import type { DataSource } from 'typeorm';
import { BriefKind } from '../brief/brief.entity';
import { jsonError } from '../http/json-errors';
import { ErrorCode } from '../shared/error-codes';
import { readingUrl } from './csl-item';
import { sendCacheable } from './http-caching';
import { feedRecords, unknownFeedFilterValues, type FeedFilter } from './publication-reader';
import type { PublicationRecord } from './publication-record';
import { briefUrl, publicBaseUrl } from './publication-settings';

export const feedEntryLimit = 50;

const formats = {
  atom: { contentType: 'application/atom+xml; charset=utf-8', render: (feed: Feed) => feed.atom1() },
  rss: { contentType: 'application/rss+xml; charset=utf-8', render: (feed: Feed) => feed.rss2() },
  json: { contentType: 'application/feed+json; charset=utf-8', render: (feed: Feed) => feed.json1() },
} as const;
type FeedFormat = keyof typeof formats;

const filterParameters = { publisher: 'publishers', theme: 'themes', kind: 'kinds' } as const;

/** The filter the query string asks for, or the problems with it. */
function readFilter(query: express.Request['query']): { filter: FeedFilter } | { problem: string } {
  const filter: FeedFilter = { publishers: [], themes: [], kinds: [] };
  for (const [name, value] of Object.entries(query)) {
    if (!(name in filterParameters))
      return { problem: `unknown query parameter "${name.slice(0, 40)}"; feeds take ${Object.keys(filterParameters).join(', ')}` };
    const values = ([] as unknown[]).concat(value);
    if (values.some((item) => typeof item !== 'string' || item.trim() === '' || item.length > 200))
      return { problem: `the query parameter "${name}" must be a non-empty text value` };
    (filter[filterParameters[name as keyof typeof filterParameters]] as string[]).push(...(values as string[]));
  }
  if (filter.publishers.length + filter.themes.length + filter.kinds.length > 100) return { problem: 'a feed takes at most 100 filter values' };
  return { filter };
}

function dateOf(record: PublicationRecord): Date | null {
  return record.publishedOn ? new Date(`${record.publishedOn}T00:00:00Z`) : null;
}

function authorsOf(record: PublicationRecord): Author[] {
  return record.contributors
    .filter((contributor) => contributor.role === 'AUTHOR')
    .map((contributor) =>
      contributor.person
        ? { name: contributor.person.name }
        : { name: contributor.organization!.name, ...(contributor.organization!.url ? { link: contributor.organization!.url } : {}) },
    );
}

function buildFeed(format: FeedFormat, records: PublicationRecord[], lastChanged: Date | null, base: string, selfLink: string): Feed {
  const feed = new Feed({
    id: `${base}/feeds/briefs`,
    title: 'Briefgraph: newly published briefs',
    description: 'Education research briefs and reports, newest publication first.',
    link: `${base}/explore`,
    language: 'en',
    updated: lastChanged ?? new Date(0),
    generator: 'Briefgraph (feed library)',
    feedLinks: { [format]: selfLink },
    copyright: "Summaries in Briefgraph's own words; publications belong to their publishers.",
  });
  for (const record of records) {
    const stableUrl = briefUrl(record.slug, base);
    const published = dateOf(record);
    feed.addItem({
      id: stableUrl,
      title: record.title,
      link: readingUrl(record) ?? stableUrl,
      description: record.summary,
      // An undated brief carries the time it last changed, which is all that is known; it is given no publication date.
      date: published ?? new Date(record.updatedAt),
      ...(published ? { published } : {}),
      // feed 4 writes an empty author list as a broken JSON Feed author: leave it out instead.
      ...(authorsOf(record).length > 0 ? { author: authorsOf(record) } : {}),
      category: record.themes.map((theme) => ({ name: theme.name, term: theme.slug })),
    });
  }
  return feed;
}

export function feedRoutes(app: express.Express, dataSource: () => DataSource, cacheMaxAgeSeconds: number): void {
  app.get('/feeds/briefs.:format', async (request, response, next) => {
    try {
      const format = request.params.format as FeedFormat;
      if (!(format in formats)) {
        jsonError(response, ErrorCode.NOT_FOUND, `No such feed: the feeds are /feeds/briefs.atom, /feeds/briefs.rss and /feeds/briefs.json`);
        return;
      }
      const read = readFilter(request.query);
      if ('problem' in read) {
        jsonError(response, ErrorCode.BAD_REQUEST, `Feed filter: ${read.problem}`);
        return;
      }
      const unknown = await unknownFeedFilterValues(dataSource(), read.filter);
      if (Object.keys(unknown).length > 0) {
        const listed = Object.entries(unknown).map(([name, values]) => `${name} ${values.map((value) => `"${value.slice(0, 80)}"`).join(', ')}`);
        const kinds = unknown.kind ? ` (kinds are ${Object.values(BriefKind).join(', ')})` : '';
        jsonError(response, ErrorCode.BAD_REQUEST, `Feed filter: nothing is known by ${listed.join('; ')}${kinds}`);
        return;
      }
      const { records, lastChanged } = await feedRecords(dataSource(), read.filter, feedEntryLimit);
      const base = publicBaseUrl(`${request.protocol}://${request.get('Host')}`);
      const feed = buildFeed(format, records, lastChanged, base, `${base}${request.originalUrl}`);
      sendCacheable(request, response, { body: formats[format].render(feed), contentType: formats[format].contentType, lastChanged }, cacheMaxAgeSeconds);
    } catch (error) {
      next(error);
    }
  });
}
