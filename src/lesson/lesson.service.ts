/** Lists of lessons and of lesson links: filters and orderings in SQL. */
import { anyOfIds, anyOfValues } from '../shared/filters';
import type { Ordering } from '../shared/pagination/keyset';
import { defineListing } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { updatedAtOrderings } from '../shared/updated-at';
import { themeMatchConditions } from '../theme/theme.inputs';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import type { LessonFilter, LessonLinkFilter, LessonLinkOrder, LessonOrder } from './lesson.inputs';

export const lessonOrderings: Record<LessonOrder, Ordering> = {
  BRIEF_AND_POSITION: { name: 'BRIEF_AND_POSITION', columns: [{ sql: 'l.brief_id', type: 'int' }, { sql: 'l.position', type: 'int' }], descending: false },
  NEWEST_FIRST: { name: 'NEWEST_FIRST', columns: [{ sql: 'l.id', type: 'int' }], descending: true },
  ...updatedAtOrderings('l'),
};

export function lessonConditions(filter: LessonFilter | null | undefined, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  return [
    ...themeMatchConditions(filter.themes, 'lesson_theme', 'lesson_id', 'l.id', `${argumentName}.themes`),
    ...anyOfIds(filter.districts, 'District', `${argumentName}.districts`, (_sql, keys) =>
      `EXISTS (SELECT 1 FROM lesson_district x WHERE x.lesson_id = l.id AND x.district_id = ANY(${keys}))`),
    ...anyOfIds(filter.briefs, 'Brief', `${argumentName}.briefs`, (_sql, keys) => `l.brief_id = ANY(${keys})`),
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
  orderings: { OLDEST_FIRST: { name: 'OLDEST_FIRST', columns: [{ sql: 'k.id', type: 'int' }], descending: false }, ...updatedAtOrderings('k') } satisfies Record<LessonLinkOrder, Ordering>,
  conditions: (filter: LessonLinkFilter | null | undefined) => anyOfValues(filter?.kinds, 'k.kind', 'lesson_link_kind[]', 'filter.kinds'),
});
