/**
 * "Changed since" on every list: the `updatedSince`/`updatedBefore` filter fields every
 * list filter inherits, their SQL, and the UPDATED_AT orderings every list offers (over
 * each table's (updated_at, id) index, migration AddUpdatedAtOrder). `updated_at` is
 * kept by the writers and, for writes made elsewhere, by the version trigger.
 */
import { Field, InputType } from 'type-graphql';
import type { Ordering } from './pagination/keyset';
import type { Condition } from './pagination/sql-builder';
import { userInputError } from './user-input-error';

@InputType({ description: 'The fields of every list filter that select records by when they last changed.' })
export abstract class UpdatedAtFilter {
  @Field(() => Date, { nullable: true, description: 'Only records that last changed at or after this time.' })
  updatedSince?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only records that last changed before this time.' })
  updatedBefore?: Date | null;
}

/** The ordering names every list has besides its own. */
export type UpdatedAtOrder = 'UPDATED_AT_ASC' | 'UPDATED_AT_DESC';

/** Descriptions of the UPDATED_AT values, for each order enum's `valuesConfig`. */
export const updatedAtOrderDescriptions = {
  UPDATED_AT_ASC: { description: 'Least recently changed first, ties broken by creation order.' },
  UPDATED_AT_DESC: { description: 'Most recently changed first, ties broken by creation order (newest first).' },
};

export function updatedAtOrderings(alias: string): Record<UpdatedAtOrder, Ordering> {
  const columns = [
    { sql: `${alias}.updated_at`, type: 'timestamptz' as const },
    { sql: `${alias}.id`, type: 'int' as const },
  ];
  return {
    UPDATED_AT_ASC: { name: 'UPDATED_AT_ASC', columns, descending: false },
    UPDATED_AT_DESC: { name: 'UPDATED_AT_DESC', columns, descending: true },
  };
}

/** The conditions of `updatedSince`/`updatedBefore` on `alias.updated_at`. */
export function updatedAtConditions(filter: UpdatedAtFilter | null | undefined, alias: string, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  const { updatedSince, updatedBefore } = filter;
  if (updatedSince && updatedBefore && updatedSince >= updatedBefore) {
    throw userInputError(`${argumentName}.updatedBefore`, `must be after updatedSince (${updatedSince.toISOString()}), got ${updatedBefore.toISOString()}`);
  }
  return [
    ...(updatedSince ? [(sql: Parameters<Condition>[0]) => `${alias}.updated_at >= ${sql.param(updatedSince.toISOString(), 'timestamptz')}`] : []),
    ...(updatedBefore ? [(sql: Parameters<Condition>[0]) => `${alias}.updated_at < ${sql.param(updatedBefore.toISOString(), 'timestamptz')}`] : []),
  ];
}
