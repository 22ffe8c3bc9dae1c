/**
 * The operations the benchmark measures: what partner websites, researchers and
 * internal tools actually send. Each draws its variables from the database, rotating
 * through real slugs, numbers and IDs so caches cannot flatter the figures.
 */
import type { DataSource } from 'typeorm';
import { encodeGlobalId } from '../shared/global-id';
import { encodeCursor } from '../shared/pagination/cursor';

export interface Operation {
  name: string;
  description: string;
  query: string;
  /** Variables for the n-th run. */
  variables(run: number): Record<string, unknown>;
}

async function column<T>(dataSource: DataSource, sql: string): Promise<T[]> {
  return ((await dataSource.query(sql)) as Array<{ value: T }>).map((row) => row.value);
}

/** What the operations draw their variables from: real slugs, numbers and IDs, and the cursor of a deep page. */
interface Samples {
  slugs: string[];
  meetingNumbers: number[];
  rootThemes: string[];
  lessonIds: string[];
  briefIds: string[];
  districtIds: string[];
  deepCursor: string;
  /** How many briefs deep the deep cursor is. */
  depth: number;
}

async function loadSamples(dataSource: DataSource): Promise<Samples> {
  const slugs = await column<string>(dataSource, `SELECT slug AS value FROM brief ORDER BY md5(slug) LIMIT 500`);
  const meetingNumbers = await column<number>(dataSource, `SELECT number AS value FROM meeting ORDER BY md5(number::text) LIMIT 500`);
  const rootThemes = (await column<number>(dataSource, `SELECT id AS value FROM theme WHERE parent_id IS NULL ORDER BY id`)).map((key) =>
    encodeGlobalId('Theme', key),
  );
  const [briefCount] = await column<number>(dataSource, `SELECT count(*)::int AS value FROM brief`);
  // The cursor after page 1,000 of 20 (or the deepest page the data has), as the API would have issued it.
  const depth = Math.min(1000 * 20, Math.max(briefCount - 20, 1));
  const [deep] = (await dataSource.query(
    `SELECT coalesce(published_on, '0001-01-01'::date) AS published, id FROM brief ORDER BY 1 DESC, 2 DESC OFFSET $1 LIMIT 1`,
    [depth - 1],
  )) as Array<{ published: string; id: number }>;
  const deepCursor = encodeCursor('briefs:PUBLISHED_AT_DESC', [deep.published, deep.id]);
  const lessonIds = (await column<number>(dataSource, `SELECT id AS value FROM lesson ORDER BY md5(id::text) LIMIT 500`)).map((key) =>
    encodeGlobalId('Lesson', key),
  );
  const briefIds = (await column<number>(dataSource, `SELECT id AS value FROM brief ORDER BY md5(id::text) LIMIT 500`)).map((key) =>
    encodeGlobalId('Brief', key),
  );
  const districtIds = (await column<number>(dataSource, `SELECT id AS value FROM district ORDER BY md5(id::text) LIMIT 500`)).map((key) =>
    encodeGlobalId('District', key),
  );

  return { slugs, meetingNumbers, rootThemes, lessonIds, briefIds, districtIds, deepCursor, depth };
}

const pick = <T>(items: T[], run: number) => items[run % items.length];

const partnerPage = `query($theme: ID!, $after: String) {
  briefs(first: 20, after: $after, filter: { themes: { anyOf: [$theme] }, kinds: [REPORT, POLICY_BRIEF], published: { from: "2005-01-01" } }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { slug title kind publicationDate { text } publisher { name } themes { name } }
  }
}`;
const listPage = `query($after: String) {
  briefs(first: 20, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug title publicationDate { text } publisher { name } } }
}`;

export async function readOperations(dataSource: DataSource): Promise<Operation[]> {
  const samples = await loadSamples(dataSource);
  return [...readApiOperations(samples), ...researchOperations(samples)];
}

function researchOperations({ rootThemes, lessonIds, briefIds, districtIds }: Samples): Operation[] {
  return [
    {
      name: 'search',
      description: `one search across all types with highlights and total, rotating ${searchTerms.length} terms (common, rare, phrases, exclusions, typos)`,
      query: `query($q: String!) { search(query: $q, first: 10) { totalCount matchMode edges { score highlights { field snippet }
        node { __typename ...on Brief { title } ...on Lesson { statement } ...on Meeting { number } ...on Theme { name } ...on District { name } ...on Organization { name } } } } }`,
      variables: (run) => ({ q: pick(searchTerms, run) }),
    },
    {
      name: 'autocomplete',
      description: `ten suggestions for a search box, rotating ${prefixes.length} prefixes`,
      query: `query($p: String!) { autocomplete(prefix: $p) { text type } }`,
      variables: (run) => ({ p: pick(prefixes, run) }),
    },
    {
      name: 'brief facets',
      description: 'facet counts (themes, years, districts, kinds, publishers) for briefs on a theme matching a search term',
      query: `query($theme: ID!, $q: String) { briefFacets(filter: { themes: { anyOf: [$theme] } }, search: $q) {
        themes { theme { name } count } years { year count } districts { district { name } count } kinds { kind count } publishers { organization { name } count } } }`,
      variables: (run) => ({ theme: pick(rootThemes, run), q: pick(['improvement', 'data', 'leadership', null], run) }),
    },
    {
      name: 'related lessons',
      description: 'five related lessons of a lesson, with scores and reasons',
      query: `query($id: ID!) { node(id: $id) { ...on Lesson { statement relatedLessons(first: 5) { edges { score reasons { kind weight } node { statement brief { title } } } } } } }`,
      variables: (run) => ({ id: pick(lessonIds, run) }),
    },
    {
      name: 'connection',
      description: 'the shortest chain (at most 4 hops) from a brief to a district',
      query: `query($from: ID!, $to: ID!) { connection(from: $from, to: $to, maxHops: 4) { hops steps { relation to { id } } } }`,
      variables: (run) => ({ from: pick(briefIds, run), to: pick(districtIds, run * 7 + 3) }),
    },
  ];
}

function readApiOperations({ slugs, meetingNumbers, rootThemes, deepCursor, depth }: Samples): Operation[] {
  return [
    {
      name: 'brief by slug',
      description: 'a brief page: the brief, its publisher, themes, and first ten lessons with their themes',
      query: `query($slug: String!) { brief(slug: $slug) { id title kind summary publicationDate { text } publisher { name } themes { name }
      lessons(first: 10) { nodes { position statement themes { name } } } } }`,
      variables: (run) => ({ slug: pick(slugs, run) }),
    },
    {
      name: 'partner list page',
      description: 'reports and policy briefs on a theme (with sub-themes) since 2005, newest first, with total count',
      query: partnerPage,
      variables: (run) => ({ theme: pick(rootThemes, run) }),
    },
    {
      name: 'three-level nested',
      description: "10 themes → each theme's 10 newest lessons → each lesson's brief and the meeting it follows up, and the lesson's themes",
      query: `{ themes(first: 10) { nodes { name lessons(first: 10, includeSubthemes: false) { nodes { statement brief { title followsUpMeeting { number } } themes { name } } } } } }`,
      variables: () => ({}),
    },
    {
      name: 'meeting with materials',
      description: 'a meeting: dates, place, convener, agenda, materials, themes, follow-up briefs with their lessons',
      query: `query($number: Int!) { meeting(number: $number) { number title dateRange startsOn endsOn location { text } convener { name }
      agendaTopics { position title } materials { kind title sizeText } themes { name }
      followUpBriefs(first: 10) { nodes { title publicationDate { text } lessons(first: 5) { nodes { statement } } } } } }`,
      variables: (run) => ({ number: pick(meetingNumbers, run) }),
    },
    {
      name: 'list page 1',
      description: 'briefs, newest first, first page of 20',
      query: listPage,
      variables: () => ({ after: null }),
    },
    {
      name: 'deep list page',
      description: `the same list, ${depth.toLocaleString('en-US')} briefs deep (page ${Math.round(depth / 20) + 1}; page 1,001 where there are enough briefs)`,
      query: listPage,
      variables: () => ({ after: deepCursor }),
    },
  ];
}

/** Common and rare words, a phrase, an exclusion, an accent and typos, from both the shipped and the synthetic texts. */
const searchTerms = [
  'continuous improvement',
  'data',
  'equity',
  'leadership',
  'tutoring',
  'Placerville',
  '"school climate"',
  'county offices',
  'summer -learning',
  'accountability or turnaround',
  'équité',
  'contnuous improvment',
  'tutorng',
  'statewide system of support',
];
const prefixes = ['im', 'impr', 'cont', 'tutor', 'fres', 'meeting 1', 'sacr', 'equ', 'data u', 'lead'];
