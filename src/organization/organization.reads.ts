/** How organizations are read, and the root fields `organization(slug:)` and `organizations`. */
import { briefListing, briefsOfPublisher } from '../brief/brief.service';
import { meetingListing, meetingsConvenedByOrganization } from '../meeting/meeting.service';
import { organizationJsonLd } from '../publication/json-ld';
import { declaredReads } from '../read/declared-reads';
import { byName, computed, connection, defineReads, expression, ownedBy, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { columnOf, fieldsOfRow } from '../mutation/record-writer';
import { sourcedFields } from '../source-document/source-document.reads';
import { Organization } from './organization.entity';
import { organizationListing } from './organization.service';
import { organizationSpec } from './organization.writer';

const jsonLdFields = ['slug', 'name', 'shortName', 'websiteUrl', 'description'] as const;

export const organizationReads = defineReads({
  typeName: 'Organization',
  entity: Organization,
  table: 'organization',
  fields: {
    ...sourcedFields,
    organizationKind: expression((row) => `${row}.kind`),
    housedBy: toOne(() => organizationReads, 'housed_by_id'),
    houses: ownedBy(() => organizationReads, 'housed_by_id', byName),
    publishedBriefs: connection(() => briefListing, briefsOfPublisher),
    convenedMeetings: connection(() => meetingListing, meetingsConvenedByOrganization),
    // Found by name: the network's reads import these (for its coordinator).
    coordinatedNetworks: ownedBy(declaredReads('DistrictNetwork'), 'coordinator_id', byName),
    jsonLd: computed(
      jsonLdFields.map((field) => columnOf(organizationSpec, field)),
      (row) => organizationJsonLd(fieldsOfRow(organizationSpec, row, jsonLdFields) as Parameters<typeof organizationJsonLd>[0]),
    ),
  },
});

defineRootReads({
  organizations: rootConnection(() => organizationListing),
  organization: rootLookup(
    () => organizationReads,
    (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`,
  ),
});
