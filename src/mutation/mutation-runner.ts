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
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { appendAuditEntry } from '../audit/audit-log';
import type { RequestContext } from '../context';
import { userError, UserErrorCode, type UserError } from './user-error';
import { WriteTransaction } from './write-transaction';

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

/** JSON with object keys sorted, so equal input gives equal text whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprintOf(call: MutationCall): string {
  return createHash('sha256').update(`${call.action}\n${canonicalJson(call.arguments)}`).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string; driverError?: { code?: string } })?.code === '23505' || (error as { driverError?: { code?: string } })?.driverError?.code === '23505';
}

async function claimIdempotencyKey(manager: EntityManager, context: RequestContext, call: MutationCall, fingerprint: string): Promise<MutationResult | null> {
  const apiKey = context.viewer!.apiKeyKey;
  const parameters = [apiKey, context.idempotencyKey, call.responseKey];
  await manager.query(`DELETE FROM idempotency_record WHERE created_at < now() - ${idempotencyWindow}`);
  const claimed = (await manager.query(
    `INSERT INTO idempotency_record (api_key_id, idempotency_key, response_key, fingerprint, result) VALUES ($1, $2, $3, $4, '{}') ON CONFLICT DO NOTHING RETURNING 1`,
    [...parameters, fingerprint],
  )) as unknown[];
  if (claimed.length > 0) return null;
  const [stored] = (await manager.query(`SELECT fingerprint, result FROM idempotency_record WHERE api_key_id = $1 AND idempotency_key = $2 AND response_key = $3`, parameters)) as Array<{
    fingerprint: string;
    result: MutationResult;
  }>;
  if (stored.fingerprint !== fingerprint) {
    throw new GraphQLError(
      `The Idempotency-Key "${context.idempotencyKey}" was already used for \`${call.responseKey}\` with different input; send a new key for a new request`,
      { extensions: { code: 'IDEMPOTENCY_KEY_REUSED', http: { status: 422 } } },
    );
  }
  return { ...stored.result, userErrors: stored.result.userErrors.map((error) => userError(error.field, error.message, error.code)) };
}

export async function runMutation(context: RequestContext, call: MutationCall, work: (transaction: WriteTransaction) => Promise<MutationResult>): Promise<MutationResult> {
  const viewer = context.viewer;
  if (!viewer) throw new Error(`runMutation(${call.action}) reached without a viewer: the resolver is missing @Authorized`);
  return context.writer.transaction(async (manager) => {
    const fingerprint = fingerprintOf(call);
    if (context.idempotencyKey) {
      const replayed = await claimIdempotencyKey(manager, context, call, fingerprint);
      if (replayed) return replayed;
    }
    await manager.query('SAVEPOINT mutation_changes');
    const transaction = new WriteTransaction(manager, viewer);
    let result: MutationResult;
    try {
      result = await work(transaction);
    } catch (error) {
      // Two writers racing for the same slug or number: the loser's check passed, its insert did not.
      if (!isUniqueViolation(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT mutation_changes');
      result = { record: null, userErrors: [userError(null, 'Another record with the same unique value was written at the same moment; read again and retry', UserErrorCode.TAKEN)] };
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
    return result;
  });
}

/** The call description of the mutation field being resolved. */
export function mutationCall(info: { fieldName: string; path: { key: string | number } }, args: Record<string, unknown>): MutationCall {
  return { action: info.fieldName, responseKey: String(info.path.key), arguments: args };
}
