/**
 * The steps every create, update and delete shares, driven by a description of the
 * record type (`RecordTypeSpec`): turning input fields into column values (references
 * by global ID, checked to exist), uniqueness checks, locking with optimistic
 * concurrency, join-table changes and the "still in use" check before a delete.
 * Each step returns user errors instead of throwing, so a mutation reports them all.
 */
import type { EntityManager } from 'typeorm';
import { encodeGlobalId, tryDecodeGlobalId } from '../shared/global-id';
import { userError, UserErrorCode, type UserError } from './user-error';

export type Path = Array<string | number>;

export interface ColumnSpec {
  column: string;
  /** The column is NOT NULL: an update may not set it to null. */
  required?: boolean;
  /** The input holds the global ID of a record of this type; the column its key. */
  reference?: string;
  /** Turns the input value into one or more columns (such as a partial date into date and precision). */
  convert?: (value: unknown) => Record<string, unknown>;
}

export interface JoinSpec {
  table: string;
  ownerColumn: string;
  targetColumn: string;
  targetType: string;
}

export interface RecordTypeSpec {
  typeName: string;
  table: string;
  /** Input field → column. */
  columns: Record<string, ColumnSpec>;
  /** Input fields whose value must be unique among records of the type (slug, number, name). */
  unique?: string[];
  /** Input field (a list of IDs) → join table. */
  joins?: Record<string, JoinSpec>;
  /** Checks before a delete: each counts the records that still refer to the one being deleted ($1). */
  usedBy?: Array<{ sql: string; what: string }>;
}

/** The one column the spec maps `field` to: what a seed writer sets, an export or a read selects, under the spec's name for it. */
export function columnOf(spec: RecordTypeSpec, field: string): string {
  const column = spec.columns[field];
  if (!column || column.convert) throw new Error(`${spec.typeName}.${field} is not declared as one column`);
  return column.column;
}

/** A row's columns under the spec's field names (`{ short_name: 'AIR' }` → `{ shortName: 'AIR' }`), for `fields`. */
export function fieldsOfRow<Field extends string>(spec: RecordTypeSpec, row: Record<string, unknown>, fields: readonly Field[]): Record<Field, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[columnOf(spec, field)]])) as Record<Field, unknown>;
}

export function tableOfType(manager: EntityManager, typeName: string): string {
  return manager.connection.getMetadata(typeName).tableName;
}

/** The key of an existing record of `typeName`, or a user error at `path`. */
export async function resolveReference(manager: EntityManager, typeName: string, globalId: unknown, path: Path): Promise<number | UserError> {
  const decoded = typeof globalId === 'string' ? tryDecodeGlobalId(globalId) : undefined;
  if (!decoded) return userError(path, `${path.at(-1)} is not a valid ID`);
  if (decoded.typeName !== typeName) return userError(path, `${path.at(-1)} must be the ID of a ${typeName}, got the ID of a ${decoded.typeName}`);
  const found = (await manager.query(`SELECT 1 FROM public."${tableOfType(manager, typeName)}" WHERE id = $1`, [decoded.key])) as unknown[];
  return found.length > 0 ? decoded.key : userError(path, `No ${typeName} has the ID ${globalId}`, UserErrorCode.NOT_FOUND);
}

/** Keys of existing records of one type, in order, without repeats; user errors for any that are not. */
export async function resolveReferences(
  manager: EntityManager,
  typeName: string,
  globalIds: readonly string[],
  path: Path,
): Promise<{ keys: number[]; errors: UserError[] }> {
  const keys: number[] = [];
  const errors: UserError[] = [];
  const decoded = globalIds.map((globalId, index) => ({ globalId, index, id: tryDecodeGlobalId(globalId) }));
  for (const { index, id } of decoded) {
    if (!id) errors.push(userError([...path, index], `${path.at(-1)}[${index}] is not a valid ID`));
    else if (id.typeName !== typeName)
      errors.push(userError([...path, index], `${path.at(-1)}[${index}] must be the ID of a ${typeName}, got the ID of a ${id.typeName}`));
  }
  const candidates = [...new Set(decoded.filter((item) => item.id?.typeName === typeName).map((item) => item.id!.key))];
  const found = new Set(
    ((await manager.query(`SELECT id FROM public."${tableOfType(manager, typeName)}" WHERE id = ANY($1::int[])`, [candidates])) as Array<{ id: number }>).map(
      (row) => row.id,
    ),
  );
  for (const { globalId, index, id } of decoded) {
    if (id?.typeName !== typeName) continue;
    if (!found.has(id.key)) errors.push(userError([...path, index], `No ${typeName} has the ID ${globalId}`, UserErrorCode.NOT_FOUND));
    else if (!keys.includes(id.key)) keys.push(id.key);
  }
  return { keys, errors };
}

/** Column values for the input fields that were given (undefined means "leave as is"). */
export async function columnValues(
  manager: EntityManager,
  spec: RecordTypeSpec,
  input: object,
  path: Path,
): Promise<{ values: Record<string, unknown>; errors: UserError[] }> {
  const values: Record<string, unknown> = {};
  const errors: UserError[] = [];
  for (const [field, column] of Object.entries(spec.columns)) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (value === null) {
      if (column.required) errors.push(userError([...path, field], `${field} cannot be null`, UserErrorCode.BLANK));
      else Object.assign(values, column.convert ? column.convert(null) : { [column.column]: null });
      continue;
    }
    if (column.reference) {
      const key = await resolveReference(manager, column.reference, value, [...path, field]);
      if (typeof key === 'number') values[column.column] = key;
      else errors.push(key);
      continue;
    }
    Object.assign(values, column.convert ? column.convert(value) : { [column.column]: value });
  }
  return { values, errors };
}

/** TAKEN errors for unique fields whose new value another record already has. */
export async function uniquenessErrors(
  manager: EntityManager,
  spec: RecordTypeSpec,
  input: object,
  path: Path,
  exceptKey: number | null,
): Promise<UserError[]> {
  const errors: UserError[] = [];
  for (const field of spec.unique ?? []) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    const column = spec.columns[field].column;
    const taken = (await manager.query(`SELECT 1 FROM public."${spec.table}" WHERE ${column} = $1 AND id IS DISTINCT FROM $2`, [
      value,
      exceptKey,
    ])) as unknown[];
    if (taken.length > 0)
      errors.push(userError([...path, field], `Another ${spec.typeName} already has the ${field} ${JSON.stringify(value)}`, UserErrorCode.TAKEN));
  }
  return errors;
}

export async function insertRow(manager: EntityManager, table: string, values: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(values);
  const [row] = (await manager.query(
    `INSERT INTO public."${table}" (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')}) RETURNING id`,
    columns.map((column) => values[column]),
  )) as Array<{ id: number }>;
  return row.id;
}

/** Updates the given columns (or only `updated_at`, which still raises the version: the record's relations changed). */
export async function updateRow(manager: EntityManager, table: string, key: number, values: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(values);
  const assignments = [...columns.map((column, index) => `${column} = $${index + 2}`), 'updated_at = now()'];
  await manager.query(`UPDATE public."${table}" SET ${assignments.join(', ')} WHERE id = $1`, [key, ...columns.map((column) => values[column])]);
}

/**
 * Locks the record for the rest of the transaction and checks the version the client
 * expected; the key, or a user error (NOT_FOUND, VERSION_CONFLICT).
 */
export async function lockRecord(
  manager: EntityManager,
  spec: RecordTypeSpec,
  globalId: string,
  expectedVersion: number | null | undefined,
  path: Path,
): Promise<number | UserError> {
  const key = await resolveReference(manager, spec.typeName, globalId, path);
  if (typeof key !== 'number') return key;
  const [row] = (await manager.query(`SELECT version FROM public."${spec.table}" WHERE id = $1 FOR UPDATE`, [key])) as Array<{ version: number }>;
  if (!row) return userError(path, `No ${spec.typeName} has the ID ${globalId}`, UserErrorCode.NOT_FOUND);
  if (expectedVersion !== undefined && expectedVersion !== null && row.version !== expectedVersion) {
    return userError(
      ['expectedVersion'],
      `The ${spec.typeName} is at version ${row.version}, not ${expectedVersion}: it changed since you read it`,
      UserErrorCode.VERSION_CONFLICT,
    );
  }
  return key;
}

export async function addJoinRows(manager: EntityManager, join: JoinSpec, ownerKey: number, targetKeys: number[]): Promise<number> {
  const inserted = (await manager.query(
    `INSERT INTO public."${join.table}" (${join.ownerColumn}, ${join.targetColumn}) SELECT $1, target FROM unnest($2::int[]) AS target ON CONFLICT DO NOTHING RETURNING 1`,
    [ownerKey, targetKeys],
  )) as unknown[];
  return inserted.length;
}

export async function removeJoinRows(manager: EntityManager, join: JoinSpec, ownerKey: number, targetKeys: number[]): Promise<number> {
  const [, removed] = (await manager.query(`DELETE FROM public."${join.table}" WHERE ${join.ownerColumn} = $1 AND ${join.targetColumn} = ANY($2::int[])`, [
    ownerKey,
    targetKeys,
  ])) as [unknown, number];
  return removed;
}

/** IN_USE errors naming what still refers to the record. */
export async function inUseErrors(manager: EntityManager, spec: RecordTypeSpec, key: number, path: Path): Promise<UserError[]> {
  const errors: UserError[] = [];
  for (const check of spec.usedBy ?? []) {
    const [{ count }] = (await manager.query(check.sql, [key])) as Array<{ count: number }>;
    if (count > 0) errors.push(userError(path, `The ${spec.typeName} is still used by ${count} ${check.what}; remove those first`, UserErrorCode.IN_USE));
  }
  return errors;
}

export function globalIdOf(typeName: string, key: number): string {
  return encodeGlobalId(typeName, key);
}
