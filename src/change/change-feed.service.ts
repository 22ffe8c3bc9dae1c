/**
 * The change feed: every create, update, delete, publish and unpublish of a record,
 * written by row triggers into `record_change` in the writing transaction (migration
 * AddRecordChanges), handed out in (transaction ID, id) order and only below the oldest
 * transaction of this database still running, so a change can never commit behind a reader's cursor:
 * a consumer that keeps its last cursor misses nothing and sees nothing twice.
 * Without an API key the feed is that of the published view.
 */
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { runReadStatement } from '../read/statement-runner';
import { encodeGlobalId } from '../shared/global-id';
import { decodeCursor, encodeCursor, invalidCursorError } from '../shared/pagination/cursor';
import { userInputError } from '../shared/user-input-error';
import type { ChangeFeedArguments } from './change-feed.inputs';
import { maximumChangePageSize } from './change-feed.inputs';
import { ChangeKind, typeNameOfTable, type ChangeRecordType, type RecordChange, type RecordChangePage } from './record-change.types';
import { codedError, ErrorCode } from '../shared/error-codes';

const cursorScope = 'changes';

/** A place in the feed: after the change (transaction ID, id). */
export interface FeedPosition {
  transaction: bigint;
  id: number;
}

export const feedStart: FeedPosition = { transaction: 0n, id: 0 };

function positionCursor(position: FeedPosition): string {
  return encodeCursor(cursorScope, [position.transaction.toString(), position.id]);
}

function decodePosition(cursor: string): FeedPosition {
  const values = decodeCursor(cursor, cursorScope, 'after');
  const [transaction, id] = values;
  if (
    values.length !== 2 ||
    typeof transaction !== 'string' ||
    !/^\d{1,20}$/.test(transaction) ||
    typeof id !== 'number' ||
    !Number.isSafeInteger(id) ||
    id < 0
  ) {
    throw invalidCursorError('after');
  }
  return { transaction: BigInt(transaction), id };
}

export function isAfter(a: FeedPosition, b: FeedPosition): boolean {
  return a.transaction > b.transaction || (a.transaction === b.transaction && a.id > b.id);
}

export function changeCursorExpiredError(): GraphQLError {
  return codedError(
    ErrorCode.CHANGE_CURSOR_EXPIRED,
    'Argument "after" is a cursor older than the changes kept (see CHANGE_RETENTION_HOURS); read the lists again (updatedSince helps), then follow the feed from a fresh cursor',
    { argumentName: 'after' },
  );
}

/** The schema's name of a column: camel case, foreign keys named by their relation (publisher_id → publisher). */
export function fieldNameOfColumn(column: string): string {
  return column.replace(/_id$/, '').replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A row of the feed as stored: both views' kinds (null where that view saw nothing). */
export interface StoredChange {
  transaction: string;
  id: number;
  record_table: string;
  record_id: number;
  kind: ChangeKind | null;
  published_kind: ChangeKind | null;
  changed_columns: string[];
  occurred_at: string;
}

export function positionOf(change: StoredChange): FeedPosition {
  return { transaction: BigInt(change.transaction), id: change.id };
}

/** A change as the schema shows it, with the kind its reader's view saw. */
export function toRecordChange(change: StoredChange, kind: ChangeKind): RecordChange {
  const typeName = typeNameOfTable[change.record_table];
  return {
    cursor: positionCursor(positionOf(change)),
    kind,
    recordType: change.record_table.toUpperCase() as ChangeRecordType,
    recordId: encodeGlobalId(typeName, change.record_id),
    record: kind === ChangeKind.DELETED ? null : { typeName, key: change.record_id },
    changedFields: change.changed_columns.map(fieldNameOfColumn),
    occurredAt: new Date(change.occurred_at),
  };
}

export interface StoredChangesRead {
  /** Whether `after` lies before what is kept. */
  expired: boolean;
  /** Where what is kept starts. */
  horizon: FeedPosition;
  /** The newest change ready to be handed out (whatever the conditions), if any. */
  head: FeedPosition | null;
  /** Up to `limit` ready changes after `after` meeting the conditions, in feed order. */
  changes: StoredChange[];
  /** Whether committed changes wait behind a transaction still running (ready soon). */
  heldBack: boolean;
}

/** The statement's read of `record_change`, and whether the transaction it stopped at had already ended. */
interface StoredChangesRow {
  expired: boolean;
  horizon: [string, number];
  head: [string, number] | null;
  held_back: boolean;
  hold_ended: boolean;
  page: StoredChange[];
}

/**
 * A read held back by a transaction that had ended before the statement looked at who runs where is read again,
 * up to this many times in all. The statement cannot tell such a transaction's database: one of another database
 * that commits between the statement's snapshot and its look at pg_stat_activity is counted as this database's
 * (safe, never skips a change, but would make a write just committed here wait for no reason). A read again
 * takes a new snapshot, in which that transaction is over; it keeps happening only under heavy churn elsewhere.
 */
const readsWhileHoldEnded = 20;

/**
 * One statement: ready changes after `after` that meet the conditions (SQL on alias c,
 * adding their values to `parameters`), with the horizon and head. Ready: of transactions
 * older than the oldest one of this database still running.
 */
export async function readStoredChanges(
  dataSource: DataSource,
  after: FeedPosition,
  limit: number,
  conditions: (parameters: unknown[]) => string[] = () => [],
): Promise<StoredChangesRead> {
  const parameters: unknown[] = [after.transaction.toString(), after.id, limit];
  const where = ['TRUE', ...conditions(parameters)];
  const statement = `WITH ready AS MATERIALIZED (SELECT public.briefgraph_change_feed_ready() AS below, pg_snapshot_xmax(pg_current_snapshot()) AS unassigned)
     SELECT
       (SELECT ($1::xid8, $2::bigint) < (h.transaction_id, h.id) FROM public.record_change_horizon h) AS expired,
       (SELECT json_build_array(h.transaction_id::text, h.id) FROM public.record_change_horizon h) AS horizon,
       (SELECT json_build_array(c.transaction_id::text, c.id) FROM public.record_change c
         WHERE c.transaction_id < (SELECT below FROM ready) ORDER BY c.transaction_id DESC, c.id DESC LIMIT 1) AS head,
       EXISTS (SELECT 1 FROM public.record_change c WHERE c.transaction_id >= (SELECT below FROM ready)) AS held_back,
       (SELECT CASE WHEN below < unassigned THEN pg_xact_status(below) IS DISTINCT FROM 'in progress' ELSE FALSE END FROM ready) AS hold_ended,
       coalesce((SELECT json_agg(page ORDER BY page.transaction_id, page.id) FROM (
         SELECT c.transaction_id, c.transaction_id::text AS transaction, c.id, c.record_table, c.record_id, c.kind, c.published_kind, c.changed_columns, c.occurred_at
           FROM public.record_change c
          WHERE (c.transaction_id, c.id) > ($1::xid8, $2::bigint) AND c.transaction_id < (SELECT below FROM ready) AND ${where.join(' AND ')}
          ORDER BY c.transaction_id, c.id LIMIT $3) page), '[]'::json) AS page`;
  let result: StoredChangesRow;
  for (let reads = 1; ; reads += 1) {
    [result] = await runReadStatement<StoredChangesRow>(dataSource, statement, parameters);
    if (!(result.held_back && result.hold_ended) || reads === readsWhileHoldEnded) break;
  }
  const position = (value: [string, number]): FeedPosition => ({ transaction: BigInt(value[0]), id: value[1] });
  return {
    expired: result.expired,
    horizon: position(result.horizon),
    head: result.head ? position(result.head) : null,
    changes: result.page,
    heldBack: result.held_back,
  };
}

/**
 * What the feed needs of a request: who asks, and the database as they may see it. A RequestContext is one;
 * named here, not imported, because the subscriptions' follower (which context.ts names) reads this module.
 */
export interface FeedReader {
  viewer: Viewer | null;
  dataSource: DataSource;
}

/** PUBLISHED and UNPUBLISHED concern drafts: asking for them without an API key is a mistake worth saying. */
export function checkKindsForViewer(context: FeedReader, kinds: readonly ChangeKind[] | null | undefined): void {
  if (!context.viewer && kinds?.some((kind) => kind === ChangeKind.PUBLISHED || kind === ChangeKind.UNPUBLISHED)) {
    throw userInputError(
      'kinds',
      'asks for PUBLISHED or UNPUBLISHED, which concern drafts and need an API key; without one, a publication is CREATED and an unpublication DELETED',
    );
  }
}

export async function changeFeed(context: FeedReader, args: ChangeFeedArguments): Promise<RecordChangePage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maximumChangePageSize) {
    throw userInputError('first', `must be a whole number from 1 to ${maximumChangePageSize}, got ${args.first}`);
  }
  checkKindsForViewer(context, args.kinds);
  const after = args.after ? decodePosition(args.after) : feedStart;
  // Editors and admins see the tables' changes; everyone else those of the published view.
  const kindColumn = context.viewer ? 'kind' : 'published_kind';
  const read = await readStoredChanges(context.dataSource, after, args.first + 1, (parameters) => {
    const conditions = [`c.${kindColumn} IS NOT NULL`];
    if (args.types) {
      parameters.push(args.types.map((type) => type.toLowerCase()));
      conditions.push(`c.record_table = ANY($${parameters.length}::text[])`);
    }
    if (args.kinds) {
      parameters.push(args.kinds);
      conditions.push(`c.${kindColumn} = ANY($${parameters.length}::record_change_kind[])`);
    }
    return conditions;
  });
  if (args.after && read.expired) throw changeCursorExpiredError();
  const rows = read.changes.slice(0, args.first);
  const hasMore = read.changes.length > args.first;
  const changes = rows.map((row) => toRecordChange(row, row[kindColumn]!));
  // Without a cursor, the feed starts where what is kept starts.
  let end = args.after ? after : read.horizon;
  if (hasMore) {
    end = positionOf(rows[rows.length - 1]);
  } else if (read.head && isAfter(read.head, end)) {
    // Everything ready was read: resume after the newest ready change, even one the filters left out.
    end = read.head;
  }
  return { changes, endCursor: positionCursor(end), hasMore, pending: read.heldBack };
}
