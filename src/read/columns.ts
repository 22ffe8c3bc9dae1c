/**
 * The plain fields of a record type: its TypeORM column properties. The engine reads a
 * GraphQL field from the column of the same property name, as JSON in the shape the
 * field's scalar expects (dates as YYYY-MM-DD, timestamps as RFC 3339, numerics as
 * numbers), so nothing is declared twice.
 */
import { getMetadataArgsStorage } from 'typeorm';

export interface ColumnRead {
  /** The database column name. */
  name: string;
  /** A JSON-able SQL expression of the column of the row `row`. */
  sql(row: string): string;
}

/** A TypeORM entity class (abstract base classes included, whose columns their subclasses inherit). */
export type EntityClass = abstract new (...args: never[]) => unknown;

const columnsByEntity = new Map<EntityClass, Map<string, ColumnRead>>();

/** The entity and the classes it extends, whose columns it inherits. */
function lineage(entity: EntityClass): EntityClass[] {
  const classes: EntityClass[] = [];
  for (let current: EntityClass | null = entity; current && current !== Function.prototype; current = Object.getPrototypeOf(current) as EntityClass | null)
    classes.push(current);
  return classes;
}

function columnExpression(name: string, type: unknown): (row: string) => string {
  const column = (row: string) => `${row}.${name}`;
  if (type === 'numeric' || type === 'decimal') return (row) => `${column(row)}::float8`;
  if (type === 'tsvector') return () => 'NULL';
  return column;
}

/** Column reads by property name; the primary key is the property `key` (column `id`). */
export function columnsOf(entity: EntityClass): Map<string, ColumnRead> {
  let columns = columnsByEntity.get(entity);
  if (columns) return columns;
  columns = new Map();
  const storage = getMetadataArgsStorage();
  for (const column of storage.filterColumns(lineage(entity))) {
    if (columns.has(column.propertyName)) continue;
    const name = column.options.name ?? column.propertyName;
    columns.set(column.propertyName, { name, sql: columnExpression(name, column.options.type) });
  }
  columnsByEntity.set(entity, columns);
  return columns;
}
