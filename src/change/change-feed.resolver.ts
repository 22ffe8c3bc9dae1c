/** `changes`: the change feed (src/change/change-feed.service.ts). */
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import type { RequestContext } from '../context';
import { ChangeFeedArguments } from './change-feed.inputs';
import { changeFeed } from './change-feed.service';
import { RecordChangePage } from './record-change.types';

@Resolver()
export class ChangeFeedResolver {
  @Directive(neverCache)
  @Query(() => RecordChangePage, {
    description:
      'Every create, update, delete, publish and unpublish of a record, in commit order. Keep `endCursor` and pass it as `after` to resume: ' +
      'nothing is missed or seen twice, across restarts and concurrent writers. Without an API key, the feed of the published view ' +
      '(a brief appears as CREATED when published and DELETED when unpublished). Changes are kept for a limited period; ' +
      'an older cursor fails with CHANGE_CURSOR_EXPIRED.',
  })
  changes(@Args() args: ChangeFeedArguments, @Ctx() context: RequestContext): Promise<RecordChangePage> {
    return changeFeed(context, args);
  }
}
