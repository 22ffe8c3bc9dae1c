/**
 * Checks what a person typed into a search box before it reaches the database. The
 * text itself is always a bound parameter: PostgreSQL's websearch_to_tsquery reads
 * it as web-style syntax ("phrases", or, -exclusion) and never as SQL or raw tsquery.
 */
import type { EntityManager } from 'typeorm';
import type { Condition } from './pagination/sql-builder';
import { userInputError } from './user-input-error';

export const maximumSearchLength = 256;
export const searchConfiguration = 'public.briefgraph';

/** Control characters (including NUL, which PostgreSQL refuses in text) carry no meaning in a search: they become spaces. */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
export const controlCharacters = /[\u0000-\u001f\u007f]+/g;

/** Trims and validates search text; throws BAD_USER_INPUT naming the argument. */
export function cleanSearchText(text: string, argumentName: string): string {
  const cleaned = text.replace(controlCharacters, ' ').trim();
  if (cleaned === '') throw userInputError(argumentName, 'must not be empty; type some words to search for');
  if (cleaned.length > maximumSearchLength) {
    throw userInputError(argumentName, `is ${cleaned.length} characters long; at most ${maximumSearchLength} are searched`);
  }
  return cleaned;
}

/** Refuses text that leaves nothing to search once common words are dropped ("the of and"). */
export async function checkSearchTerms(manager: EntityManager, text: string, argumentName: string): Promise<void> {
  const [{ terms }] = (await manager.query(`SELECT numnode(websearch_to_tsquery('${searchConfiguration}', $1)) AS terms`, [text])) as Array<{ terms: number }>;
  if (terms === 0) {
    throw userInputError(argumentName, `holds only common words or punctuation ("${text.slice(0, 60)}"), which are not searched; add a more specific word`);
  }
}

/** The condition "the record at `alias` matches this search", for lists that take a `search` argument. */
export function searchConditions(alias: string, search: string | null | undefined): Condition[] {
  if (search === undefined || search === null) return [];
  const text = cleanSearchText(search, 'search');
  return [(sql) => `${alias}.search_document @@ ${tsquery(sql.param(text, 'text'))}`];
}

/** SQL for the query's tsquery; `placeholder` is the bound search text. */
export function tsquery(placeholder: string): string {
  return `websearch_to_tsquery('${searchConfiguration}', ${placeholder})`;
}
