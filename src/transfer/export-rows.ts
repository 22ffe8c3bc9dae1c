/**
 * Helpers the record types' export readers share (`readAll` in each feature's `*.seed.ts`): SQL
 * for the slugs a join table links, partial dates, and records put into seed order and sorted.
 */
import type { EntityManager } from 'typeorm';
import type { FieldSpec } from '../seed/seed-fields';

export type Row = Record<string, unknown>;

export async function selectRows(manager: EntityManager, sql: string): Promise<Row[]> {
  return (await manager.query(sql)) as Row[];
}

/** Slugs of the rows a join table links to one owner, as an SQL expression. */
export function slugsVia(joinTable: string, ownerColumn: string, owner: string, targetColumn: string, targetTable: string): string {
  return `ARRAY(SELECT target.slug FROM public.${joinTable} link JOIN public.${targetTable} target ON target.id = link.${targetColumn} WHERE link.${ownerColumn} = ${owner})`;
}

export function sortedSlugs(value: unknown): string[] {
  return [...((value as string[] | null) ?? [])].sort(compareText);
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', as precise as the stored precision says. */
export function partialDate(date: unknown, precision: unknown): string | undefined {
  if (typeof date !== 'string') return undefined;
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A copy of a record with its fields in the schema's order and empty ones (null, '', []) left out. */
export function inSeedOrder<T>(fields: Record<string, FieldSpec>, record: object): T {
  const ordered: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    let value = (record as Record<string, unknown>)[name];
    if (isEmpty(value)) continue;
    if (spec.type === 'list' && spec.of.type === 'object') {
      const itemFields = spec.of.fields;
      value = (value as object[]).map((item) => inSeedOrder(itemFields, item));
    }
    ordered[name] = value;
  }
  return ordered as T;
}

/** Records with their fields in seed order (a record type's `fields`), empty ones left out. */
export function inSeedOrderOf<T>(fields: Record<string, FieldSpec>, records: object[]): T[] {
  return records.map((record) => inSeedOrder<T>(fields, record));
}

/** Plain code-unit order, the same under every locale and database collation. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

export function bySlug<T extends { slug: string }>(records: T[]): T[] {
  return records.sort((left, right) => compareText(left.slug, right.slug));
}
