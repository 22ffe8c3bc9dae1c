/**
 * Facet counts for a filtered or searched list of briefs or lessons: how many
 * items each theme, year, district, kind and publisher would give, the way a
 * search sidebar shows them. Each facet applies every active filter except its own
 * (so choosing one theme still shows the counts of the others). All six facets are
 * one SQL statement; the themes, districts and publishers named are one more each.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { BriefKind } from '../brief/brief.entity';
import type { BriefFilter } from '../brief/brief.inputs';
import { briefConditions } from '../brief/brief.service';
import type { RequestContext } from '../context';
import type { RecordReference } from '../read/request-reads';
import { District } from '../district/district.entity';
import { EvidenceBasis } from '../evidence/evidence-basis';
import type { LessonFilter } from '../lesson/lesson.inputs';
import { lessonConditions } from '../lesson/lesson.service';
import { districtsThroughNetworks } from '../network/studied-through';
import { Organization } from '../organization/organization.entity';
import { searchConditions } from '../shared/full-text';
import { updatedAtConditions } from '../shared/updated-at';
import { SqlBuilder, type Condition } from '../shared/pagination/sql-builder';
import { Theme } from '../theme/theme.entity';

@ObjectType({ description: 'How many items are on a theme. A value with no id: part of its facet counts.' })
export class ThemeCount {
  @Field(() => Theme, { description: 'The theme.' }) theme!: RecordReference;
  @Field(() => Int, { description: 'How many items are directly on the theme.' }) count!: number;
}

@ObjectType({ description: 'How many items are from a year. A value with no id: part of its facet counts.' })
export class YearCount {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'How many items are from the year.' }) count!: number;
}

@ObjectType({ description: 'How many items concern a district. A value with no id: part of its facet counts.' })
export class DistrictCount {
  @Field(() => District, { description: 'The district.' }) district!: RecordReference;
  @Field(() => Int, { description: 'How many items concern the district.' }) count!: number;
}

@ObjectType({ description: 'How many items are of a kind of brief. A value with no id: part of its facet counts.' })
export class BriefKindCount {
  @Field(() => BriefKind, { description: 'The kind of brief.' }) kind!: BriefKind;
  @Field(() => Int, { description: 'How many items are of the kind.' }) count!: number;
}

@ObjectType({ description: 'How many lessons rest on a basis. A value with no id: part of its facet counts.' })
export class BasisCount {
  @Field(() => EvidenceBasis, { description: 'The basis.' }) basis!: EvidenceBasis;
  @Field(() => Int, { description: 'How many lessons rest on it.' }) count!: number;
}

@ObjectType({ description: 'How many items an organization published. A value with no id: part of its facet counts.' })
export class PublisherCount {
  @Field(() => Organization, { description: 'The publishing organization.' }) organization!: RecordReference;
  @Field(() => Int, { description: 'How many items the organization published.' }) count!: number;
}

@ObjectType({
  description:
    'Facet counts for a list, for a filter sidebar. Each facet ignores its own filter and applies the others; the largest 50 values of each, most items first. A value with no id: computed for the filter and search asked, cached with the field that asked.',
})
export class FacetCounts {
  @Field(() => [ThemeCount], { description: 'Items on each theme or one of its sub-themes, as the themes filter matches by default.' }) themes!: ThemeCount[];
  @Field(() => [YearCount], { description: 'Items by year of publication (of the brief, for lessons); items without a date are not counted.' })
  years!: YearCount[];
  @Field(() => [DistrictCount], {
    description: 'Items naming each district, as the districts filter matches (for briefs: directly, or through a network they study).',
  })
  districts!: DistrictCount[];
  @Field(() => [BriefKindCount], { description: 'Items by kind of brief.' }) kinds!: BriefKindCount[];
  @Field(() => [PublisherCount], { description: 'Items by publisher.' }) publishers!: PublisherCount[];
  @Field(() => [BasisCount], { description: 'Lessons by the basis they rest on (the `bases` filter); always empty for briefs.' }) bases!: BasisCount[];
}

type Facet = 'theme' | 'year' | 'district' | 'kind' | 'publisher' | 'basis';

interface FacetQuery {
  from: string;
  /** Conditions with the facet's own filter left out ('none' leaves nothing out). */
  conditions: (without: Facet | 'none') => Condition[];
  value: Record<Facet, { join?: string; sql: string }>;
}

const facetLimit = 50;

/**
 * The themes an item counts under, as the themes filter matches by default (includeSubthemes: true): the themes it
 * is on and every ancestor of them, each once.
 */
function themesWithAncestors(joinTable: string, ownerColumn: string, ownerKey: string): string {
  return `JOIN LATERAL (WITH RECURSIVE ancestry(theme_id) AS (
            SELECT own.theme_id FROM ${joinTable} own WHERE own.${ownerColumn} = ${ownerKey}
            UNION SELECT theme.parent_id FROM theme JOIN ancestry ON theme.id = ancestry.theme_id WHERE theme.parent_id IS NOT NULL
          ) SELECT theme_id FROM ancestry) facet ON TRUE`;
}

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
    years: of('year')
      .map((row) => ({ year: Number(row.value), count: row.count }))
      .sort((a, b) => b.count - a.count || b.year - a.year),
    districts: districts.map(({ record, count }) => ({ district: record, count })),
    kinds: of('kind').map((row) => ({ kind: row.value as BriefKind, count: row.count })),
    publishers: publishers.map(({ record, count }) => ({ organization: record, count })),
    bases: of('basis').map((row) => ({ basis: row.value as EvidenceBasis, count: row.count })),
  };
}

export function briefFacets(context: RequestContext, filter: BriefFilter | null, search: string | null): Promise<FacetCounts> {
  const own: Record<Facet, keyof BriefFilter | undefined> = {
    theme: 'themes',
    year: 'published',
    district: 'districts',
    kind: 'kinds',
    publisher: 'publishers',
    basis: undefined,
  };
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
      theme: { join: themesWithAncestors('brief_theme', 'brief_id', 'b.id'), sql: 'facet.theme_id' },
      year: { sql: 'extract(year FROM b.published_on)::int' },
      // As the districts filter matches: districts studied directly, and districts of the networks studied.
      district: {
        join: `JOIN LATERAL (SELECT x.district_id FROM brief_district x WHERE x.brief_id = b.id
                             UNION ${districtsThroughNetworks({ select: 'district', ofBrief: 'b' })}) facet ON TRUE`,
        sql: 'facet.district_id',
      },
      kind: { sql: 'b.kind' },
      publisher: { sql: 'b.publisher_id' },
      basis: { sql: 'NULL::text' },
    },
  });
}

export function lessonFacets(context: RequestContext, filter: LessonFilter | null, search: string | null): Promise<FacetCounts> {
  const own: Record<Facet, keyof LessonFilter | undefined> = {
    theme: 'themes',
    year: 'published',
    district: 'districts',
    kind: 'kinds',
    publisher: 'publishers',
    basis: 'bases',
  };
  lessonConditions(filter);
  updatedAtConditions(filter, 'l');
  return countFacets(context, {
    from: 'lesson l JOIN brief b ON b.id = l.brief_id',
    conditions: (without) => {
      const field = without === 'none' ? undefined : own[without];
      return [
        ...lessonConditions(field && filter ? { ...filter, [field]: undefined } : filter),
        ...updatedAtConditions(filter, 'l'),
        ...searchConditions('l', search),
      ];
    },
    value: {
      theme: { join: themesWithAncestors('lesson_theme', 'lesson_id', 'l.id'), sql: 'facet.theme_id' },
      year: { sql: 'extract(year FROM b.published_on)::int' },
      district: { join: 'JOIN lesson_district facet ON facet.lesson_id = l.id', sql: 'facet.district_id' },
      kind: { sql: 'b.kind' },
      publisher: { sql: 'b.publisher_id' },
      basis: { sql: 'l.basis' },
    },
  });
}
