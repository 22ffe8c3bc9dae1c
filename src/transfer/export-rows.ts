/**
 * Helpers the record types' export readers share (`readAll` in each feature's `*.seed.ts`): SQL
 * for the slugs a join table links, partial dates, and records put into seed order and sorted.
 */
import type { EntityManager } from 'typeorm';
import { collections, type CollectionName } from '../seed/seed-schema';
import { compareText, inSeedOrder } from './seed-files';

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

/** Records with their fields in the collection's seed order, empty ones left out. */
export function inSeedOrderOf<T>(collection: CollectionName, records: object[]): T[] {
  return records.map((record) => inSeedOrder<T>(collections[collection].fields, record));
}

export function bySlug<T extends { slug: string }>(records: T[]): T[] {
  return records.sort((left, right) => compareText(left.slug, right.slug));
}
