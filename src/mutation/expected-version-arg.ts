/**
 * The optional `expectedVersion` argument of every update and delete mutation, declared once
 * so its type and description cannot drift between record types (record-writer.ts checks it).
 */
import { Arg, Int } from 'type-graphql';

export const expectedVersionDescription = 'Fail with VERSION_CONFLICT, changing nothing, unless the record is still at this version.';

export function ExpectedVersionArg(): ReturnType<typeof Arg> {
  return Arg('expectedVersion', () => Int, { nullable: true, description: expectedVersionDescription });
}
