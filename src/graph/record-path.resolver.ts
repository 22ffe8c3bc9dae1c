import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { findRecordPath, maximumHops } from './record-path.service';
import { RecordPath } from './record-path.types';

@Resolver()
export class RecordPathResolver {
  @Query(() => RecordPath, {
    nullable: true,
    description:
      'The shortest chain of relations between two records (briefs, lessons, meetings, themes, districts, networks, organizations), ' +
      `at most maxHops steps long (1 to ${maximumHops}); null when there is none that short. The same record at both ends is a path of 0 steps.`,
  })
  connection(
    @Arg('from', () => ID, { description: 'The global ID of the record the path starts from.' }) from: string,
    @Arg('to', () => ID, { description: 'The global ID of the record the path ends at.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: maximumHops, description: `The longest path to look for, in steps (1 to ${maximumHops}).` }) maxHops: number,
    @Ctx() context: RequestContext,
  ): Promise<RecordPath | null> {
    return findRecordPath(context, from, to, maxHops);
  }
}
