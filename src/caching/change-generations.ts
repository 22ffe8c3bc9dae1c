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

/** Whether none of the remembered counters moved; for an answer that depends on everything, no table may have been added either. */
export function unchangedSince(remembered: Generations, now: Generations, dependsOnEverything: boolean): boolean {
  const tables = Object.keys(remembered);
  if (dependsOnEverything && tables.length !== Object.keys(now).length) return false;
  return tables.every((table) => now[table] === remembered[table]);
}

/**
 * Locks every write counter, in table-name order, for the rest of the transaction.
 * Writers in the application call it first: each statement's trigger would lock the
 * counter of its table anyway, and two transactions locking them in different orders
 * would deadlock. Writes therefore take turns; reads are never blocked.
 */
export async function lockChangeCounters(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT table_name FROM public.change_generation ORDER BY table_name FOR UPDATE`);
}
