/**
 * GraphQL subscriptions (served over WebSocket by src/subscription/websocket-server.ts):
 * `recordChanged` and `briefPublished`, fed by this server's RecordChangeFollower. Readers
 * without an API key follow the published view, as in the change feed.
 */
import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Field, Resolver, Root, Subscription } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { BriefFilter } from '../brief/brief.inputs';
import { briefConditions } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { checkKindsForViewer, toRecordChange, type StoredChange } from '../change/change-feed.service';
import { ChangeKind, ChangeRecordType, RecordChange } from '../change/record-change.types';
import type { RecordReference } from '../read/request-reads';
import { runReadStatement } from '../read/statement-runner';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { updatedAtConditions } from '../shared/updated-at';
import { changeStream } from './change-stream';
import { ErrorCode } from '../shared/error-codes';

@ArgsType()
class RecordChangedArguments {
  @Field(() => [ChangeRecordType], { nullable: true, description: 'Only changes to these kinds of record; all by default.' })
  types?: ChangeRecordType[] | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only these kinds of change; all by default (PUBLISHED and UNPUBLISHED need an API key).' })
  kinds?: ChangeKind[] | null;
}

function liveChangesOf(context: RequestContext) {
  // Not codedError: BAD_REQUEST's extensions would add `http.status` (which Apollo makes the answer's status); this error carries its code alone.
  if (!context.liveChanges)
    throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql', { extensions: { code: ErrorCode.BAD_REQUEST } });
  return context.liveChanges;
}

function recordChanges(context: RequestContext, args: RecordChangedArguments): AsyncIterable<RecordChange> {
  const live = liveChangesOf(context);
  checkKindsForViewer(context, args.kinds);
  const types = args.types?.map((type) => type.toLowerCase());
  return changeStream(
    live.follower,
    (change: StoredChange) => {
      const kind = context.viewer ? change.kind : change.published_kind;
      if (!kind || (types && !types.includes(change.record_table)) || (args.kinds && !args.kinds.includes(kind))) return null;
      return toRecordChange(change, kind);
    },
    live.close,
  );
}

function publishedBriefs(context: RequestContext, filter: BriefFilter | null | undefined): AsyncIterable<RecordReference> {
  const live = liveChangesOf(context);
  // Checked once, so a bad filter fails the subscription at once.
  const conditions = [...briefConditions(filter), ...updatedAtConditions(filter, 'b')];
  return changeStream(
    live.follower,
    async (change: StoredChange) => {
      // A brief entering the published view: published, or created published.
      if (change.record_table !== 'brief' || change.published_kind !== ChangeKind.CREATED) return null;
      if (conditions.length > 0) {
        const sql = new SqlBuilder([change.record_id]);
        const text = `SELECT EXISTS (SELECT 1 FROM brief b WHERE b.id = $1::int AND ${conditions.map((condition) => condition(sql)).join(' AND ')}) AS matches`;
        const [row] = await runReadStatement<{ matches: boolean }>(context.dataSource, text, sql.parameters);
        if (!row.matches) return null;
      }
      return { typeName: 'Brief', key: change.record_id };
    },
    live.close,
  );
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => RecordChange, {
    description:
      'Every change to a record from now on, as it commits through any server, an import or SQL (as in the change feed: without an API key, the published view).',
    subscribe: ({ args, context }) => recordChanges(context as RequestContext, args as RecordChangedArguments),
  })
  recordChanged(@Root() change: RecordChange, @Args() _args: RecordChangedArguments): RecordChange {
    return change;
  }

  @Subscription(() => Brief, {
    description: 'Each brief as it is published (or created already published), if it matches the filter.',
    subscribe: ({ args, context }) => publishedBriefs(context as RequestContext, args.filter as BriefFilter | null | undefined),
  })
  briefPublished(
    @Root() brief: RecordReference,
    @Arg('filter', () => BriefFilter, { nullable: true, description: 'Only briefs matching this filter.' }) _filter: BriefFilter | null,
  ): RecordReference {
    return brief;
  }
}
