/**
 * Payload types: every mutation answers with the record it changed (or null) and its
 * user errors; deletes answer with the deleted record's ID instead.
 */
import type { OperationDefinitionNode } from 'graphql';
import { Field, ID, ObjectType, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import { mutationCall, runMutation, type MutationResult } from './mutation-runner';
import type { WriteTransaction } from './write-transaction';
import { UserError } from './user-error';

export interface RecordPayloadShape<T> {
  record: T | null;
  userErrors: UserError[];
}

export interface DeletePayloadShape {
  deletedId: string | null;
  userErrors: UserError[];
}

/** `<Mutation>Payload { <field>: <Type>, userErrors }`. */
export function recordPayload<T extends object>(payloadName: string, fieldName: string, type: ClassType<T>): ClassType<RecordPayloadShape<T>> {
  @ObjectType(payloadName, { description: `What the mutation answers: the ${fieldName} as it is afterwards, and what was wrong with the input.` })
  class RecordPayload implements RecordPayloadShape<T> {
    @Field(() => type, { name: fieldName, nullable: true, description: 'The record as it is after the mutation; null when nothing was written.' })
    record!: T | null;

    @Field(() => [UserError], { description: 'What was wrong with the input; empty when the mutation succeeded.' })
    userErrors!: UserError[];
  }
  return RecordPayload;
}

/** `<Mutation>Payload { deleted<Type>Id, userErrors }`. */
export function deletePayload(payloadName: string, typeName: string): ClassType<DeletePayloadShape> {
  @ObjectType(payloadName, { description: 'What the delete answers: the ID the deleted record had, and what was wrong with the input.' })
  class DeletePayload implements DeletePayloadShape {
    @Field(() => ID, { name: `deleted${typeName}Id`, nullable: true, description: 'The ID the deleted record had; null when nothing was deleted.' })
    deletedId!: string | null;

    @Field(() => [UserError], { description: 'What was wrong with the input; empty when the mutation succeeded.' })
    userErrors!: UserError[];
  }
  return DeletePayload;
}

/**
 * The payload for a mutation's result. Its record is a reference: the read engine reads it,
 * with whatever the mutation's selection asks of it, after the commit (src/read/resolvers.ts).
 */
export function toRecordPayload<T>(_context: RequestContext, result: MutationResult): RecordPayloadShape<T> {
  return { record: (result.record ?? null) as T | null, userErrors: result.userErrors };
}

export function toDeletePayload(result: MutationResult): DeletePayloadShape {
  return { deletedId: result.deletedId ?? null, userErrors: result.userErrors };
}

interface FieldInfo {
  fieldName: string;
  path: { key: string | number };
  operation?: OperationDefinitionNode;
}

/** Runs a mutation that answers with a record. */
export async function recordMutation<T>(
  context: RequestContext,
  info: FieldInfo,
  args: Record<string, unknown>,
  work: (transaction: WriteTransaction) => Promise<MutationResult>,
): Promise<RecordPayloadShape<T>> {
  return toRecordPayload<T>(context, await runMutation(context, mutationCall(info, args), work));
}

/** Runs a mutation that deletes a record. */
export async function deleteMutation(
  context: RequestContext,
  info: FieldInfo,
  args: Record<string, unknown>,
  work: (transaction: WriteTransaction) => Promise<MutationResult>,
): Promise<DeletePayloadShape> {
  return toDeletePayload(await runMutation(context, mutationCall(info, args), work));
}
