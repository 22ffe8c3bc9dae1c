/**
 * Reads publication records for the HTTP routes (content negotiation and feeds),
 * through the data source anonymous readers use, so drafts are never served. One
 * statement per request, whatever the number of briefs.
 */
import type { DataSource } from 'typeorm';
import { BriefKind } from '../brief/brief.entity';
import { publicationRecordSql, type PublicationRecord } from './publication-record';

/** When anything a record shows last changed: the brief, its byline's people, its files and identifiers. */
const lastChangedSql = (row: string) => `greatest(${row}.updated_at,
  (SELECT max(greatest(changed_c.updated_at, changed_p.updated_at)) FROM brief_contributor changed_c LEFT JOIN person changed_p ON changed_p.id = changed_c.person_id WHERE changed_c.brief_id = ${row}.id),
  (SELECT max(changed_f.updated_at) FROM brief_file changed_f WHERE changed_f.brief_id = ${row}.id),
  (SELECT max(changed_i.updated_at) FROM brief_identifier changed_i WHERE changed_i.brief_id = ${row}.id))`;

export interface ReadRecord {
  record: PublicationRecord;
  lastChanged: Date;
}

export async function publishedBriefRecord(dataSource: DataSource, slug: string): Promise<ReadRecord | null> {
  const rows = (await dataSource.query(
    `SELECT ${publicationRecordSql('b')} AS record, ${lastChangedSql('b')} AS "lastChanged" FROM brief b WHERE b.slug = $1`,
    [slug],
  )) as ReadRecord[];
  return rows[0] ?? null;
}

export interface FeedFilter {
  publishers: string[];
  themes: string[];
  kinds: BriefKind[];
}

/** Filter values that name nothing, by parameter (an empty result means every value is known). */
export async function unknownFeedFilterValues(dataSource: DataSource, filter: FeedFilter): Promise<Record<string, string[]>> {
  const [row] = (await dataSource.query(
    `SELECT ARRAY(SELECT wanted.value FROM unnest($1::text[]) AS wanted(value) WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.slug = wanted.value)) AS publishers,
            ARRAY(SELECT wanted.value FROM unnest($2::text[]) AS wanted(value) WHERE NOT EXISTS (SELECT 1 FROM theme t WHERE t.slug = wanted.value)) AS themes`,
    [filter.publishers, filter.themes],
  )) as Array<{ publishers: string[]; themes: string[] }>;
  const unknown: Record<string, string[]> = {};
  if (row.publishers.length > 0) unknown.publisher = row.publishers;
  if (row.themes.length > 0) unknown.theme = row.themes;
  const kinds = filter.kinds.filter((kind) => !Object.values(BriefKind).includes(kind));
  if (kinds.length > 0) unknown.kind = kinds;
  return unknown;
}

/**
 * The newest published briefs matching the filter (any of the publishers, any of the
 * themes, any of the kinds), newest publication date first; undated briefs come last,
 * most recently added first. Also when the whole list last changed.
 */
export async function feedRecords(
  dataSource: DataSource,
  filter: FeedFilter,
  limit: number,
): Promise<{ records: PublicationRecord[]; lastChanged: Date | null }> {
  const rows = (await dataSource.query(
    `SELECT ${publicationRecordSql('b')} AS record, ${lastChangedSql('b')} AS "lastChanged"
       FROM brief b
      WHERE (cardinality($1::text[]) = 0 OR b.publisher_id IN (SELECT o.id FROM organization o WHERE o.slug = ANY($1::text[])))
        AND (cardinality($2::text[]) = 0 OR EXISTS (SELECT 1 FROM brief_theme bt JOIN theme t ON t.id = bt.theme_id WHERE bt.brief_id = b.id AND t.slug = ANY($2::text[])))
        AND (cardinality($3::text[]) = 0 OR b.kind::text = ANY($3::text[]))
      ORDER BY b.published_on DESC NULLS LAST, b.id DESC
      LIMIT $4`,
    [filter.publishers, filter.themes, filter.kinds, limit],
  )) as ReadRecord[];
  const lastChanged = rows.reduce<Date | null>((latest, row) => (!latest || row.lastChanged > latest ? row.lastChanged : latest), null);
  return { records: rows.map((row) => row.record), lastChanged };
}
