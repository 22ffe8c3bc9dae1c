/**
 * schema.org descriptions (JSON-LD) of briefs and meetings, for search engines and
 * partner pages: a brief is a Report (a research paper a ScholarlyArticle) with its
 * people and organizations, publisher, date at its precision (ISO 8601 allows "2011-02"
 * and "2011"), themes, identifiers, files and the briefs it builds on; a meeting is an
 * Event with its place and dates. Typed with schema-dts, so every property and type
 * used is one schema.org defines. Nothing unknown is filled in: a brief without a
 * recorded byline has no `author`.
 */
import type { Event, MediaObject, Organization, Person, PropertyValue, Report, ScholarlyArticle, Thing, WithContext } from 'schema-dts';
import { identifierUrl, type IdentifierScheme } from '../identifier/identifier-schemes';
import type { Organization as OrganizationRecord } from '../organization/organization.entity';
import { readingUrl } from './csl-item';
import type { PublicationContributor, PublicationMeeting, PublicationOrganization, PublicationRecord } from './publication-record';
import { briefUrl, publicBaseUrl } from './publication-settings';

export const schemaOrgContext = 'https://schema.org';

function organization(value: PublicationOrganization): Organization {
  return { '@type': 'Organization', name: value.name, ...(value.url ? { url: value.url } : {}) };
}

function agent(contributor: PublicationContributor): Person | Organization {
  if (contributor.organization) return organization(contributor.organization);
  const person = contributor.person!;
  const comma = person.sortName.indexOf(', ');
  const names = comma > 0 ? { familyName: person.sortName.slice(0, comma), givenName: person.sortName.slice(comma + 2) } : {};
  const orcid = person.orcid ? identifierUrl('ORCID' as IdentifierScheme, person.orcid)! : undefined;
  return { '@type': 'Person', name: person.name, ...names, ...(orcid ? { identifier: orcid, sameAs: orcid } : {}) };
}

/** The date as precisely as it is known: 2011, 2011-02 or 2011-02-04. */
function isoDate(date: string, precision: string | null): string {
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}

function meetingName(meeting: Pick<PublicationMeeting, 'number' | 'title'>): string {
  return meeting.title ? `Meeting ${meeting.number}: ${meeting.title}` : `Meeting ${meeting.number}`;
}

function event(meeting: PublicationMeeting & { description?: string | null }, base: string): Event {
  return {
    '@type': 'Event',
    '@id': `${base}/explore/meetings/${meeting.number}`,
    name: meetingName(meeting),
    ...(meeting.description ? { description: meeting.description } : {}),
    startDate: meeting.startsOn,
    endDate: meeting.endsOn,
    location: {
      '@type': 'Place',
      name: `${meeting.city}, ${meeting.state}`,
      address: { '@type': 'PostalAddress', addressLocality: meeting.city, addressRegion: meeting.state, addressCountry: 'US' },
    },
    organizer: organization(meeting.convener),
    url: `${base}/explore/meetings/${meeting.number}`,
  };
}

export function briefJsonLd(record: PublicationRecord, base: string = publicBaseUrl()): WithContext<Report | ScholarlyArticle> {
  const byRole = (role: string) => record.contributors.filter((contributor) => contributor.role === role).map(agent);
  const identifiers: PropertyValue[] = record.identifiers.map((identifier) => {
    const url = identifierUrl(identifier.scheme as IdentifierScheme, identifier.value);
    return { '@type': 'PropertyValue', propertyID: identifier.scheme, value: identifier.value, ...(url ? { url } : {}) };
  });
  const files: MediaObject[] = record.files.map((file) => ({
    '@type': 'MediaObject',
    name: file.title,
    contentUrl: file.url,
    ...(file.mediaType ? { encodingFormat: file.mediaType } : {}),
    ...(file.sizeInKilobytes !== null ? { contentSize: `${file.sizeInKilobytes} KB` } : {}),
    ...(file.language ? { inLanguage: file.language } : {}),
  }));
  const about: Thing[] = record.themes.map((theme) => ({ '@type': 'Thing', name: theme.name }));
  if (record.meeting) about.push(event(record.meeting, base));
  const url = readingUrl(record);
  const described = {
    '@context': schemaOrgContext,
    '@type': record.kind === 'RESEARCH_PAPER' ? 'ScholarlyArticle' : 'Report',
    '@id': briefUrl(record.slug, base),
    name: record.title,
    description: record.summary,
    publisher: organization(record.publisher),
    ...(byRole('AUTHOR').length > 0 ? { author: byRole('AUTHOR') } : {}),
    ...(byRole('EDITOR').length > 0 ? { editor: byRole('EDITOR') } : {}),
    ...(byRole('CONTRIBUTOR').length > 0 ? { contributor: byRole('CONTRIBUTOR') } : {}),
    ...(record.publishedOn ? { datePublished: isoDate(record.publishedOn, record.precision) } : {}),
    ...(about.length > 0 ? { about } : {}),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    ...(url ? { url } : {}),
    ...(files.length > 0 ? { encoding: files } : {}),
    ...(record.buildsOn.length > 0
      ? {
          isBasedOn: record.buildsOn.map((earlier) => ({
            '@type': 'CreativeWork' as const,
            '@id': briefUrl(earlier.slug, base),
            name: earlier.title,
            ...(earlier.url ? { url: earlier.url } : {}),
          })),
        }
      : {}),
  };
  return described as WithContext<Report | ScholarlyArticle>;
}

/** A meeting as a schema.org Event, from the meeting's row (see meetingEventSql). */
export function meetingJsonLd(meeting: PublicationMeeting & { description: string | null }, base: string = publicBaseUrl()): WithContext<Event> {
  return { '@context': schemaOrgContext, ...event(meeting, base) } as WithContext<Event>;
}

/** The meeting in row `row` as the JSON meetingJsonLd reads. */
export function meetingEventSql(row: string): string {
  return `json_build_object('number', ${row}.number, 'title', ${row}.title, 'description', ${row}.description, 'startsOn', ${row}.starts_on, 'endsOn', ${row}.ends_on,
    'city', ${row}.city, 'state', ${row}.state,
    'convener', (SELECT json_build_object('slug', ev_o.slug, 'name', ev_o.name, 'url', ev_o.website_url) FROM organization ev_o WHERE ev_o.id = ${row}.convener_id))`;
}

/** An organization as a schema.org Organization, from its fields. */
export function organizationJsonLd(
  organization: Pick<OrganizationRecord, 'slug' | 'name' | 'shortName' | 'websiteUrl' | 'description'>,
  base: string = publicBaseUrl(),
): WithContext<Organization> {
  return {
    '@context': schemaOrgContext,
    '@type': 'Organization',
    '@id': `${base}/explore/organizations/${organization.slug}`,
    name: organization.name,
    ...(organization.shortName ? { alternateName: organization.shortName } : {}),
    ...(organization.websiteUrl ? { url: organization.websiteUrl } : {}),
    ...(organization.description ? { description: organization.description } : {}),
  } as WithContext<Organization>;
}

/** A person as a schema.org Person, from their columns. */
export function personJsonLd(row: { slug: string; name: string; sort_name: string; orcid: string | null }): WithContext<Person> {
  const described = agent({
    role: 'AUTHOR',
    organization: null,
    person: { slug: row.slug, name: row.name, sortName: row.sort_name, orcid: row.orcid },
  }) as Person & object;
  return { '@context': schemaOrgContext, ...described } as WithContext<Person>;
}
