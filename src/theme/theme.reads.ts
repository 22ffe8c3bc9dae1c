/** How themes are read, and the root fields `theme(slug:)` and `themes`. */
import { briefListing } from '../brief/brief.service';
import { lessonListing } from '../lesson/lesson.service';
import { meetingListing } from '../meeting/meeting.service';
import { byName, connection, defineReads, ownedBy, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { parentKey, throughJoinTable, type NestedSource } from '../shared/pagination/listing';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { sourcedFields } from '../source-document/source-document.reads';
import { Theme } from './theme.entity';
import { themeKeySet } from './theme.inputs';
import { themeListing } from './theme.service';

/** Records on the parent theme (`parentKey`), or on it and its sub-themes. */
function onParentTheme(table: string, alias: string, joinTable: string, recordColumn: string) {
  return (args: Record<string, unknown>): NestedSource =>
    throughJoinTable(table, alias, joinTable, 'theme_id', recordColumn, args.includeSubthemes ? themeKeySet(new SqlBuilder(), parentKey, true) : undefined);
}

export const themeReads = defineReads({
  typeName: 'Theme',
  entity: Theme,
  table: 'theme',
  fields: {
    ...sourcedFields,
    parent: toOne(() => themeReads, 'parent_id'),
    children: ownedBy(() => themeReads, 'parent_id', byName),
    briefs: connection(() => briefListing, onParentTheme('brief', 'b', 'brief_theme', 'brief_id')),
    meetings: connection(() => meetingListing, onParentTheme('meeting', 'm', 'meeting_theme', 'meeting_id')),
    lessons: connection(() => lessonListing, onParentTheme('lesson', 'l', 'lesson_theme', 'lesson_id')),
  },
});

defineRootReads({
  themes: rootConnection(() => themeListing),
  theme: rootLookup(
    () => themeReads,
    (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`,
  ),
});
