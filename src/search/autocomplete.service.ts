/**
 * Suggestions for a search box, fast enough for every keystroke: titles and names
 * that start with what was typed, then titles and names with a word starting with
 * each word typed (accent- and case-insensitive), shortest first. Each lookup is
 * bounded by the number of suggestions, through indexes, at any size of database.
 */
import type { RequestContext } from '../context';
import { controlCharacters } from '../shared/full-text';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import { searchSources } from './search.service';
import { SearchType, Suggestion } from './search.types';

export const maximumSuggestions = 10;
const defaultTypes = [SearchType.BRIEF, SearchType.THEME, SearchType.DISTRICT, SearchType.MEETING];

export async function autocomplete(context: RequestContext, prefix: string, types: SearchType[] | null | undefined, first: number): Promise<Suggestion[]> {
  const typed = prefix.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trimStart();
  if (typed.trim().length < 2) throw userInputError('prefix', 'must hold at least 2 characters');
  if (typed.length > 100) throw userInputError('prefix', `is ${typed.length} characters long; at most 100 are matched`);
  if (!Number.isInteger(first) || first < 1 || first > maximumSuggestions)
    throw userInputError('first', `must be from 1 to ${maximumSuggestions}, got ${first}`);
  const chosen = types?.length ? [...new Set(types)] : defaultTypes;

  const sql = new SqlBuilder();
  // Every word typed (of two characters or more: a single letter would match half the
  // index) must start a word of the title; the words are folded and quoted by
  // PostgreSQL itself, so nothing typed can act as tsquery syntax.
  const words = sql.param(typed, 'text');
  const query = `(SELECT string_agg(quote_literal(word) || ':*', ' & ')::tsquery
                   FROM regexp_split_to_table(public.briefgraph_fold(${words}), '[^[:alnum:]]+') AS word WHERE length(word) >= 2)`;
  // A range on the folded title rather than LIKE: the bounds come from an InitPlan, so
  // the prefix B-tree serves them (LIKE with a computed pattern would scan every title).
  const folded = `(SELECT public.briefgraph_fold(${sql.param(typed.trim(), 'text')}))`;
  const limit = sql.param(first, 'int');
  // Per type, two index-bounded lookups: titles starting with what was typed (in
  // alphabetical order, off a B-tree), then titles with words starting with each word.
  // (OFFSET 0 keeps the planner from scanning the whole table in the hope that a
  // LIMIT stops it early, which a rare word never does.)
  const branches = chosen.map((type) => {
    const { table, alias, title } = searchSources[type];
    const text = `public.briefgraph_fold(${title})`;
    return `(SELECT '${type}'::text AS type, ${alias}.id AS key, ${title} AS text, 0 AS rank, ${text} AS sort
              FROM ${table} ${alias} WHERE ${text} ~>=~ ${folded} AND ${text} ~<~ (${folded} || chr(1114111)) ORDER BY ${text} LIMIT ${limit})
            UNION ALL
            (SELECT * FROM (SELECT '${type}'::text, ${alias}.id, ${title}, 1, ${text}
              FROM ${table} ${alias}, prefix WHERE to_tsvector('simple'::regconfig, ${text}) @@ prefix.query OFFSET 0) words LIMIT ${limit})`;
  });
  const rows = (await context.loaders.manager.query(
    `WITH prefix AS (SELECT ${query} AS query)
     SELECT type, key, text FROM (
       SELECT DISTINCT ON (type, key) type, key, text, rank, sort FROM (${branches.join(' UNION ALL ')}) found ORDER BY type, key, rank
     ) suggestions ORDER BY rank, length(text), sort, type, key LIMIT ${limit}`,
    sql.parameters,
  )) as Array<{ type: SearchType; key: number; text: string }>;
  // The read engine reads each suggestion's record with the fields asked for.
  return rows.map((row) =>
    Object.assign(new Suggestion(), { text: row.text, type: row.type, node: { typeName: searchSources[row.type].typeName, key: row.key } }),
  );
}
