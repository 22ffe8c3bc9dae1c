/**
 * One relevance-ranked search across briefs, lessons, meetings, themes, districts,
 * organizations and district networks: PostgreSQL full-text search over weighted documents. When
 * nothing matches as written, misspelt words are corrected to the nearest words the
 * knowledge base holds, and the corrected query is searched (typo tolerance).
 *
 * Statements per search: one to check the words, one for the page (plus one to
 * correct and one to search again when nothing matched), one for the highlights of
 * the page, one per record type on the page, and one for the total if asked. None
 * depends on page size or data size.
 */
import type { RequestContext } from '../context';
import { maximumKey } from '../shared/global-id';
import { decodeCursor, encodeCursor, invalidCursorError } from '../shared/pagination/cursor';
import { toPageRequest } from '../shared/pagination/connection-arguments';
import { SqlBuilder, type Condition } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import { themeMatchConditions, type ThemeMatch } from '../theme/theme.inputs';
import { checkSearchTerms, cleanSearchText, tsquery, searchConfiguration } from '../shared/full-text';
import { exactCountLimit, Highlight, SearchConnection, SearchEdge, SearchMatchMode, SearchType, type SearchTotal } from './search.types';

interface SearchSource {
  type: SearchType;
  table: string;
  alias: string;
  /** The title or name: what fuzzy matching compares and autocomplete shows. */
  title: string;
  /** Fields shown with highlights, most important first. */
  fields: Array<{ name: string; sql: string }>;
  /** The join table to themes, for the theme filter; absent for types without themes. */
  themes?: { joinTable: string; column: string };
  /** The GraphQL type of the records found. */
  typeName: string;
}

export const searchSources: Record<SearchType, SearchSource> = {
  BRIEF: {
    type: SearchType.BRIEF,
    table: 'brief',
    alias: 'b',
    title: 'b.title',
    fields: [
      { name: 'title', sql: 'b.title' },
      { name: 'alternateTitles', sql: `nullif(array_to_string(b.alternate_titles, ' / '), '')` },
      { name: 'summary', sql: 'b.summary' },
    ],
    themes: { joinTable: 'brief_theme', column: 'brief_id' },
    typeName: 'Brief',
  },
  LESSON: {
    type: SearchType.LESSON,
    table: 'lesson',
    alias: 'l',
    title: 'l.statement',
    fields: [
      { name: 'statement', sql: 'l.statement' },
      { name: 'explanation', sql: 'l.explanation' },
    ],
    themes: { joinTable: 'lesson_theme', column: 'lesson_id' },
    typeName: 'Lesson',
  },
  MEETING: {
    type: SearchType.MEETING,
    table: 'meeting',
    alias: 'm',
    title: `'Meeting ' || m.number || coalesce(': ' || m.title, '')`,
    fields: [
      { name: 'title', sql: 'm.title' },
      { name: 'description', sql: 'm.description' },
      { name: 'agenda', sql: `(SELECT string_agg(topic.title, ' · ' ORDER BY topic.position) FROM agenda_topic topic WHERE topic.meeting_id = m.id)` },
      {
        name: 'materials',
        sql: `(SELECT string_agg(material.title || coalesce(': ' || nullif(array_to_string(material.contents, '; '), ''), ''), ' · ' ORDER BY material.position)
                 FROM meeting_material material WHERE material.meeting_id = m.id)`,
      },
    ],
    themes: { joinTable: 'meeting_theme', column: 'meeting_id' },
    typeName: 'Meeting',
  },
  THEME: {
    type: SearchType.THEME,
    table: 'theme',
    alias: 't',
    title: 't.name',
    fields: [
      { name: 'name', sql: 't.name' },
      { name: 'description', sql: 't.description' },
    ],
    typeName: 'Theme',
  },
  DISTRICT: {
    type: SearchType.DISTRICT,
    table: 'district',
    alias: 'd',
    title: 'd.name',
    fields: [{ name: 'name', sql: 'd.name' }],
    typeName: 'District',
  },
  ORGANIZATION: {
    type: SearchType.ORGANIZATION,
    table: 'organization',
    alias: 'o',
    title: 'o.name',
    fields: [
      { name: 'name', sql: 'o.name' },
      { name: 'description', sql: 'o.description' },
    ],
    typeName: 'Organization',
  },
  PERSON: {
    type: SearchType.PERSON,
    table: 'person',
    alias: 'pe',
    title: 'pe.name',
    fields: [{ name: 'name', sql: 'pe.name' }],
    typeName: 'Person',
  },
  DISTRICT_NETWORK: {
    type: SearchType.DISTRICT_NETWORK,
    table: 'district_network',
    alias: 'n',
    title: 'n.name',
    fields: [
      { name: 'name', sql: 'n.name' },
      { name: 'description', sql: 'n.description' },
    ],
    typeName: 'DistrictNetwork',
  },
};

const allTypes = Object.values(SearchType);

export interface SearchOptions {
  query: string;
  types?: SearchType[] | null;
  themes?: ThemeMatch | null;
  first?: number | null;
  after?: string | null;
}

interface Hit {
  type: SearchType;
  key: number;
  score: number;
}

const startMark = '\u27e6';
const endMark = '\u27e7';
const headlineOptions = `StartSel=${startMark}, StopSel=${endMark}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A headline from ts_headline, made safe for HTML, with its marks turned into <mark> tags. */
export function markSnippet(snippet: string): string {
  return escapeHtml(snippet).split(startMark).join('<mark>').split(endMark).join('</mark>');
}

function sourceConditions(source: SearchSource, themes: ThemeMatch | null | undefined): Condition[] | undefined {
  if (!themes) return [];
  if (!source.themes) return undefined; // records without themes cannot match a theme filter
  return themeMatchConditions(themes, source.themes.joinTable, source.themes.column, `${source.alias}.id`, 'filter.themes');
}

/**
 * At most this many matches of each type are ranked: the most recently added (the
 * same set on every page, so paging neither skips nor repeats).
 * Ranking reads every candidate's document, so without a bound a common word would
 * cost in proportion to the database; with it, a search costs the same at any size.
 * The price: for a word with more matches than this, the best match can be missed;
 * adding a word narrows the search.
 */
export const maximumRankedPerType = 500;

/**
 * One SELECT per requested type, joined by UNION ALL; `branch` writes a type's SELECT
 * given the bound search text and the type's filter conditions (as " AND …").
 * Types that cannot match the filter (no themes under a theme filter) are left out.
 */
function unionOverSources(
  sql: SqlBuilder,
  sources: SearchSource[],
  text: string,
  themes: ThemeMatch | null | undefined,
  branch: (source: SearchSource, textParameter: string, extra: string) => string,
): string | undefined {
  const textParameter = sql.param(text, 'text');
  const branches: string[] = [];
  for (const source of sources) {
    const conditions = sourceConditions(source, themes);
    if (!conditions) continue;
    branches.push(branch(source, textParameter, conditions.map((condition) => ` AND ${condition(sql)}`).join('')));
  }
  return branches.length ? branches.join('\nUNION ALL\n') : undefined;
}

/** The SELECT of matching (type, key, score) rows for every requested type. */
function hitsSelect(sql: SqlBuilder, sources: SearchSource[], text: string, themes: ThemeMatch | null | undefined): string | undefined {
  return unionOverSources(
    sql,
    sources,
    text,
    themes,
    ({ table, alias, type }, textParameter, extra) =>
      `SELECT '${type}'::text AS type, candidate.id AS key, ts_rank_cd(candidate.search_document, query, 32)::float8 AS score
     FROM (SELECT ${alias}.id, ${alias}.search_document FROM ${table} ${alias}, ${tsquery(textParameter)} query
           WHERE ${alias}.search_document @@ query${extra} ORDER BY ${alias}.id DESC LIMIT ${maximumRankedPerType}) candidate,
          ${tsquery(textParameter)} query`,
  );
}

/**
 * Counts matches per type, exactly up to `exactCountLimit`; beyond it (a common word),
 * PostgreSQL's estimate stands in, so a total never costs a scan of every match.
 * With a theme filter the estimate would ignore the filter, so those are counted.
 */
function matchesSelect(sql: SqlBuilder, sources: SearchSource[], text: string, themes: ThemeMatch | null | undefined): string | undefined {
  return unionOverSources(sql, sources, text, themes, ({ table, alias }, textParameter, extra) => {
    const matches = `SELECT 1 FROM ${table} ${alias} WHERE ${alias}.search_document @@ ${tsquery(textParameter)}${extra}`;
    return themes
      ? `SELECT count(*) AS count, true AS exact FROM (${matches}) matches`
      : `SELECT CASE WHEN capped.count > ${exactCountLimit} THEN greatest(public.briefgraph_estimated_matches('${table}', ${textParameter}), capped.count) ELSE capped.count END AS count,
                capped.count <= ${exactCountLimit} AS exact
         FROM (SELECT count(*) AS count FROM (${matches} LIMIT ${exactCountLimit + 1}) matches) capped`;
  });
}

/**
 * Corrects misspelt words: each word of three letters or more that appears nowhere in
 * the knowledge base is replaced by the most similar word that does (trigram
 * similarity over `search_term`). Quotes, "or" and minus signs stay where they were.
 * Returns undefined when nothing could be corrected.
 */
async function correctSpelling(context: RequestContext, text: string): Promise<string | undefined> {
  const words = [...new Set(text.match(/[\p{L}\p{N}]{3,}/gu) ?? [])].filter((word) => word.toLowerCase() !== 'or');
  if (words.length === 0) return undefined;
  const rows = (await context.loaders.manager.query(
    `SELECT w.word,
            EXISTS (SELECT 1 FROM search_term WHERE term = public.briefgraph_fold(w.word)) AS known,
            (SELECT term FROM search_term WHERE term % public.briefgraph_fold(w.word)
              ORDER BY similarity(term, public.briefgraph_fold(w.word)) DESC, term LIMIT 1) AS suggestion
     FROM unnest($1::text[]) AS w(word)`,
    [words],
  )) as Array<{ word: string; known: boolean; suggestion: string | null }>;
  const corrections = new Map(rows.filter((row) => !row.known && row.suggestion).map((row) => [row.word, row.suggestion!]));
  if (corrections.size === 0) return undefined;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word) ?? word);
}

async function fetchHits(
  context: RequestContext,
  sources: SearchSource[],
  text: string,
  options: SearchOptions,
  size: number,
  cursor: CursorValues | undefined,
): Promise<Hit[]> {
  const sql = new SqlBuilder();
  const hits = hitsSelect(sql, sources, text, options.themes);
  if (!hits) return [];
  const after = cursor ? `WHERE (score, type, key) < (${sql.param(cursor[0], 'float8')}, ${sql.param(cursor[1], 'text')}, ${sql.param(cursor[2], 'int')})` : '';
  return (await context.loaders.manager.query(
    `SELECT type, key, score FROM (${hits}) hits ${after} ORDER BY score DESC, type DESC, key DESC LIMIT ${sql.param(size + 1, 'int')}`,
    sql.parameters,
  )) as Hit[];
}

async function countHits(context: RequestContext, sources: SearchSource[], text: string, options: SearchOptions): Promise<SearchTotal> {
  const sql = new SqlBuilder();
  const matches = matchesSelect(sql, sources, text, options.themes);
  if (!matches) return { count: 0, exact: true };
  const [row] = (await context.loaders.manager.query(
    `SELECT coalesce(sum(count), 0)::int AS count, bool_and(exact) AS exact FROM (${matches}) matches`,
    sql.parameters,
  )) as Array<{ count: number; exact: boolean | null }>;
  return { count: row.count, exact: row.exact ?? true };
}

/** Highlights for the hits of a page, all types in one statement. */
async function fetchHighlights(context: RequestContext, hits: Hit[], text: string): Promise<Map<string, Highlight[]>> {
  const byHit = new Map<string, Highlight[]>(hits.map((hit) => [`${hit.type}:${hit.key}`, []]));
  if (hits.length === 0) return byHit;
  const sql = new SqlBuilder();
  const textParameter = sql.param(text, 'text');
  const branches: string[] = [];
  for (const type of new Set(hits.map((hit) => hit.type))) {
    const source = searchSources[type];
    const keys = sql.param(
      hits.filter((hit) => hit.type === type).map((hit) => hit.key),
      'int[]',
    );
    for (const field of source.fields) {
      const snippet = `ts_headline('${searchConfiguration}', ${field.sql}, ${tsquery(textParameter)}, '${headlineOptions}')`;
      branches.push(
        `SELECT '${type}'::text AS type, ${source.alias}.id AS key, '${field.name}'::text AS field, ${snippet} AS snippet
         FROM ${source.table} ${source.alias} WHERE ${source.alias}.id = ANY(${keys}) AND ${field.sql} IS NOT NULL`,
      );
    }
  }
  const rows = (await context.loaders.manager.query(branches.join('\nUNION ALL\n'), sql.parameters)) as Array<{
    type: SearchType;
    key: number;
    field: string;
    snippet: string;
  }>;
  for (const row of rows) {
    const highlights = byHit.get(`${row.type}:${row.key}`)!;
    if (row.snippet.includes(startMark)) highlights.push({ field: row.field, snippet: markSnippet(row.snippet) });
  }
  return byHit;
}

type CursorValues = [number, string, number];

function decodeSearchCursor(after: string): { mode: SearchMatchMode; values: CursorValues } {
  for (const mode of Object.values(SearchMatchMode)) {
    try {
      const values = decodeCursor(after, `search:${mode}`, 'after');
      const [score, type, key] = values;
      if (
        values.length === 3 &&
        typeof score === 'number' &&
        Number.isFinite(score) &&
        allTypes.includes(type as SearchType) &&
        typeof key === 'number' &&
        Number.isInteger(key) &&
        key > 0 &&
        key <= maximumKey
      ) {
        return { mode, values: values as CursorValues };
      }
    } catch {
      // not a cursor of this mode; try the other
    }
  }
  throw invalidCursorError('after');
}

/** The sources of the types asked for, each once; every type when none is named. */
function searchedSources(options: SearchOptions): SearchSource[] {
  const types = options.types?.length ? [...new Set(options.types)] : allTypes;
  if (options.types && options.types.length === 0) throw userInputError('types', 'must name at least one type, or be left out to search every type');
  return types.map((type) => searchSources[type]);
}

/** What was found, how, and with which words (the corrected query when spelling was corrected). */
interface Matching {
  mode: SearchMatchMode;
  searched: string;
  correctedQuery: string | null;
  hits: Hit[];
}

/**
 * The hits for `text`: as written, or corrected when a first page found nothing; a page
 * after a corrected first page corrects the query the same way again.
 */
async function matchHits(
  context: RequestContext,
  sources: SearchSource[],
  text: string,
  options: SearchOptions,
  size: number,
  cursor: { mode: SearchMatchMode; values: CursorValues } | undefined,
): Promise<Matching> {
  if (cursor?.mode === SearchMatchMode.FUZZY) {
    const correctedQuery = (await correctSpelling(context, text)) ?? null;
    if (!correctedQuery) throw invalidCursorError('after');
    return {
      mode: SearchMatchMode.FUZZY,
      searched: correctedQuery,
      correctedQuery,
      hits: await fetchHits(context, sources, correctedQuery, options, size, cursor.values),
    };
  }
  const hits = await fetchHits(context, sources, text, options, size, cursor?.values);
  const asWritten: Matching = { mode: cursor?.mode ?? SearchMatchMode.FULL_TEXT, searched: text, correctedQuery: null, hits };
  if (cursor || hits.length > 0) return asWritten;
  const corrected = await correctSpelling(context, text);
  // The vocabulary holds words of drafts (and of records since unpublished): a correction is offered only
  // when it finds something the viewer may read, so it never names a word the viewer could not see.
  const correctedHits = corrected ? await fetchHits(context, sources, corrected, options, size, undefined) : [];
  if (!corrected || correctedHits.length === 0) return asWritten;
  return { mode: SearchMatchMode.FUZZY, searched: corrected, correctedQuery: corrected, hits: correctedHits };
}

function searchEdge(hit: Hit, mode: SearchMatchMode, highlights: Map<string, Highlight[]>): SearchEdge {
  return Object.assign(new SearchEdge(), {
    cursor: encodeCursor(`search:${mode}`, [hit.score, hit.type, hit.key]),
    score: hit.score,
    highlights: highlights.get(`${hit.type}:${hit.key}`) ?? [],
    node: { typeName: searchSources[hit.type].typeName, key: hit.key },
  });
}

export async function search(context: RequestContext, options: SearchOptions): Promise<SearchConnection> {
  const text = cleanSearchText(options.query, 'query');
  const request = toPageRequest({ first: options.first, after: options.after });
  const sources = searchedSources(options);
  const cursor = options.after ? decodeSearchCursor(options.after) : undefined;
  await checkSearchTerms(context.loaders.manager, text, 'query');

  const { mode, searched, correctedQuery, hits: found } = await matchHits(context, sources, text, options, request.size, cursor);
  const hasMore = found.length > request.size;
  const hits = found.slice(0, request.size);
  const highlights = await fetchHighlights(context, hits, searched);
  // The hits were found in what the viewer may read; the read engine reads each with the fields asked for.
  const edges = hits.map((hit) => searchEdge(hit, mode, highlights));
  let counted: Promise<SearchTotal> | undefined;
  return Object.assign(new SearchConnection(), {
    edges,
    matchMode: mode,
    correctedQuery,
    pageInfo: {
      hasNextPage: hasMore,
      hasPreviousPage: Boolean(cursor),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (counted ??= countHits(context, sources, searched, options)),
  });
}
