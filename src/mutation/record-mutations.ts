/**
 * Create, update, delete and relation changes for any record type described by a
 * `RecordTypeSpec`. Feature writers add what is particular to their type through hooks
 * (a brief's lessons, a meeting's agenda and materials, cross-field rules).
 */
import type { UserError } from './user-error';
import { userError, UserErrorCode } from './user-error';
import type { MutationResult } from './mutation-runner';
import {
  addJoinRows,
  columnValues,
  globalIdOf,
  inUseErrors,
  insertRow,
  lockRecord,
  removeJoinRows,
  resolveReferences,
  uniquenessErrors,
  updateRow,
  type Path,
  type RecordTypeSpec,
} from './record-writer';
import { validateInput } from './validation';
import type { WriteTransaction } from './write-transaction';
import { maximumRelatedRecords, maximumRelationChanges } from '../shared/list-limits';

export interface CreateOptions {
  /** Column values that apply unless the input gives them. */
  defaults?: Record<string, unknown>;
  /** Runs after the row and its join rows exist; returns user errors to undo everything. */
  afterInsert?: (transaction: WriteTransaction, key: number) => Promise<UserError[]>;
  path?: Path;
  /** The input was validated already, as part of a larger input (a brief's lessons). */
  validated?: boolean;
}

export interface UpdateOptions {
  /** Rules between the new values and the stored row (or other records), checked before writing. */
  check?: (transaction: WriteTransaction, key: number, before: Record<string, unknown>, values: Record<string, unknown>) => Promise<UserError[]>;
  /** Writes what the columns do not hold (child rows); returns user errors to undo everything. */
  afterUpdate?: (transaction: WriteTransaction, key: number) => Promise<UserError[]>;
}

const failed = (userErrors: UserError[]): MutationResult => ({ record: null, userErrors });

/** Equal snapshots apart from the bookkeeping columns: an update that changes nothing writes nothing. */
function sameContent(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const content = ({ updated_at: _updatedAt, version: _version, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return content(before) === content(after);
}

async function joinKeys(
  transaction: WriteTransaction,
  spec: RecordTypeSpec,
  input: object,
  path: Path,
): Promise<{ joins: Array<[string, number[]]>; errors: UserError[] }> {
  const joins: Array<[string, number[]]> = [];
  const errors: UserError[] = [];
  for (const [field, join] of Object.entries(spec.joins ?? {})) {
    const globalIds = (input as Record<string, unknown>)[field] as string[] | undefined | null;
    if (!globalIds) continue;
    const resolved = await resolveReferences(transaction.manager, join.targetType, globalIds, [...path, field]);
    errors.push(...resolved.errors);
    joins.push([field, resolved.keys]);
  }
  return { joins, errors };
}

export async function createRecord(transaction: WriteTransaction, spec: RecordTypeSpec, input: object, options: CreateOptions = {}): Promise<MutationResult> {
  const path = options.path ?? ['input'];
  const invalid = options.validated ? [] : await validateInput(input, path);
  if (invalid.length > 0) return failed(invalid);
  const { values, errors } = await columnValues(transaction.manager, spec, input, path);
  errors.push(...(await uniquenessErrors(transaction.manager, spec, input, path, null)));
  const { joins, errors: joinErrors } = await joinKeys(transaction, spec, input, path);
  errors.push(...joinErrors);
  if (errors.length > 0) return failed(errors);
  const key = await insertRow(transaction.manager, spec.table, { ...options.defaults, ...values });
  for (const [field, keys] of joins) await addJoinRows(transaction.manager, spec.joins![field], key, keys);
  const later = options.afterInsert ? await options.afterInsert(transaction, key) : [];
  if (later.length > 0) return failed(later);
  transaction.recordChange({ recordType: spec.typeName, recordKey: key, before: null, after: await transaction.snapshot(spec.table, key) });
  return { record: { typeName: spec.typeName, key }, userErrors: [] };
}

export async function updateRecord(
  transaction: WriteTransaction,
  spec: RecordTypeSpec,
  id: string,
  input: object,
  expectedVersion: number | null | undefined,
  options: UpdateOptions = {},
): Promise<MutationResult> {
  const invalid = await validateInput(input);
  if (invalid.length > 0) return failed(invalid);
  const key = await lockRecord(transaction.manager, spec, id, expectedVersion, ['id']);
  if (typeof key !== 'number') return failed([key]);
  const before = (await transaction.snapshot(spec.table, key))!;
  const { values, errors } = await columnValues(transaction.manager, spec, input, ['input']);
  errors.push(...(await uniquenessErrors(transaction.manager, spec, input, ['input'], key)));
  if (options.check) errors.push(...(await options.check(transaction, key, before, values)));
  if (errors.length > 0) return failed(errors);
  const columnsChanged = Object.entries(values).some(([column, value]) => JSON.stringify(before[column]) !== JSON.stringify(value));
  if (columnsChanged) await updateRow(transaction.manager, spec.table, key, values);
  const childErrors = options.afterUpdate ? await options.afterUpdate(transaction, key) : [];
  if (childErrors.length > 0) return failed(childErrors);
  let after = (await transaction.snapshot(spec.table, key))!;
  if (!columnsChanged && !sameContent(before, after)) {
    // Only child rows changed (agenda, materials): the record's own version still rises.
    await updateRow(transaction.manager, spec.table, key, {});
    after = (await transaction.snapshot(spec.table, key))!;
  }
  if (!sameContent(before, after)) transaction.recordChange({ recordType: spec.typeName, recordKey: key, before, after });
  return { record: { typeName: spec.typeName, key }, userErrors: [] };
}

export async function deleteRecord(
  transaction: WriteTransaction,
  spec: RecordTypeSpec,
  id: string,
  expectedVersion: number | null | undefined,
): Promise<MutationResult> {
  const key = await lockRecord(transaction.manager, spec, id, expectedVersion, ['id']);
  if (typeof key !== 'number') return failed([key]);
  const errors = await inUseErrors(transaction.manager, spec, key, ['id']);
  if (errors.length > 0) return failed(errors);
  const before = await transaction.snapshot(spec.table, key);
  await transaction.manager.query(`DELETE FROM public."${spec.table}" WHERE id = $1`, [key]);
  transaction.recordChange({ recordType: spec.typeName, recordKey: key, before, after: null });
  return { record: null, deletedId: globalIdOf(spec.typeName, key), userErrors: [] };
}

/** Adds or removes related records (themes, districts) named by ID; the owner's version rises when anything changed. */
export async function changeRelation(
  transaction: WriteTransaction,
  spec: RecordTypeSpec,
  joinField: string,
  mode: 'add' | 'remove',
  id: string,
  targetIds: readonly string[],
): Promise<MutationResult> {
  if (targetIds.length > maximumRelationChanges) {
    return failed([
      userError([joinField], `${joinField} may name at most ${maximumRelationChanges} records at once, got ${targetIds.length}`, UserErrorCode.TOO_MANY),
    ]);
  }
  const key = await lockRecord(transaction.manager, spec, id, undefined, ['id']);
  if (typeof key !== 'number') return failed([key]);
  const join = spec.joins![joinField];
  const { keys, errors } = await resolveReferences(transaction.manager, join.targetType, targetIds, [joinField]);
  if (errors.length > 0) return failed(errors);
  const before = (await transaction.snapshot(spec.table, key))!;
  const changed = mode === 'add' ? await addJoinRows(transaction.manager, join, key, keys) : await removeJoinRows(transaction.manager, join, key, keys);
  if (mode === 'add' && changed > 0) {
    // Lists of related records are read whole, so their length is bounded (src/shared/list-limits.ts).
    const [{ count }] = (await transaction.manager.query(`SELECT count(*)::int AS count FROM public."${join.table}" WHERE ${join.ownerColumn} = $1`, [
      key,
    ])) as Array<{ count: number }>;
    if (count > maximumRelatedRecords) {
      return failed([
        userError(
          [joinField],
          `A ${spec.typeName} may have at most ${maximumRelatedRecords} ${joinField.replace(/Ids$/, 's')}; this would make ${count}`,
          UserErrorCode.TOO_MANY,
        ),
      ]);
    }
  }
  if (changed > 0) {
    await updateRow(transaction.manager, spec.table, key, {});
    transaction.recordChange({ recordType: spec.typeName, recordKey: key, before, after: await transaction.snapshot(spec.table, key) });
  }
  return { record: { typeName: spec.typeName, key }, userErrors: [] };
}
