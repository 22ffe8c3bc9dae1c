/** How districts are read, and the root fields `district(slug:)` and `districts`. */
import { briefListing, briefsStudyingDistrict } from '../brief/brief.service';
import { lessonListing } from '../lesson/lesson.service';
import { meetingListing } from '../meeting/meeting.service';
import { membershipReads } from '../network/district-network-membership.reads';
import { networkReads } from '../network/district-network.reads';
import { byName, connection, defineReads, expression, ownedBy, throughJoin } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import { District } from './district.entity';
import { StudyRelation } from './district.inputs';
import { districtListing } from './district.service';

export const districtReads = defineReads({
  typeName: 'District',
  entity: District,
  table: 'district',
  fields: {
    ...sourcedFields,
    districtKind: expression((row) => `${row}.kind`),
    networks: throughJoin(() => networkReads, 'district_network_member', 'district_id', 'network_id', byName),
    networkMemberships: ownedBy(
      () => membershipReads,
      'district_id',
      (alias) => `(SELECT member_n.name FROM district_network member_n WHERE member_n.id = ${alias}.network_id), ${alias}.network_id`,
    ),
    // Briefs that study the district directly, through a network it belongs to (an inference), or either.
    briefs: connection(
      () => briefListing,
      (args) => briefsStudyingDistrict[args.studied as StudyRelation],
      (args) => `District.briefs.${args.studied}`,
    ),
    lessons: connection(() => lessonListing, throughJoinTable('lesson', 'l', 'lesson_district', 'district_id', 'lesson_id')),
    meetings: connection(() => meetingListing, throughJoinTable('meeting', 'm', 'meeting_district', 'district_id', 'meeting_id')),
  },
});

defineRootReads({
  districts: rootConnection(() => districtListing),
  district: rootLookup(
    () => districtReads,
    (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`,
  ),
});
