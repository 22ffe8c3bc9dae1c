/** Relay pagination arguments, validated: a page is 1-100 items (20 by default), in one direction. */
import { ArgsType, Field, Int } from 'type-graphql';
import { userInputError } from '../user-input-error';

export const defaultPageSize = 20;
export const maximumPageSize = 100;

@ArgsType()
export class ConnectionArguments {
  @Field(() => Int, {
    nullable: true,
    description: `Returns the first n items (at most ${maximumPageSize}; ${defaultPageSize} when neither first nor last is given).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Returns the items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Returns the last n items (at most ${maximumPageSize}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Returns the items before this cursor.' })
  before?: string | null;
}

/** What a page asks for, once validated: how many, from which end, and from which cursor. */
export interface PageRequest {
  size: number;
  /** true for first/after (forwards), false for last/before. */
  forwards: boolean;
  cursor: string | null;
  cursorArgument: 'after' | 'before';
}

function checkSize(name: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 0) throw userInputError(name, `must be a whole number from 0 to ${maximumPageSize}, got ${value}`);
  if (value > maximumPageSize) throw userInputError(name, `must be at most ${maximumPageSize}, got ${value}; page through larger lists with cursors`);
  return value;
}

/** Refuses empty cursors and arguments that page both ways at once. */
function checkCombination({ after, before }: ConnectionArguments, hasFirst: boolean, hasLast: boolean): void {
  if (after === '') throw userInputError('after', 'is empty; leave it out to start from the beginning');
  if (before === '') throw userInputError('before', 'is empty; leave it out to start from the end');
  if (hasFirst && hasLast) throw userInputError('last', 'cannot be combined with "first"; page forwards with first/after or backwards with last/before');
  if (hasFirst && before) throw userInputError('before', 'cannot be combined with "first"; use "after" to page forwards');
  if (hasLast && after) throw userInputError('after', 'cannot be combined with "last"; use "before" to page backwards');
  if (after && before) throw userInputError('before', 'cannot be combined with "after"');
}

export function toPageRequest(args: ConnectionArguments): PageRequest {
  const { first, after, last, before } = args;
  const hasFirst = first !== undefined && first !== null;
  const hasLast = last !== undefined && last !== null;
  checkCombination(args, hasFirst, hasLast);
  if (hasLast || (before && !hasFirst))
    return { size: hasLast ? checkSize('last', last!) : defaultPageSize, forwards: false, cursor: before ?? null, cursorArgument: 'before' };
  return { size: hasFirst ? checkSize('first', first!) : defaultPageSize, forwards: true, cursor: after ?? null, cursorArgument: 'after' };
}
