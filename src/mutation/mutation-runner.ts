/**
 * Runs one mutation as one transaction: it changes everything it set out to or nothing.
 *
 * - User errors (the work returned some) roll the changes back to a savepoint: nothing
 *   is written but the answer (and the idempotency record below) still commits.
 * - Exceptions are bugs: the whole transaction rolls back and the client gets an error.
 * - Every change the work noted goes to the audit log in the same transaction.
 * - With an `Idempotency-Key` header, the answer is stored under (API key, idempotency
 *   key, response key) in the same transaction as the writes. A retry waits on that
 *   row's unique key while the first attempt is in flight, then finds its committed
 *   answer and returns it without writing again; the same key with other input is refused.
 */
import { createHash } from 'node:crypto';
import { Kind, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { EntityManager } from 'typeorm';
import { appendAuditEntry } from '../audit/audit-log';
import { canonicalJson } from '../shared/canonical-json';
import type { RequestContext } from '../context';
import { userError, UserErrorCode, type UserError } from './user-error';
import { WriteTransaction } from './write-transaction';
import { codedError, ErrorCode } from '../shared/error-codes';

export interface MutationResult {
  /** The record the payload returns (null when there is none, such as after a delete or on user errors). */
  record: { typeName: string; key: number } | null;
  /** For deletes: the global ID of the record deleted. */
  deletedId?: string | null;
  userErrors: UserError[];
  /** Other values the payload carries, stored for retries. */
  values?: Record<string, unknown>;
  /** Values returned once and never stored (an API key's secret). */
  transient?: Record<string, unknown>;
}

export interface MutationCall {
  /** The mutation field's name, such as `briefUpdate`: the audit log's action. */
  action: string;
  /** The field's alias or name, so one request may send several mutations under one key. */
  responseKey: string;
  arguments: Record<string, unknown>;
}

const idempotencyWindow = `interval '24 hours'`;

function fingerprintOf(call: MutationCall): string {
  return createHash('sha256')
    .update(`${call.action}\n${canonicalJson(call.arguments)}`)
    .digest('hex');
}

function sqlState(error: unknown): string | undefined {
  const failure = error as { code?: string; driverError?: { code?: string } } | undefined;
  return failure?.driverError?.code ?? failure?.code;
}

/** Races with another writer that PostgreSQL resolves by aborting one transaction: safe to run again from the start. */
const retryableStates = new Set(['40P01', '40001']);
const attempts = 3;

/** What a constraint violation caused by a concurrent write means to the client. */
function raceError(error: unknown): UserError | undefined {
  switch (sqlState(error)) {
    case '23505':
      return userError(null, 'Another record with the same unique value was written at the same moment; read again and retry', UserErrorCode.TAKEN);
    case '23503':
      return /still referenced/.test(
        String((error as { detail?: string; driverError?: { detail?: string } }).driverError?.detail ?? (error as { detail?: string }).detail),
      )
        ? userError(null, 'Another record came to refer to this one at the same moment; it is still in use', UserErrorCode.IN_USE)
        : userError(null, 'A record this change refers to was deleted at the same moment; read again and retry', UserErrorCode.NOT_FOUND);
    default:
      return undefined;
  }
}

async function claimIdempotencyKey(manager: EntityManager, context: RequestContext, call: MutationCall, fingerprint: string): Promise<MutationResult | null> {
  const apiKey = context.viewer!.apiKeyKey;
  const parameters = [apiKey, context.idempotencyKey, call.responseKey];
  // Expired records go a few at a time, skipping any another transaction holds, so cleaning never makes anyone wait.
  await manager.query(
    `DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid FROM idempotency_record WHERE created_at < now() - ${idempotencyWindow} LIMIT 100 FOR UPDATE SKIP LOCKED)`,
  );
  const claimed = (await manager.query(
    `INSERT INTO idempotency_record (api_key_id, idempotency_key, response_key, fingerprint, result) VALUES ($1, $2, $3, $4, '{}') ON CONFLICT DO NOTHING RETURNING 1`,
    [...parameters, fingerprint],
  )) as unknown[];
  if (claimed.length > 0) return null;
  const [stored] = (await manager.query(
    `SELECT fingerprint, result FROM idempotency_record WHERE api_key_id = $1 AND idempotency_key = $2 AND response_key = $3`,
    parameters,
  )) as Array<{
    fingerprint: string;
    result: MutationResult;
  }>;
  if (stored.fingerprint !== fingerprint) {
    throw codedError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `The Idempotency-Key "${context.idempotencyKey}" was already used for \`${call.responseKey}\` with different input; send a new key for a new request`,
    );
  }
  return { ...stored.result, userErrors: stored.result.userErrors.map((error) => userError(error.field, error.message, error.code)) };
}

export async function runMutation(
  context: RequestContext,
  call: MutationCall,
  work: (transaction: WriteTransaction) => Promise<MutationResult>,
): Promise<MutationResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, changedTables } = await runMutationOnce(context, call, work);
      // Committed: answers cached by this server that read what changed go now, before the mutation answers.
      await context.changes.raise(changedTables).catch(() => undefined);
      return result;
    } catch (error) {
      // The whole transaction rolled back, idempotency claim included, so running it again is safe.
      if (attempt >= attempts || !retryableStates.has(sqlState(error) ?? '')) throw error;
    }
  }
}

/** The tables the transaction wrote to, as the change triggers note them (migration AddChangeNotifications). */
async function changedTablesOf(manager: EntityManager): Promise<string[]> {
  const [row] = (await manager.query(`SELECT coalesce(current_setting('briefgraph.changed_tables', true), '') AS tables`)) as Array<{ tables: string }>;
  return row.tables.split(' ').filter(Boolean);
}

async function runMutationOnce(
  context: RequestContext,
  call: MutationCall,
  work: (transaction: WriteTransaction) => Promise<MutationResult>,
): Promise<{ result: MutationResult; changedTables: string[] }> {
  const viewer = context.viewer;
  if (!viewer) throw new Error(`runMutation(${call.action}) reached without a viewer: the resolver is missing @Authorized`);
  return context.writer.transaction(async (manager) => {
    const fingerprint = fingerprintOf(call);
    if (context.idempotencyKey) {
      const replayed = await claimIdempotencyKey(manager, context, call, fingerprint);
      if (replayed) return { result: replayed, changedTables: [] };
    }
    await manager.query('SAVEPOINT mutation_changes');
    const transaction = new WriteTransaction(manager, viewer);
    let result: MutationResult;
    try {
      result = await work(transaction);
    } catch (error) {
      // A writer outside the application (psql, say) raced this one: its checks passed, its write did not.
      const race = raceError(error);
      if (!race) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT mutation_changes');
      result = { record: null, userErrors: [race] };
    }
    if (result.userErrors.length > 0) {
      await manager.query('ROLLBACK TO SAVEPOINT mutation_changes');
      result = { ...result, record: null, deletedId: null, transient: undefined };
    } else {
      for (const change of transaction.changes) {
        await appendAuditEntry(manager, { actorName: viewer.name, actorKey: viewer.apiKeyKey, action: call.action, requestId: context.requestId, ...change });
      }
    }
    if (context.idempotencyKey) {
      const stored: MutationResult = { record: result.record, deletedId: result.deletedId ?? null, userErrors: result.userErrors, values: result.values };
      await manager.query(`UPDATE idempotency_record SET result = $4 WHERE api_key_id = $1 AND idempotency_key = $2 AND response_key = $3`, [
        viewer.apiKeyKey,
        context.idempotencyKey,
        call.responseKey,
        stored,
      ]);
    }
    return { result, changedTables: result.userErrors.length > 0 ? [] : await changedTablesOf(manager) };
  });
}

/**
 * The call description of the mutation field being resolved. Its response key for
 * idempotency is the field name and its place among the root fields of that name, so
 * a retry that renames its alias is still the same call.
 */
export function mutationCall(
  info: { fieldName: string; path: { key: string | number }; operation?: OperationDefinitionNode },
  args: Record<string, unknown>,
): MutationCall {
  const sameName = (info.operation?.selectionSet.selections ?? []).filter(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === info.fieldName,
  );
  const place = sameName.findIndex((field) => (field.alias?.value ?? field.name.value) === String(info.path.key));
  return { action: info.fieldName, responseKey: place >= 0 ? `${info.fieldName}#${place + 1}` : String(info.path.key), arguments: args };
}
