/** How briefs are read: their relations and lists, and the root fields `brief(slug:)` and `briefs`. */
import { districtReads } from '../district/district.reads';
import { lessonListing } from '../lesson/lesson.service';
import { meetingReads } from '../meeting/meeting.reads';
import { networkReads } from '../network/district-network.reads';
import { organizationReads } from '../organization/organization.reads';
import { byName, computed, connection, defineReads, expression, throughJoin, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import { themeReads } from '../theme/theme.reads';
import { Brief } from './brief.entity';
import { briefListing } from './brief.service';
import { PublicationDate } from './publication-date';

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
    lessons: connection(() => lessonListing, { where: 'l.brief_id = p.owner' }),
    themes: throughJoin(() => themeReads, 'brief_theme', 'brief_id', 'theme_id', byName),
    districts: throughJoin(() => districtReads, 'brief_district', 'brief_id', 'district_id', byName),
    networks: throughJoin(() => networkReads, 'brief_network', 'brief_id', 'network_id', byName),
    buildsOn: connection(() => briefListing, throughJoinTable('brief', 'b', 'brief_builds_on', 'brief_id', 'builds_on_brief_id')),
    builtOnBy: connection(() => briefListing, throughJoinTable('brief', 'b', 'brief_builds_on', 'builds_on_brief_id', 'brief_id')),
  },
});

defineRootReads({
  briefs: rootConnection(() => briefListing),
  brief: rootLookup(() => briefReads, (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`),
});
