/** Lists of lessons and of lesson links: filters and orderings in SQL. */
import { checkDateRange, dateWithin } from '../shared/date-range';
import { anyOfIds, anyOfSlugs, anyOfValues } from '../shared/filters';
import type { Ordering } from '../shared/pagination/keyset';
import { defineListing, parentKey, type NestedSource } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { updatedAtOrderings } from '../shared/updated-at';
import { themeMatchConditions } from '../theme/theme.inputs';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import type { LessonFilter, LessonLinkFilter, LessonLinkOrder, LessonOrder, LinkDirection } from './lesson.inputs';

export const lessonOrderings: Record<LessonOrder, Ordering> = {
  BRIEF_AND_POSITION: {
    name: 'BRIEF_AND_POSITION',
    columns: [
      { sql: 'l.brief_id', type: 'int' },
      { sql: 'l.position', type: 'int' },
    ],
    descending: false,
  },
  NEWEST_FIRST: { name: 'NEWEST_FIRST', columns: [{ sql: 'l.id', type: 'int' }], descending: true },
  ...updatedAtOrderings('l'),
};

// Each filter takes IDs or slugs: one condition, given an SQL array of keys.
const lessonOfDistricts = (_sql: unknown, keys: string) => `EXISTS (SELECT 1 FROM lesson_district x WHERE x.lesson_id = l.id AND x.district_id = ANY(${keys}))`;
const lessonOfBriefs = (_sql: unknown, keys: string) => `l.brief_id = ANY(${keys})`;
const lessonOfPublishers = (_sql: unknown, keys: string) => `(SELECT publisher_id FROM brief WHERE brief.id = l.brief_id) = ANY(${keys})`;

export function lessonConditions(filter: LessonFilter | null | undefined, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  checkDateRange(filter.published, `${argumentName}.published`);
  return [
    ...themeMatchConditions(filter.themes, 'lesson_theme', 'lesson_id', 'l.id', `${argumentName}.themes`),
    ...anyOfIds(filter.districts, 'District', `${argumentName}.districts`, lessonOfDistricts),
    ...anyOfSlugs(filter.districtSlugs, 'district', `${argumentName}.districtSlugs`, lessonOfDistricts),
    ...anyOfIds(filter.briefs, 'Brief', `${argumentName}.briefs`, lessonOfBriefs),
    ...anyOfSlugs(filter.briefSlugs, 'brief', `${argumentName}.briefSlugs`, lessonOfBriefs),
    ...anyOfValues(filter.bases, 'l.basis', 'evidence_basis[]', `${argumentName}.bases`),
    // The brief's own facts, as briefFacets and lessonFacets count them.
    ...anyOfValues(filter.kinds, '(SELECT kind FROM brief WHERE brief.id = l.brief_id)', 'brief_kind[]', `${argumentName}.kinds`),
    ...anyOfIds(filter.publishers, 'Organization', `${argumentName}.publishers`, lessonOfPublishers),
    ...anyOfSlugs(filter.publisherSlugs, 'organization', `${argumentName}.publisherSlugs`, lessonOfPublishers),
    ...(filter.published
      ? [
          (sql: Parameters<Condition>[0]) =>
            `EXISTS (SELECT 1 FROM brief WHERE brief.id = l.brief_id AND ${dateWithin(sql, 'brief.published_on', filter.published!)})`,
        ]
      : []),
    ...(filter.linkKinds
      ? [
          (sql: Parameters<Condition>[0]) => {
            const kinds = sql.param(filter.linkKinds, 'lesson_link_kind[]');
            return `(EXISTS (SELECT 1 FROM lesson_link k WHERE k.from_lesson_id = l.id AND k.kind = ANY(${kinds}))
              OR EXISTS (SELECT 1 FROM lesson_link k WHERE k.to_lesson_id = l.id AND k.kind = ANY(${kinds})))`;
          },
        ]
      : []),
  ];
}

export const lessonListing = defineListing({
  nodeType: Lesson,
  rootName: 'lessons',
  from: 'lesson l',
  key: 'l.id',
  orderings: lessonOrderings,
  conditions: (filter: LessonFilter | null | undefined) => lessonConditions(filter),
  searchable: 'l',
});

export const lessonLinkListing = defineListing({
  nodeType: LessonLink,
  rootName: 'lessonLinks',
  from: 'lesson_link k',
  key: 'k.id',
  orderings: {
    OLDEST_FIRST: { name: 'OLDEST_FIRST', columns: [{ sql: 'k.id', type: 'int' }], descending: false },
    ...updatedAtOrderings('k'),
  } satisfies Record<LessonLinkOrder, Ordering>,
  conditions: (filter: LessonLinkFilter | null | undefined) => [
    ...anyOfValues(filter?.kinds, 'k.kind', 'lesson_link_kind[]', 'filter.kinds'),
    ...anyOfValues(filter?.bases, 'k.basis', 'evidence_basis[]', 'filter.bases'),
  ],
});

/** The lessons of the brief that is the parent of a nested list (Brief.lessons). */
export const lessonsOfBrief: NestedSource = { where: `l.brief_id = ${parentKey}` };

/** The lessons drawn in the follow-up briefs of the meeting that is the parent (Meeting.followUpLessons). */
export const lessonsFollowingUpMeeting: NestedSource = {
  from: 'brief followed CROSS JOIN LATERAL (SELECT * FROM lesson WHERE brief_id = followed.id OFFSET 0) l',
  where: `followed.follows_up_meeting_id = ${parentKey}`,
};

/** The links of the lesson that is the parent, in each direction (Lesson.links). */
export const linksOfLesson: Record<LinkDirection, NestedSource> = {
  OUTGOING: { where: `k.from_lesson_id = ${parentKey}` },
  INCOMING: { where: `k.to_lesson_id = ${parentKey}` },
  // A union of two index lookups, not an OR, which would make PostgreSQL scan every link.
  BOTH: {
    from: `(SELECT id FROM lesson_link WHERE from_lesson_id = ${parentKey} UNION SELECT id FROM lesson_link WHERE to_lesson_id = ${parentKey}) owned
           JOIN lesson_link k ON k.id = owned.id`,
  },
};
