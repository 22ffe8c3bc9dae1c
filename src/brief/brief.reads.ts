/** How briefs are read: their relations and lists, and the root fields `brief(slug:)` and `briefs`. */
import { districtReads } from '../district/district.reads';
import { identifiersFrom } from '../identifier/identifier';
import { IdentifierScheme, parseIdentifierReference } from '../identifier/identifier-schemes';
import { organizationReads as organizationRecordReads } from '../organization/organization.reads';
import { personReads } from '../person/person.reads';
import { formatCitation, formatCitationData } from '../publication/citation';
import { briefJsonLd } from '../publication/json-ld';
import { publicationRecordSql } from '../publication/publication-record';
import { userInputError } from '../shared/user-input-error';
import { lessonListing, lessonsOfBrief } from '../lesson/lesson.service';
import { meetingReads } from '../meeting/meeting.reads';
import { networkReads } from '../network/district-network.reads';
import { organizationReads } from '../organization/organization.reads';
import { byName, computed, computedFrom, connection, defineReads, expression, ownedBy, throughJoin, toOne, type RecordReads } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import { themeReads } from '../theme/theme.reads';
import { Brief } from './brief.entity';
import { briefListing } from './brief.service';
import { BriefContributor } from './brief-contributor.entity';
import { BriefFile } from './brief-file.entity';
import { PublicationDate } from './publication-date';

const byPosition = (alias: string) => `${alias}.position`;

export const briefReads = defineReads({
  typeName: 'Brief',
  entity: Brief,
  table: 'brief',
  fields: {
    ...sourcedFields,
    briefKind: expression((row) => `${row}.kind`),
    publicationDate: computed(['published_on', 'publication_date_precision'], (row) =>
      row.published_on && row.publication_date_precision ? new PublicationDate(row.published_on, row.publication_date_precision) : null,
    ),
    publisher: toOne(() => organizationReads, 'publisher_id'),
    followsUpMeeting: toOne(() => meetingReads, 'follows_up_meeting_id'),
    lessons: connection(() => lessonListing, lessonsOfBrief),
    themes: throughJoin(() => themeReads, 'brief_theme', 'brief_id', 'theme_id', byName),
    districts: throughJoin(() => districtReads, 'brief_district', 'brief_id', 'district_id', byName),
    networks: throughJoin(() => networkReads, 'brief_network', 'brief_id', 'network_id', byName),
    buildsOn: connection(() => briefListing, throughJoinTable('brief', 'b', 'brief_builds_on', 'brief_id', 'builds_on_brief_id')),
    builtOnBy: connection(() => briefListing, throughJoinTable('brief', 'b', 'brief_builds_on', 'builds_on_brief_id', 'brief_id')),
    // Deprecated free-text byline: the names of the recorded authors, else the old free-text list.
    authors: {
      kind: 'expression',
      sql: (row) => `coalesce((SELECT json_agg(coalesce(author_p.name, author_o.name) ORDER BY author_c.position)
          FROM brief_contributor author_c LEFT JOIN person author_p ON author_p.id = author_c.person_id LEFT JOIN organization author_o ON author_o.id = author_c.organization_id
          WHERE author_c.brief_id = ${row}.id AND author_c.role = 'AUTHOR'), to_json(${row}.authors))`,
    },
    contributors: ownedBy(() => briefContributorReads, 'brief_id', byPosition),
    files: ownedBy(() => briefFileReads, 'brief_id', byPosition),
    identifiers: computedFrom(
      (row) =>
        `(SELECT json_agg(json_build_object('scheme', brief_i.scheme, 'value', brief_i.value) ORDER BY brief_i.position) FROM brief_identifier brief_i WHERE brief_i.brief_id = ${row}.id)`,
      (rows) => identifiersFrom(rows),
    ),
    citation: computedFrom(publicationRecordSql, (record, args) => formatCitation(record, args.style, args.format)),
    citationData: computedFrom(publicationRecordSql, (record, args) => formatCitationData(record, args.format)),
    jsonLd: computedFrom(publicationRecordSql, (record) => briefJsonLd(record)),
  },
});

export const briefContributorReads: RecordReads = defineReads({
  typeName: 'BriefContributor',
  entity: BriefContributor,
  table: 'brief_contributor',
  fields: {
    brief: toOne(() => briefReads, 'brief_id'),
    person: toOne(() => personReads, 'person_id'),
    organization: toOne(() => organizationRecordReads, 'organization_id'),
    contributorRole: expression((row) => `${row}.role`),
    name: {
      kind: 'expression',
      sql: (row) =>
        `(SELECT coalesce((SELECT name_p.name FROM person name_p WHERE name_p.id = ${row}.person_id), (SELECT name_o.name FROM organization name_o WHERE name_o.id = ${row}.organization_id)))`,
    },
  },
});

export const briefFileReads: RecordReads = defineReads({
  typeName: 'BriefFile',
  entity: BriefFile,
  table: 'brief_file',
  fields: { ...sourcedFields, brief: toOne(() => briefReads, 'brief_id') },
});

/** The brief an identifier ("doi:10.…", "eric:ED…", a https://doi.org/… address) names. */
function briefByIdentifier(reference: string, sql: { param(value: unknown, type: string): string }, alias: string): string {
  const parsed = parseIdentifierReference(reference);
  if ('problem' in parsed) throw userInputError('identifier', parsed.problem);
  if (parsed.scheme === IdentifierScheme.ORCID)
    throw userInputError('identifier', 'is an ORCID iD, which names a person, not a work; look people up with person(orcid:)');
  const scheme = sql.param(parsed.scheme, 'identifier_scheme');
  const value = sql.param(parsed.value, 'text');
  return `${alias}.id = (SELECT work_i.brief_id FROM brief_identifier work_i WHERE work_i.scheme = ${scheme} AND work_i.value = ${value})`;
}

defineRootReads({
  briefs: rootConnection(() => briefListing),
  brief: rootLookup(
    () => briefReads,
    (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`,
  ),
  work: rootLookup(
    () => briefReads,
    (args, sql, alias) => briefByIdentifier(args.identifier, sql, alias),
  ),
});
