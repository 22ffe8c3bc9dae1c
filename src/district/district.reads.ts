/** How districts are read, and the root fields `district(slug:)` and `districts`. */
import { briefListing } from '../brief/brief.service';
import { lessonListing } from '../lesson/lesson.service';
import { meetingListing } from '../meeting/meeting.service';
import { membershipReads } from '../network/district-network-membership.reads';
import { districtsThroughNetworks } from '../network/studied-through';
import { networkReads } from '../network/district-network.reads';
import { byName, connection, defineReads, expression, ownedBy, throughJoin } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import type { NestedSource } from '../shared/pagination/listing';
import { District } from './district.entity';
import { StudyRelation } from './district.inputs';
import { districtListing } from './district.service';

const direct = `SELECT x.brief_id AS id FROM brief_district x WHERE x.district_id = p.owner`;
// Only while the district was a member, as far as the membership's dates say (membership-dates.ts).
const throughNetwork = districtsThroughNetworks({ select: 'brief', as: 'id', where: { district: '= p.owner' } });
const briefsStudying: Record<StudyRelation, NestedSource> = {
  DIRECT: { from: `(${direct}) owned JOIN brief b ON b.id = owned.id` },
  // Inferred only: briefs that name the district themselves are DIRECT.
  THROUGH_NETWORK: { from: `(${throughNetwork} EXCEPT ${direct}) owned JOIN brief b ON b.id = owned.id` },
  ANY: { from: `(${direct} UNION ${throughNetwork}) owned JOIN brief b ON b.id = owned.id` },
};

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
      (args) => briefsStudying[args.studied as StudyRelation],
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
