/** The arguments of `changes`. */
import { ArgsType, Field, Int } from 'type-graphql';
import { ChangeKind, ChangeRecordType } from './record-change.types';

export const defaultChangePageSize = 100;
export const maximumChangePageSize = 500;

@ArgsType()
export class ChangeFeedArguments {
  @Field(() => String, {
    nullable: true,
    description: "Resume after this cursor (a change's `cursor` or a page's `endCursor`); leave out to start from the oldest change kept.",
  })
  after?: string | null;

  @Field(() => Int, { defaultValue: defaultChangePageSize, description: `How many changes at most (1 to ${maximumChangePageSize}).` })
  first!: number;

  @Field(() => [ChangeRecordType], { nullable: true, description: 'Only changes to these kinds of record; all by default.' })
  types?: ChangeRecordType[] | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only these kinds of change; all by default (PUBLISHED and UNPUBLISHED need an API key).' })
  kinds?: ChangeKind[] | null;
}
