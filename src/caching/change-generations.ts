/**
 * The write counters of the content tables (migration AddChangeGenerations), read in
 * one statement. A cached answer remembers the counters of the tables it depends on
 * and is good only while they have not moved.
 */
import type { EntityManager } from 'typeorm';
import { everything } from './read-dependencies';

export type Generations = Record<string, string>;

export async function readGenerations(manager: EntityManager): Promise<Generations> {
  const rows = (await manager.query(`SELECT table_name, generation::text AS generation FROM public.change_generation`)) as Array<{ table_name: string; generation: string }>;
  return Object.fromEntries(rows.map((row) => [row.table_name, row.generation]));
}

/** The counters an answer depends on: those of its tables, or all of them. */
export function generationsOf(all: Generations, dependencies: string[]): Generations {
  if (dependencies.includes(everything)) return all;
  return Object.fromEntries(dependencies.map((table) => [table, all[table] ?? '0']));
}

export function unchangedSince(remembered: Generations, now: Generations): boolean {
  const tables = Object.keys(remembered);
  // With `everything`, a table added since (by a migration) also counts as a change.
  return tables.every((table) => now[table] === remembered[table]);
}
