/** Inputs for filtering by theme, and for listing themes. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { decodeGlobalIdsOf } from '../shared/global-id';
import type { Condition, SqlBuilder } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';

@InputType({ description: 'Which themes a record must be on. Sub-themes count as their parent unless includeSubthemes is false.' })
export class ThemeMatch {
  @Field(() => [ID], { nullable: true, description: 'On at least one of these themes.' })
  anyOf?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'On every one of these themes.' })
  allOf?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `anyOf`, naming the themes by slug (unknown slugs match nothing).' })
  anyOfSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `allOf`, naming the themes by slug (an unknown slug matches nothing).' })
  allOfSlugs?: string[] | null;

  @Field({ defaultValue: true, description: 'Whether a record on a sub-theme matches its parent theme.' })
  includeSubthemes!: boolean;
}

@InputType({ description: 'Narrows the list of themes.' })
export class ThemeFilter extends UpdatedAtFilter {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this theme.' })
  parent?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only themes without a parent.' })
  rootsOnly?: boolean | null;
}

const maximumThemes = 50;

/** SQL for the theme keys given (keys, an SQL expression for one key, or slugs), with every descendant when `withSubthemes`. */
export function themeKeySet(sql: SqlBuilder, keys: number[] | string | { slugs: string[] }, withSubthemes: boolean): string {
  if (typeof keys === 'object' && 'slugs' in keys) {
    const bySlug = `SELECT id FROM theme WHERE slug = ANY(${sql.param(keys.slugs, 'text[]')})`;
    if (!withSubthemes) return `ARRAY(${bySlug})`;
    return `ARRAY(WITH RECURSIVE subtree(id) AS (${bySlug} UNION SELECT theme.id FROM theme JOIN subtree ON theme.parent_id = subtree.id) SELECT id FROM subtree)`;
  }
  if (!withSubthemes) return typeof keys === 'string' ? `ARRAY[${keys}]` : sql.param(keys, 'int[]');
  const seed = typeof keys === 'string' ? `SELECT ${keys}` : `SELECT unnest(${sql.param(keys, 'int[]')})`;
  return `ARRAY(WITH RECURSIVE subtree(id) AS (${seed} UNION SELECT theme.id FROM theme JOIN subtree ON theme.parent_id = subtree.id) SELECT id FROM subtree)`;
}

/**
 * Conditions for "on these themes", given the join table that ties records to
 * themes and the column holding the record's key, such as ('brief_theme', 'brief_id', 'b.id').
 */
export function themeMatchConditions(
  match: ThemeMatch | null | undefined,
  joinTable: string,
  ownerColumn: string,
  ownerKey: string,
  argumentName: string,
): Condition[] {
  if (!match) return [];
  const anyOf = decodeGlobalIdsOf('Theme', match.anyOf ?? [], `${argumentName}.anyOf`);
  const allOf = decodeGlobalIdsOf('Theme', match.allOf ?? [], `${argumentName}.allOf`);
  const anyOfSlugs = match.anyOfSlugs ?? [];
  const allOfSlugs = match.allOfSlugs ?? [];
  if (anyOf.length + allOf.length + anyOfSlugs.length + allOfSlugs.length > maximumThemes)
    throw userInputError(argumentName, `may name at most ${maximumThemes} themes`);
  const onAny = (sql: SqlBuilder, keys: number[] | { slugs: string[] }) =>
    `EXISTS (SELECT 1 FROM ${joinTable} theme_link WHERE theme_link.${ownerColumn} = ${ownerKey} AND theme_link.theme_id = ANY(${themeKeySet(sql, keys, match.includeSubthemes)}))`;
  const conditions: Condition[] = [];
  if (match.anyOf) conditions.push((sql) => (anyOf.length === 0 ? 'FALSE' : onAny(sql, anyOf)));
  for (const key of allOf) conditions.push((sql) => onAny(sql, [key]));
  if (match.anyOfSlugs) conditions.push((sql) => (anyOfSlugs.length === 0 ? 'FALSE' : onAny(sql, { slugs: anyOfSlugs })));
  for (const slug of allOfSlugs) conditions.push((sql) => onAny(sql, { slugs: [slug] }));
  return conditions;
}

export function themeListConditions(filter: ThemeFilter | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (filter?.parent) {
    const [parent] = decodeGlobalIdsOf('Theme', [filter.parent], 'filter.parent');
    conditions.push((sql) => `t.parent_id = ${sql.param(parent, 'int')}`);
  }
  if (filter?.rootsOnly) conditions.push(() => 't.parent_id IS NULL');
  return conditions;
}

@ArgsType()
export class ThemeListArguments extends ConnectionArguments {
  @Field(() => ThemeFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: ThemeFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC, description: 'The order of the items.' })
  orderBy!: NameOrder;
}
