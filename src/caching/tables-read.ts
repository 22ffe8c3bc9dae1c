/**
 * The tables an answer read, found mechanically: PostgreSQL's own plan of each statement
 * the request ran (EXPLAIN, with the values it ran with) names every table it scans,
 * views (the `published` ones) expanded into the tables under them. A cached answer
 * depends on exactly those tables, so no list of dependencies is kept by hand, and a
 * filter that reads one more table is followed without anyone remembering to.
 *
 * A statement text is explained once and remembered: the tables a statement reads do
 * not depend on its values. EXPLAIN plans without running, on the connection pool of
 * the request, outside its statement count.
 */
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

const maximumTextsRemembered = 5000;
const tablesByText = new Map<string, readonly string[]>();

export interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  Schema?: string;
  Plans?: PlanNode[];
}

function collectTables(node: PlanNode, into: Set<string>): void {
  if (node['Relation Name']) into.add(node['Relation Name']);
  for (const child of node.Plans ?? []) collectTables(child, into);
}

/** The tables an `EXPLAIN (FORMAT JSON)` plan scans, sorted, each once. */
export function tablesOfPlan(plan: ReadonlyArray<{ Plan: PlanNode }>): string[] {
  const tables = new Set<string>();
  for (const entry of plan) collectTables(entry.Plan, tables);
  return [...tables].sort();
}

async function explain(pool: Pool, text: string, values: readonly unknown[]): Promise<readonly string[]> {
  const result = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON, VERBOSE) ${text}`, values as unknown[]);
  return tablesOfPlan(result.rows[0]['QUERY PLAN']);
}

/** Every table the statements read, each statement explained once per process. */
export async function tablesRead(dataSource: DataSource, statements: ReadonlyMap<string, readonly unknown[]>): Promise<string[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const tables = new Set<string>();
  for (const [text, values] of statements) {
    let read = tablesByText.get(text);
    if (!read) {
      read = await explain(pool, text, values);
      if (tablesByText.size >= maximumTextsRemembered) tablesByText.delete(tablesByText.keys().next().value!);
      tablesByText.set(text, read);
    }
    for (const table of read) tables.add(table);
  }
  return [...tables].sort();
}
