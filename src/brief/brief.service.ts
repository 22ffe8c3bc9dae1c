/** Lists of briefs: the filters and orderings in SQL, root and nested pages. */
import { districtsThroughNetworks, networksThroughDistricts } from '../network/studied-through';
import { checkDateRange, dateWithin } from '../shared/date-range';
import { anyOfIds, anyOfSlugs, anyOfValues } from '../shared/filters';
import type { Ordering } from '../shared/pagination/keyset';
import { defineListing, parentKey, type NestedSource } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { updatedAtOrderings } from '../shared/updated-at';
import { themeMatchConditions } from '../theme/theme.inputs';
import { Brief } from './brief.entity';
import type { StudyRelation } from '../district/district.inputs';
import type { BriefFilter, BriefOrder } from './brief.inputs';

const publishedOn = { sql: `coalesce(b.published_on, '0001-01-01'::date)`, type: 'date' } as const;
const title = { sql: 'b.title', type: 'text' } as const;
const key = { sql: 'b.id', type: 'int' } as const;

export const briefOrderings: Record<BriefOrder, Ordering> = {
  PUBLISHED_AT_DESC: { name: 'PUBLISHED_AT_DESC', columns: [publishedOn, key], descending: true },
  PUBLISHED_AT_ASC: { name: 'PUBLISHED_AT_ASC', columns: [publishedOn, key], descending: false },
  TITLE_ASC: { name: 'TITLE_ASC', columns: [title, key], descending: false },
  TITLE_DESC: { name: 'TITLE_DESC', columns: [title, key], descending: true },
  ...updatedAtOrderings('b'),
};

// Each filter takes IDs or slugs: one condition, given an SQL array of keys.
const briefOfDistricts = (_sql: unknown, keys: string) =>
  `(EXISTS (SELECT 1 FROM brief_district x WHERE x.brief_id = b.id AND x.district_id = ANY(${keys}))
    OR EXISTS (${districtsThroughNetworks({ select: null, ofBrief: 'b', where: { district: `= ANY(${keys})` } })}))`;
const briefOfNetworks = (_sql: unknown, keys: string) =>
  `(EXISTS (SELECT 1 FROM brief_network x WHERE x.brief_id = b.id AND x.network_id = ANY(${keys}))
    OR EXISTS (${networksThroughDistricts({ select: null, ofBrief: 'b', where: { network: `= ANY(${keys})` } })}))`;
const briefOfPublishers = (_sql: unknown, keys: string) => `b.publisher_id = ANY(${keys})`;

export function briefConditions(filter: BriefFilter | null | undefined, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  checkDateRange(filter.published, `${argumentName}.published`);
  return [
    ...themeMatchConditions(filter.themes, 'brief_theme', 'brief_id', 'b.id', `${argumentName}.themes`),
    ...anyOfIds(filter.districts, 'District', `${argumentName}.districts`, briefOfDistricts),
    ...anyOfSlugs(filter.districtSlugs, 'district', `${argumentName}.districtSlugs`, briefOfDistricts),
    ...anyOfIds(filter.networks, 'DistrictNetwork', `${argumentName}.networks`, briefOfNetworks),
    ...anyOfSlugs(filter.networkSlugs, 'district_network', `${argumentName}.networkSlugs`, briefOfNetworks),
    ...anyOfValues(filter.kinds, 'b.kind', 'brief_kind[]', `${argumentName}.kinds`),
    ...anyOfIds(filter.publishers, 'Organization', `${argumentName}.publishers`, briefOfPublishers),
    ...anyOfSlugs(filter.publisherSlugs, 'organization', `${argumentName}.publisherSlugs`, briefOfPublishers),
    ...(filter.published ? [(sql: Parameters<Condition>[0]) => dateWithin(sql, 'b.published_on', filter.published!)] : []),
    ...anyOfIds(filter.followsUpMeetings, 'Meeting', `${argumentName}.followsUpMeetings`, (_sql, keys) => `b.follows_up_meeting_id = ANY(${keys})`),
  ];
}

export const briefListing = defineListing({
  nodeType: Brief,
  rootName: 'briefs',
  from: 'brief b',
  key: 'b.id',
  orderings: briefOrderings,
  conditions: (filter: BriefFilter | null | undefined) => briefConditions(filter),
  searchable: 'b',
});

/** The briefs that follow up the meeting that is the parent of a nested list (Meeting.followUpBriefs). */
export const briefsFollowingUpMeeting: NestedSource = { where: `b.follows_up_meeting_id = ${parentKey}` };

/** The briefs published by the organization that is the parent of a nested list (Organization.publishedBriefs). */
export const briefsOfPublisher: NestedSource = { where: `b.publisher_id = ${parentKey}` };

const briefsNamingDistrict = `SELECT x.brief_id AS id FROM brief_district x WHERE x.district_id = ${parentKey}`;
// Only while the district was a member, as far as the membership's dates say (membership-dates.ts).
const briefsThroughNetworks = districtsThroughNetworks({ select: 'brief', as: 'id', where: { district: `= ${parentKey}` } });

/** The briefs that study the district that is the parent of a nested list (District.briefs), by how they study it. */
export const briefsStudyingDistrict: Record<StudyRelation, NestedSource> = {
  DIRECT: { from: `(${briefsNamingDistrict}) owned JOIN brief b ON b.id = owned.id` },
  // Inferred only: briefs that name the district themselves are DIRECT.
  THROUGH_NETWORK: { from: `(${briefsThroughNetworks} EXCEPT ${briefsNamingDistrict}) owned JOIN brief b ON b.id = owned.id` },
  ANY: { from: `(${briefsNamingDistrict} UNION ${briefsThroughNetworks}) owned JOIN brief b ON b.id = owned.id` },
};

const briefsNamingNetwork = `SELECT x.brief_id AS id FROM brief_network x WHERE x.network_id = ${parentKey}`;
// Through a member district the brief names, while it was a member when the brief came out (membership-dates.ts).
const briefsThroughMemberDistricts = networksThroughDistricts({ select: 'brief', as: 'id', where: { network: `= ${parentKey}` } });

/** The briefs that study the network that is the parent of a nested list (DistrictNetwork.briefs), directly or through its member districts. */
export const briefsStudyingNetwork: NestedSource = {
  from: `(${briefsNamingNetwork} UNION ${briefsThroughMemberDistricts}) owned JOIN brief b ON b.id = owned.id`,
};
