/**
 * Which tables an operation's answer can depend on, read from its text: every object
 * type it selects maps to the tables that hold it (a lesson's visibility depends on
 * its brief's status, so `Lesson` reads `brief` too). Types not listed here (search
 * results, facets, paths, timelines, related records) may read anything: `everything`.
 */
import { getNamedType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

export const everything = '*';

// Filters read more than the listed records: theme filters follow the theme tree (sub-themes count
// as their parent), district and network filters follow network membership.
const filterTables = ['theme', 'district_network_member'];
const briefTables = ['brief', 'brief_theme', 'brief_district', 'brief_network', 'brief_builds_on', ...filterTables];
const lessonTables = ['lesson', 'lesson_theme', 'lesson_district', 'brief', ...filterTables];

const tablesOfType: Record<string, string[]> = {
  Brief: briefTables,
  Lesson: lessonTables,
  LessonLink: ['lesson_link', ...lessonTables],
  Meeting: ['meeting', 'meeting_theme', 'meeting_district', 'agenda_topic', 'meeting_material', 'theme'],
  AgendaTopic: ['agenda_topic'],
  MeetingMaterial: ['meeting_material'],
  Theme: ['theme'],
  District: ['district', 'district_network_member'],
  DistrictNetwork: ['district_network', 'district_network_member'],
  Organization: ['organization'],
  SourceDocument: ['source_document'],
};

/** Types that only carry values of the record around them (whose tables are already counted). */
const valueTypes = new Set(['Query', 'PageInfo', 'PublicationDate', 'Location']);

function tablesOf(typeName: string): string[] {
  // Introspection types describe the schema, which no write changes.
  if (valueTypes.has(typeName) || typeName.startsWith('__')) return [];
  const entity = typeName.replace(/(Connection|Edge)$/, '');
  return tablesOfType[entity] ?? [everything];
}

/** The tables an answer to this document can depend on; contains `everything` when that cannot be narrowed. */
export function readDependencies(schema: GraphQLSchema, document: DocumentNode): string[] {
  const tables = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : undefined;
        // Scalars and enums are values of the object around them; unions and interfaces may be anything.
        if (named && !isObjectType(named) && !('getTypes' in named) && !('getFields' in named)) return;
        for (const table of named ? tablesOf(named.name) : [everything]) tables.add(table);
      },
    }),
  );
  return [...tables].sort();
}
