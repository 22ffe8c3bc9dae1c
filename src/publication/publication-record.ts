/**
 * Everything a citation, a schema.org description or a feed entry says about a brief,
 * built by the database as one JSON value for the brief's row: the byline with people
 * and organizations, the publisher, the date at its precision, identifiers, files,
 * themes, the meeting it follows up and the briefs it builds on. One SQL expression
 * serves the GraphQL fields (through the read engine, so a page of briefs is still one
 * statement) and the HTTP routes (content negotiation and feeds). Tables are named
 * without a schema, so anonymous readers see published briefs only.
 */
import type { DatePrecision } from '../shared/date-precision';

export interface PublicationOrganization {
  slug: string;
  name: string;
  url: string | null;
}
export interface PublicationPerson {
  slug: string;
  name: string;
  sortName: string;
  orcid: string | null;
}
export interface PublicationContributor {
  role: 'AUTHOR' | 'EDITOR' | 'CONTRIBUTOR';
  person: PublicationPerson | null;
  organization: PublicationOrganization | null;
}
export interface PublicationMeeting {
  number: number;
  title: string | null;
  startsOn: string;
  endsOn: string;
  city: string;
  state: string;
  convener: PublicationOrganization;
}
export interface PublicationFile {
  kind: string;
  title: string;
  url: string;
  mediaType: string | null;
  sizeInKilobytes: number | null;
  language: string | null;
}

export interface PublicationRecord {
  slug: string;
  title: string;
  kind: string;
  publishedOn: string | null;
  precision: DatePrecision | null;
  summary: string;
  url: string | null;
  updatedAt: string;
  /** The free-text byline of older records (Brief.authors), used only when no contributor is recorded. */
  authorsText: string[];
  publisher: PublicationOrganization;
  contributors: PublicationContributor[];
  identifiers: Array<{ scheme: string; value: string }>;
  files: PublicationFile[];
  themes: Array<{ slug: string; name: string }>;
  meeting: PublicationMeeting | null;
  buildsOn: Array<{ slug: string; title: string; url: string | null }>;
}

const organizationJson = (alias: string) => `json_build_object('slug', ${alias}.slug, 'name', ${alias}.name, 'url', ${alias}.website_url)`;

/** The brief in row `row` as a PublicationRecord (JSON). */
export function publicationRecordSql(row: string): string {
  return `json_build_object(
    'slug', ${row}.slug, 'title', ${row}.title, 'kind', ${row}.kind, 'publishedOn', ${row}.published_on, 'precision', ${row}.publication_date_precision,
    'summary', ${row}.summary, 'url', ${row}.url, 'updatedAt', ${row}.updated_at, 'authorsText', ${row}.authors,
    'publisher', (SELECT ${organizationJson('pub_o')} FROM organization pub_o WHERE pub_o.id = ${row}.publisher_id),
    'contributors', (SELECT coalesce(json_agg(json_build_object(
        'role', pub_c.role,
        'person', CASE WHEN pub_p.id IS NULL THEN NULL ELSE json_build_object('slug', pub_p.slug, 'name', pub_p.name, 'sortName', pub_p.sort_name, 'orcid', pub_p.orcid) END,
        'organization', CASE WHEN pub_co.id IS NULL THEN NULL ELSE ${organizationJson('pub_co')} END) ORDER BY pub_c.position), '[]'::json)
      FROM brief_contributor pub_c LEFT JOIN person pub_p ON pub_p.id = pub_c.person_id LEFT JOIN organization pub_co ON pub_co.id = pub_c.organization_id
      WHERE pub_c.brief_id = ${row}.id),
    'identifiers', (SELECT coalesce(json_agg(json_build_object('scheme', pub_i.scheme, 'value', pub_i.value) ORDER BY pub_i.position), '[]'::json)
      FROM brief_identifier pub_i WHERE pub_i.brief_id = ${row}.id),
    'files', (SELECT coalesce(json_agg(json_build_object('kind', pub_f.kind, 'title', pub_f.title, 'url', pub_f.url, 'mediaType', pub_f.media_type,
        'sizeInKilobytes', pub_f.size_kilobytes, 'language', pub_f.language) ORDER BY pub_f.position), '[]'::json)
      FROM brief_file pub_f WHERE pub_f.brief_id = ${row}.id),
    'themes', (SELECT coalesce(json_agg(json_build_object('slug', pub_t.slug, 'name', pub_t.name) ORDER BY pub_t.name, pub_t.id), '[]'::json)
      FROM brief_theme pub_bt JOIN theme pub_t ON pub_t.id = pub_bt.theme_id WHERE pub_bt.brief_id = ${row}.id),
    'meeting', (SELECT json_build_object('number', pub_m.number, 'title', pub_m.title, 'startsOn', pub_m.starts_on, 'endsOn', pub_m.ends_on,
        'city', pub_m.city, 'state', pub_m.state, 'convener', ${organizationJson('pub_mo')})
      FROM meeting pub_m JOIN organization pub_mo ON pub_mo.id = pub_m.convener_id WHERE pub_m.id = ${row}.follows_up_meeting_id),
    'buildsOn', (SELECT coalesce(json_agg(json_build_object('slug', pub_x.slug, 'title', pub_x.title, 'url', pub_x.url) ORDER BY pub_x.slug), '[]'::json)
      FROM brief_builds_on pub_bo JOIN brief pub_x ON pub_x.id = pub_bo.builds_on_brief_id WHERE pub_bo.brief_id = ${row}.id)
  )`;
}
