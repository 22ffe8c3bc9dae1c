/**
 * The change feed: every create, update, delete, publish and unpublish of a record,
 * written by row triggers into `record_change` in the writing transaction (migration
 * AddRecordChanges), handed out in (transaction ID, id) order and only below the oldest
 * transaction of this database still running, so a change can never commit behind a reader's cursor:
 * a consumer that keeps its last cursor misses nothing and sees nothing twice.
 * Without an API key the feed is that of the published view.
 */
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { runReadStatement } from '../read/statement-runner';
import { encodeGlobalId } from '../shared/global-id';
import { decodeCursor, encodeCursor, invalidCursorError } from '../shared/pagination/cursor';
import { userInputError } from '../shared/user-input-error';
import type { ChangeFeedArguments } from './change-feed.inputs';
import { maximumChangePageSize } from './change-feed.inputs';
import { ChangeKind, typeNameOfTable, type ChangeRecordType, type RecordChange, type RecordChangePage } from './record-change.types';

const cursorScope = 'changes';

/** A place in the feed: after the change (transaction ID, id). */
interface FeedPosition {
  transaction: bigint;
  id: number;
}

const start: FeedPosition = { transaction: 0n, id: 0 };

function positionCursor(position: FeedPosition): string {
  return encodeCursor(cursorScope, [position.transaction.toString(), position.id]);
}

function decodePosition(cursor: string): FeedPosition {
  const values = decodeCursor(cursor, cursorScope, 'after');
  const [transaction, id] = values;
  if (values.length !== 2 || typeof transaction !== 'string' || !/^\d{1,20}$/.test(transaction) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    throw invalidCursorError('after');
  }
  return { transaction: BigInt(transaction), id };
}

function isAfter(a: FeedPosition, b: FeedPosition): boolean {
  return a.transaction > b.transaction || (a.transaction === b.transaction && a.id > b.id);
}

export function changeCursorExpiredError(): GraphQLError {
  return new GraphQLError(
    'Argument "after" is a cursor older than the changes kept (see CHANGE_RETENTION_HOURS); read the lists again (updatedSince helps), then follow the feed from a fresh cursor',
    { extensions: { code: 'CHANGE_CURSOR_EXPIRED', argumentName: 'after' } },
  );
}

/** The schema's name of a column: camel case, foreign keys named by their relation (publisher_id → publisher). */
export function fieldNameOfColumn(column: string): string {
  return column.replace(/_id$/, '').replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

interface ChangeRow {
  transaction: string;
  id: number;
  record_table: string;
  record_id: number;
  kind: ChangeKind;
  changed_columns: string[];
  occurred_at: string;
}

function toRecordChange(row: ChangeRow): RecordChange {
  const typeName = typeNameOfTable[row.record_table];
  return {
    cursor: positionCursor({ transaction: BigInt(row.transaction), id: row.id }),
    kind: row.kind,
    recordType: row.record_table.toUpperCase() as ChangeRecordType,
    recordId: encodeGlobalId(typeName, row.record_id),
    record: row.kind === ChangeKind.DELETED ? null : { typeName, key: row.record_id },
    changedFields: row.changed_columns.map(fieldNameOfColumn),
    occurredAt: new Date(row.occurred_at),
  };
}

export async function changeFeed(context: RequestContext, args: ChangeFeedArguments): Promise<RecordChangePage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maximumChangePageSize) {
    throw userInputError('first', `must be a whole number from 1 to ${maximumChangePageSize}, got ${args.first}`);
  }
  const after = args.after ? decodePosition(args.after) : start;
  // Editors and admins see the tables' changes; everyone else those of the published view.
  const kindColumn = context.viewer ? 'kind' : 'published_kind';
  const parameters: unknown[] = [after.transaction.toString(), after.id, args.first + 1];
  const conditions = [`c.${kindColumn} IS NOT NULL`];
  if (args.types) {
    parameters.push(args.types.map((type) => type.toLowerCase()));
    conditions.push(`c.record_table = ANY($${parameters.length}::text[])`);
  }
  if (args.kinds) {
    parameters.push(args.kinds);
    conditions.push(`c.${kindColumn} = ANY($${parameters.length}::record_change_kind[])`);
  }
  const [result] = await runReadStatement<{ expired: boolean; horizon: [string, number]; head: [string, number] | null; page: ChangeRow[] }>(
    context.dataSource,
    `WITH ready AS MATERIALIZED (SELECT public.briefgraph_change_feed_ready() AS below)
     SELECT
       (SELECT ($1::xid8, $2::bigint) < (h.transaction_id, h.id) FROM public.record_change_horizon h) AS expired,
       (SELECT json_build_array(h.transaction_id::text, h.id) FROM public.record_change_horizon h) AS horizon,
       (SELECT json_build_array(c.transaction_id::text, c.id) FROM public.record_change c
         WHERE c.transaction_id < (SELECT below FROM ready) ORDER BY c.transaction_id DESC, c.id DESC LIMIT 1) AS head,
       coalesce((SELECT json_agg(page ORDER BY page.transaction_id, page.id) FROM (
         SELECT c.transaction_id, c.transaction_id::text AS transaction, c.id, c.record_table, c.record_id, c.${kindColumn} AS kind, c.changed_columns, c.occurred_at
           FROM public.record_change c
          WHERE (c.transaction_id, c.id) > ($1::xid8, $2::bigint) AND c.transaction_id < (SELECT below FROM ready) AND ${conditions.join(' AND ')}
          ORDER BY c.transaction_id, c.id LIMIT $3) page), '[]'::json) AS page`,
    parameters,
  );
  if (args.after && result.expired) throw changeCursorExpiredError();
  const rows = result.page.slice(0, args.first);
  const hasMore = result.page.length > args.first;
  const changes = rows.map(toRecordChange);
  // Without a cursor, the feed starts where what is kept starts.
  let end = args.after ? after : { transaction: BigInt(result.horizon[0]), id: result.horizon[1] };
  if (hasMore) {
    const last = rows[rows.length - 1];
    end = { transaction: BigInt(last.transaction), id: last.id };
  } else if (result.head) {
    // Everything ready was read: resume after the newest ready change, even one the filters left out.
    const head = { transaction: BigInt(result.head[0]), id: result.head[1] };
    if (isAfter(head, end)) end = head;
  }
  return { changes, endCursor: positionCursor(end), hasMore };
}
