/**
 * The statements every record type's seed writer is built from: an upsert by human
 * key that leaves unchanged rows untouched, a join table set to exactly some targets,
 * and children trimmed to a count. Tables are named with their schema: requests
 * without an API key run with the `published` views first on the search path.
 */
import type { EntityManager } from 'typeorm';

export type Outcome = 'created' | 'updated' | 'unchanged';

export type Values = Record<string, unknown>;

/** Absent and empty optional values are stored as NULL, so that an export (which omits both) reads back the same. */
export function nullable<T>(value: T | undefined): T | null {
  return value === undefined || value === '' ? null : value;
}

/** Inserts or updates one row identified by `conflictColumns`; one statement. */
export async function upsertRow(manager: EntityManager, table: string, conflictColumns: string[], values: Values): Promise<{ id: number; outcome: Outcome }> {
  const columns = Object.keys(values);
  const updatable = columns.filter((column) => !conflictColumns.includes(column));
  const parameters = columns.map((column) => values[column]);
  const placeholder = (column: string) => `$${columns.indexOf(column) + 1}`;
  const row = (prefix: string) => `ROW(${updatable.map((column) => `${prefix}.${column}`).join(', ')})`;
  const [result] = (await manager.query(
    `WITH upserted AS (
       INSERT INTO public.${table} AS stored (${columns.join(', ')}) VALUES (${columns.map(placeholder).join(', ')})
       ON CONFLICT (${conflictColumns.join(', ')}) DO UPDATE
         SET ${updatable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, updated_at = now()
         WHERE ${row('stored')} IS DISTINCT FROM ${row('EXCLUDED')}
       RETURNING id, (xmax = 0) AS inserted
     )
     SELECT id, CASE WHEN inserted THEN 'created' ELSE 'updated' END AS outcome FROM upserted
     UNION ALL
     SELECT id, 'unchanged' FROM public.${table}
      WHERE ${conflictColumns.map((column) => `${column} = ${placeholder(column)}`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM upserted)`,
    parameters,
  )) as Array<{ id: number; outcome: Outcome }>;
  return result;
}

/** Makes a join table hold exactly `targetIds` for one owner; returns whether anything changed. */
export async function syncJoinTable(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  ownerId: number,
  targetColumn: string,
  targetIds: number[],
): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM public.${table} WHERE ${ownerColumn} = $1 AND NOT (${targetColumn} = ANY($2::int[]))`, [
    ownerId,
    targetIds,
  ])) as [unknown, number];
  const inserted = (await manager.query(
    `INSERT INTO public.${table} (${ownerColumn}, ${targetColumn}) SELECT $1, target FROM unnest($2::int[]) AS target ON CONFLICT DO NOTHING RETURNING ${targetColumn}`,
    [ownerId, targetIds],
  )) as unknown[];
  return deleted > 0 || inserted.length > 0;
}

/** Removes the children past the given count (positions count from 1); returns whether any went. */
export async function trimPositions(manager: EntityManager, table: string, parentColumn: string, parentId: number, count: number): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM public.${table} WHERE ${parentColumn} = $1 AND position > $2`, [parentId, count])) as [unknown, number];
  return deleted > 0;
}

/**
 * Makes a parent's positioned children (lessons, agenda topics, files…) the given list: each upserted
 * by (parent, position), the ones past its end removed. `afterEach` writes a child's own parts.
 * Returns whether any child changed.
 */
export async function writePositioned<T>(
  manager: EntityManager,
  table: string,
  parent: { column: string; id: number },
  items: T[],
  valuesOf: (item: T) => Values,
  afterEach?: (item: T, childId: number, position: number) => Promise<boolean>,
): Promise<boolean> {
  let changed = false;
  for (const [index, item] of items.entries()) {
    const stored = await upsertRow(manager, table, [parent.column, 'position'], { [parent.column]: parent.id, position: index + 1, ...valuesOf(item) });
    changed = stored.outcome !== 'unchanged' || changed;
    if (afterEach) changed = (await afterEach(item, stored.id, index + 1)) || changed;
  }
  return (await trimPositions(manager, table, parent.column, parent.id, items.length)) || changed;
}

/** Orders records so that each comes after the record its `parentField` names. */
export function parentsFirst<T extends { slug: string }>(records: T[], parentField: keyof T): T[] {
  const bySlug = new Map(records.map((record) => [record.slug, record]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (record: T) => {
    if (placed.has(record.slug)) return;
    placed.add(record.slug);
    const parent = record[parentField] as unknown as string | undefined;
    if (parent && bySlug.has(parent)) place(bySlug.get(parent)!);
    ordered.push(record);
  };
  records.forEach(place);
  return ordered;
}
