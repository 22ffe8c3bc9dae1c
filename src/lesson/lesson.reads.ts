/** How lessons and lesson links are read, and the root list `lessons`. */
import { briefReads } from '../brief/brief.reads';
import { districtReads } from '../district/district.reads';
import { byName, connection, defineReads, expression, throughJoin, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection } from '../read/root-reads';
import { sourcedFields } from '../source-document/source-document.reads';
import { themeReads } from '../theme/theme.reads';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import { LinkDirection } from './lesson.inputs';
import { lessonLinkListing, lessonListing, linksOfLesson } from './lesson.service';

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
      (args) => linksOfLesson[args.direction as LinkDirection],
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
