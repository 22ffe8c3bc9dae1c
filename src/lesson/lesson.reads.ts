/** How lessons and lesson links are read, and the root list `lessons`. */
import { briefReads } from '../brief/brief.reads';
import { districtReads } from '../district/district.reads';
import { byName, connection, defineReads, expression, throughJoin, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection } from '../read/root-reads';
import type { NestedSource } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import { themeReads } from '../theme/theme.reads';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import { LinkDirection } from './lesson.inputs';
import { lessonLinkListing, lessonListing } from './lesson.service';

const linksOfParent: Record<LinkDirection, NestedSource> = {
  OUTGOING: { where: 'k.from_lesson_id = p.owner' },
  INCOMING: { where: 'k.to_lesson_id = p.owner' },
  // A union of two index lookups, not an OR, which would make PostgreSQL scan every link.
  BOTH: {
    from: `(SELECT id FROM lesson_link WHERE from_lesson_id = p.owner UNION SELECT id FROM lesson_link WHERE to_lesson_id = p.owner) owned
           JOIN lesson_link k ON k.id = owned.id`,
  },
};

export const lessonReads = defineReads({
  typeName: 'Lesson',
  entity: Lesson,
  table: 'lesson',
  fields: {
    ...sourcedFields,
    brief: toOne(() => briefReads, 'brief_id'),
    themes: throughJoin(() => themeReads, 'lesson_theme', 'lesson_id', 'theme_id', byName),
    districts: throughJoin(() => districtReads, 'lesson_district', 'lesson_id', 'district_id', byName),
    links: connection(
      () => lessonLinkListing,
      (args) => linksOfParent[args.direction as LinkDirection],
      (args) => `Lesson.links.${args.direction}`,
    ),
  },
});

export const lessonLinkReads = defineReads({
  typeName: 'LessonLink',
  entity: LessonLink,
  table: 'lesson_link',
  fields: {
    ...sourcedFields,
    linkKind: expression((row) => `${row}.kind`),
    from: toOne(() => lessonReads, 'from_lesson_id'),
    to: toOne(() => lessonReads, 'to_lesson_id'),
  },
});

defineRootReads({ lessons: rootConnection(() => lessonListing) });
