/**
 * How the read engine reads each record type: its table and the fields that are not
 * plain columns (relations, lists, connections, values computed from columns). Plain
 * columns need no declaration: a GraphQL field with the name of a TypeORM column
 * property reads that column (columns.ts). Each feature folder declares its type in
 * `<name>.reads.ts`; the engine (compiler.ts) turns a request's selection into SQL from
 * these declarations, so one declaration serves every place the type is read.
 */
import { maximumRelatedRecords } from '../shared/list-limits';
import type { Listing, NestedSource } from '../shared/pagination/listing';
import type { EntityClass } from './columns';

/**
 * A field's arguments as graphql-js coerces them, or a row's values as pg parses them:
 * each declaration knows the shape of its own (and the GraphQL schema checked the
 * arguments), so the engine passes them on without a type of its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: every declaration narrows its own values
export type DeclaredValue = any;
export type DeclaredValues = Record<string, DeclaredValue>;

/**
 * A value computed in JavaScript from some of the row's columns (a date written out, say),
 * or from a JSON value the database builds for the row (`sql`), with the field's arguments
 * (a citation in the style asked for).
 */
export interface ComputedField {
  kind: 'computed';
  /** Database columns of the row the value needs. */
  columns: string[];
  /** Instead of columns: a JSON-able SQL expression of `row` (its alias), handed to compute as is. */
  sql?(row: string): string;
  compute(row: DeclaredValues, args: DeclaredValues): unknown;
}

/** A value the database computes from the row, as a JSON-able SQL expression of `row` (its alias). */
export interface ExpressionField {
  kind: 'expression';
  sql(row: string): string;
}

/** One related record: `target`'s row whose key equals `column` of this row (null when there is none). */
export interface ToOneField {
  kind: 'toOne';
  target: () => RecordReads;
  column: string;
}

/**
 * A short, ordered list of related records (the themes of a brief), read whole: never a
 * connection, so writes bound its length. `from` joins the target's rows (under `alias`)
 * to this row (`row`); `orderBy` orders them. No more than `maximumItems` are read (the
 * first in that order), which is what the node budget counts for the list.
 */
export interface ToManyField {
  kind: 'toMany';
  target: () => RecordReads;
  from(row: string, alias: string): string;
  orderBy(alias: string): string;
  maximumItems: number;
}

/** A paginated list: a listing (its filters and orderings) tied to this row by a nested source chosen from the arguments. */
export interface ConnectionField {
  kind: 'connection';
  listing: () => Listing;
  /** Where the listed rows come from for the parent `p.owner`, given the field's arguments. */
  source(args: DeclaredValues): NestedSource;
  /** Names the list in its cursors (default "<Type>.<field>"), so a cursor only works where it was issued. */
  scope?(args: DeclaredValues): string;
}

export type FieldRead = ComputedField | ExpressionField | ToOneField | ToManyField | ConnectionField;

export interface RecordReads {
  /** The GraphQL object type and entity class name (Brief). */
  typeName: string;
  /** The TypeORM entity class, whose column properties are the plain fields. */
  entity: EntityClass;
  /** The table (read through the `published` views for anonymous requests). */
  table: string;
  fields: Record<string, FieldRead>;
  /** Only admins may read this type; others get null, as for a record that does not exist. */
  adminOnly?: boolean;
}

const readsByType = new Map<string, RecordReads>();

/** Declares how a record type is read; registers it with the engine. */
export function defineReads(reads: RecordReads): RecordReads {
  if (readsByType.has(reads.typeName)) throw new Error(`the reads of ${reads.typeName} are declared twice`);
  readsByType.set(reads.typeName, reads);
  return reads;
}

export function readsOfType(typeName: string): RecordReads | undefined {
  return readsByType.get(typeName);
}

export const computed = (columns: string[], compute: (row: DeclaredValues) => unknown): ComputedField => ({ kind: 'computed', columns, compute });

/** A value the database computes from the row `row` (its alias) as a JSON-able SQL expression, such as a column under a second name. */
export const expression = (sql: (row: string) => string): ExpressionField => ({ kind: 'expression', sql });

/** A value computed in JavaScript, with the field's arguments, from the JSON the database builds for the row with `sql`. */
export const computedFrom = (sql: (row: string) => string, compute: (value: DeclaredValue, args: DeclaredValues) => unknown): ComputedField => ({
  kind: 'computed',
  columns: [],
  sql,
  compute,
});

export const toOne = (target: () => RecordReads, column: string): ToOneField => ({ kind: 'toOne', target, column });

/** Records tied through a join table: `joinTable.ownerColumn` = this row, `joinTable.targetColumn` = the target's key. */
export function throughJoin(
  target: () => RecordReads,
  joinTable: string,
  ownerColumn: string,
  targetColumn: string,
  orderBy: (alias: string) => string,
): ToManyField {
  return {
    kind: 'toMany',
    target,
    from: (row, alias) =>
      `${joinTable} ${alias}_join JOIN ${target().table} ${alias} ON ${alias}.id = ${alias}_join.${targetColumn} WHERE ${alias}_join.${ownerColumn} = ${row}.id`,
    orderBy,
    maximumItems: maximumRelatedRecords,
  };
}

/** Records whose `column` holds this row's key (the agenda topics of a meeting). */
export function ownedBy(target: () => RecordReads, column: string, orderBy: (alias: string) => string, maximumItems = maximumRelatedRecords): ToManyField {
  return { kind: 'toMany', target, from: (row, alias) => `${target().table} ${alias} WHERE ${alias}.${column} = ${row}.id`, orderBy, maximumItems };
}

export const connection = (
  listing: () => Listing,
  source: NestedSource | ((args: DeclaredValues) => NestedSource),
  scope?: (args: DeclaredValues) => string,
): ConnectionField => ({
  kind: 'connection',
  listing,
  source: typeof source === 'function' ? source : () => source,
  scope,
});

/** Ordered by name, then key: how lists of named records (themes, districts) read. */
export const byName = (alias: string) => `${alias}.name, ${alias}.id`;
