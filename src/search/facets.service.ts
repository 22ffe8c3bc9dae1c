/**
 * Facet counts for a filtered or searched list of briefs or lessons: how many
 * items each theme, year, district, kind and publisher would give, the way a
 * search sidebar shows them. Each facet applies every active filter except its own
 * (so choosing one theme still shows the counts of the others). All five facets are
 * one SQL statement; the themes, districts and publishers named are one more each.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { BriefKind } from '../brief/brief.entity';
import type { BriefFilter } from '../brief/brief.inputs';
import { briefConditions } from '../brief/brief.service';
import type { RequestContext } from '../context';
import type { RecordReference } from '../read/request-reads';
import { District } from '../district/district.entity';
import type { LessonFilter } from '../lesson/lesson.inputs';
import { lessonConditions } from '../lesson/lesson.service';
import { Organization } from '../organization/organization.entity';
import { searchConditions } from '../shared/full-text';
import { updatedAtConditions } from '../shared/updated-at';
import { SqlBuilder, type Condition } from '../shared/pagination/sql-builder';
import { Theme } from '../theme/theme.entity';

@ObjectType({ description: 'How many items are on a theme.' })
export class ThemeCount {
  @Field(() => Theme) theme!: RecordReference;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many items are from a year.' })
export class YearCount {
  @Field(() => Int) year!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many items concern a district.' })
export class DistrictCount {
  @Field(() => District) district!: RecordReference;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many items are of a kind of brief.' })
export class BriefKindCount {
  @Field(() => BriefKind) kind!: BriefKind;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many items an organization published.' })
export class PublisherCount {
  @Field(() => Organization) organization!: RecordReference;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Facet counts for a list, for a filter sidebar. Each facet ignores its own filter and applies the others; the largest 50 values of each, most items first.' })
export class FacetCounts {
  @Field(() => [ThemeCount], { description: 'Items directly on each theme.' }) themes!: ThemeCount[];
  @Field(() => [YearCount], { description: 'Items by year of publication (of the brief, for lessons); items without a date are not counted.' }) years!: YearCount[];
  @Field(() => [DistrictCount], { description: 'Items naming each district.' }) districts!: DistrictCount[];
  @Field(() => [BriefKindCount], { description: 'Items by kind of brief.' }) kinds!: BriefKindCount[];
  @Field(() => [PublisherCount], { description: 'Items by publisher.' }) publishers!: PublisherCount[];
}

type Facet = 'theme' | 'year' | 'district' | 'kind' | 'publisher';

interface FacetQuery {
  from: string;
  /** Conditions with the facet's own filter left out ('none' leaves nothing out). */
  conditions: (without: Facet | 'none') => Condition[];
  value: Record<Facet, { join?: string; sql: string }>;
}

const facetLimit = 50;

async function countFacets(context: RequestContext, query: FacetQuery): Promise<FacetCounts> {
  const sql = new SqlBuilder();
  const branches = (Object.keys(query.value) as Facet[]).map((facet) => {
    const { join, sql: value } = query.value[facet];
    const conditions = [...query.conditions(facet).map((condition) => condition(sql)), `${value} IS NOT NULL`];
    return `(SELECT '${facet}'::text AS facet, (${value})::text AS value, count(*)::int AS count FROM ${query.from} ${join ?? ''}
             WHERE ${conditions.join(' AND ')} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${facetLimit})`;
  });
  const rows = (await context.loaders.manager.query(branches.join(' UNION ALL '), sql.parameters)) as Array<{ facet: Facet; value: string; count: number }>;
  const of = (facet: Facet) => rows.filter((row) => row.facet === facet);
  // References: the read engine reads each record with the fields asked for.
  const withRecords = (facet: Facet, typeName: string) => of(facet).map((row) => ({ record: { typeName, key: Number(row.value) }, count: row.count }));
  const themes = withRecords('theme', 'Theme');
  const districts = withRecords('district', 'District');
  const publishers = withRecords('publisher', 'Organization');
  return {
    themes: themes.map(({ record, count }) => ({ theme: record, count })),
    years: of('year').map((row) => ({ year: Number(row.value), count: row.count })).sort((a, b) => b.count - a.count || b.year - a.year),
    districts: districts.map(({ record, count }) => ({ district: record, count })),
    kinds: of('kind').map((row) => ({ kind: row.value as BriefKind, count: row.count })),
    publishers: publishers.map(({ record, count }) => ({ organization: record, count })),
  };
}

export function briefFacets(context: RequestContext, filter: BriefFilter | null, search: string | null): Promise<FacetCounts> {
  const own: Record<Facet, keyof BriefFilter | undefined> = { theme: 'themes', year: 'published', district: 'districts', kind: 'kinds', publisher: 'publishers' };
  briefConditions(filter); // validate every argument once, before any SQL
  updatedAtConditions(filter, 'b');
  return countFacets(context, {
    from: 'brief b',
    conditions: (without) => [
      ...briefConditions(without === 'none' || !filter ? filter : { ...filter, [own[without]!]: undefined }),
      ...updatedAtConditions(filter, 'b'),
      ...searchConditions('b', search),
    ],
    value: {
      theme: { join: 'JOIN brief_theme facet ON facet.brief_id = b.id', sql: 'facet.theme_id' },
      year: { sql: 'extract(year FROM b.published_on)::int' },
      district: { join: 'JOIN brief_district facet ON facet.brief_id = b.id', sql: 'facet.district_id' },
      kind: { sql: 'b.kind' },
      publisher: { sql: 'b.publisher_id' },
    },
  });
}

export function lessonFacets(context: RequestContext, filter: LessonFilter | null, search: string | null): Promise<FacetCounts> {
  const own: Record<Facet, keyof LessonFilter | undefined> = { theme: 'themes', year: undefined, district: 'districts', kind: undefined, publisher: undefined };
  lessonConditions(filter);
  updatedAtConditions(filter, 'l');
  return countFacets(context, {
    from: 'lesson l JOIN brief b ON b.id = l.brief_id',
    conditions: (without) => {
      const field = without === 'none' ? undefined : own[without];
      return [...lessonConditions(field && filter ? { ...filter, [field]: undefined } : filter), ...updatedAtConditions(filter, 'l'), ...searchConditions('l', search)];
    },
    value: {
      theme: { join: 'JOIN lesson_theme facet ON facet.lesson_id = l.id', sql: 'facet.theme_id' },
      year: { sql: 'extract(year FROM b.published_on)::int' },
      district: { join: 'JOIN lesson_district facet ON facet.lesson_id = l.id', sql: 'facet.district_id' },
      kind: { sql: 'b.kind' },
      publisher: { sql: 'b.publisher_id' },
    },
  });
}
