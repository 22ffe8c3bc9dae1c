/**
 * The server-side cache of answers to anonymous queries, served without touching the
 * database. An answer is stored with the change counts (table-changes.ts) of the tables
 * its statements read (tables-read.ts), as they were before it was computed, and served
 * again only while those counts are unchanged and its max-age has not passed. Requests
 * with an API key, mutations, answers with errors and answers not publicly cacheable
 * are never stored; while changes cannot be heard of, nothing is served or stored.
 */
import { createHash } from 'node:crypto';
import type { GraphQLRequestContextResponseForOperation, GraphQLRequestContextWillSendResponse, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext } from '../context';
import { currentStatementScope } from '../database/statement-counter';
import { recordCacheLookup, type ServerMetrics } from '../http/metrics';
import { canonicalJson } from '../shared/canonical-json';
import type { KeyValueStore } from './key-value-store';
import { countsOf, unchangedSince, type ChangeCounts, type TableChanges } from './table-changes';
import { tablesRead } from './tables-read';

interface CachedAnswer {
  result: FormattedExecutionResult;
  /** Change counts of the tables the answer read, before it was computed. */
  counts: ChangeCounts;
  storedAt: number;
  maxAge: number;
}

/** Stores an answer with the change counts of the tables its statements read; an answer whose tables are not known is not stored. */
async function storeAnswer(
  store: KeyValueStore,
  key: string,
  answer: { result: FormattedExecutionResult; countsBefore: ChangeCounts; maxAge: number; dataSource: RequestContext['dataSource'] },
): Promise<void> {
  const statements = currentStatementScope()?.texts ?? new Map<string, readonly unknown[]>();
  let tables: string[];
  try {
    tables = await tablesRead(answer.dataSource, statements);
  } catch {
    return; // not knowing what an answer read, it is not stored
  }
  const cached: CachedAnswer = { result: answer.result, counts: countsOf(answer.countsBefore, tables), storedAt: Date.now(), maxAge: answer.maxAge };
  await store.set(key, JSON.stringify(cached), { ttl: answer.maxAge });
}

/**
 * The cache as the /graphql plugin uses it: `forRequest` gives each anonymous request its
 * lookup (requests with an API key are never cached). `schemaVersion` (a hash of the schema)
 * is part of every key, so that during a rolling deploy instances of the old and new code
 * sharing a Redis never serve each other's answers.
 */
export class ResponseCache {
  constructor(
    readonly store: KeyValueStore,
    readonly changes: TableChanges,
    readonly metrics: ServerMetrics,
    readonly schemaVersion: string,
  ) {}

  forRequest(contextValue: RequestContext): ResponseCacheLookup | undefined {
    return contextValue.viewer ? undefined : new ResponseCacheLookup(this);
  }
}

/** One request's lookup: answers a query from the cache, or stores its answer once computed. */
export class ResponseCacheLookup {
  private key: string | undefined;
  private countsBefore: ChangeCounts | undefined;
  private served = false;

  constructor(private readonly cache: ResponseCache) {}

  /** Before execution: the cached answer, when there is one still fresh; else null (and the answer will be stored). */
  async answer(requestContext: GraphQLRequestContextResponseForOperation<RequestContext>): Promise<GraphQLResponse | null> {
    const { operation, request, response } = requestContext;
    if (operation.operation !== 'query') return null;
    const { changes, metrics } = this.cache;
    if (!changes.reliable) {
      response.http.headers.set('x-cache', 'BYPASS');
      return null;
    }
    const key = `answer:${this.cache.schemaVersion}:${createHash('sha256')
      .update(canonicalJson([request.query ?? request.extensions?.persistedQuery, request.operationName ?? null, request.variables ?? {}]))
      .digest('hex')}`;
    this.key = key;
    const [stored, now] = await Promise.all([this.cache.store.get(key), changes.snapshot()]);
    if (!now) {
      response.http.headers.set('x-cache', 'BYPASS');
      return null;
    }
    this.countsBefore = now;
    const cached = stored ? (JSON.parse(stored) as CachedAnswer) : undefined;
    const age = cached ? Math.floor((Date.now() - cached.storedAt) / 1000) : 0;
    if (!cached || age >= cached.maxAge || !unchangedSince(cached.counts, now)) {
      recordCacheLookup(metrics, false);
      response.http.headers.set('x-cache', 'MISS');
      return null;
    }
    recordCacheLookup(metrics, true);
    this.served = true;
    response.http.headers.set('x-cache', 'HIT');
    response.http.headers.set('age', String(age));
    requestContext.overallCachePolicy.replace({ maxAge: cached.maxAge - age, scope: 'PUBLIC' });
    return { http: response.http, body: { kind: 'single', singleResult: cached.result } };
  }

  /** Before the answer is sent: stores it when it was computed here, without errors, and is publicly cacheable. */
  async store(requestContext: GraphQLRequestContextWillSendResponse<RequestContext>): Promise<void> {
    const { response, overallCachePolicy, contextValue } = requestContext;
    const { key, countsBefore } = this;
    if (this.served || !key || !countsBefore || response.body.kind !== 'single' || response.body.singleResult.errors) return;
    const policy = overallCachePolicy.policyIfCacheable();
    if (!policy || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return;
    await storeAnswer(this.cache.store, key, { result: response.body.singleResult, countsBefore, maxAge: policy.maxAge, dataSource: contextValue.dataSource });
  }
}
