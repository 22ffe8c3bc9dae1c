/**
 * The server-side cache of answers to anonymous queries. An answer is stored with the
 * write counters of every table it depends on (read before it was computed) and served
 * again only while those counters are unchanged and its max-age has not passed, so a
 * write, by anyone, is visible on the next read. Requests with an API key, mutations,
 * answers with errors and answers not publicly cacheable are never stored.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import type { RequestContext } from '../context';
import { recordCacheLookup, type ServerMetrics } from '../http/metrics';
import { generationsOf, readGenerations, unchangedSince, type Generations } from './change-generations';
import type { KeyValueStore } from './key-value-store';
import { everything, readDependencies } from './read-dependencies';
import { canonicalJson } from '../shared/canonical-json';

interface CachedAnswer {
  result: FormattedExecutionResult;
  generations: Generations;
  dependsOnEverything: boolean;
  storedAt: number;
  maxAge: number;
}

const dependenciesByDocument = new WeakMap<DocumentNode, string[]>();

/**
 * `schemaVersion` (a hash of the schema) is part of every key, so that during a rolling
 * deploy instances of the old and new code sharing a Redis never serve each other's answers.
 */
export function responseCachePlugin(store: KeyValueStore, metrics: ServerMetrics, schemaVersion: string): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.viewer) return {};
      let key: string | undefined;
      let generations: Generations | undefined;
      let dependsOnEverything = false;
      let served = false;
      return {
        async responseForOperation(requestContext) {
          const { operation, document, request, schema, response } = requestContext;
          if (operation.operation !== 'query') return null;
          let dependencies = dependenciesByDocument.get(document);
          if (!dependencies) {
            dependencies = readDependencies(schema, document);
            dependenciesByDocument.set(document, dependencies);
          }
          dependsOnEverything = dependencies.includes(everything);
          key = `answer:${schemaVersion}:${createHash('sha256')
            .update(canonicalJson([request.query ?? request.extensions?.persistedQuery, request.operationName ?? null, request.variables ?? {}]))
            .digest('hex')}`;
          generations = generationsOf(await readGenerations(contextValue.dataSource.manager), dependencies);
          const stored = await store.get(key);
          const cached = stored ? (JSON.parse(stored) as CachedAnswer) : undefined;
          const age = cached ? Math.floor((Date.now() - cached.storedAt) / 1000) : 0;
          if (!cached || age >= cached.maxAge || !unchangedSince(cached.generations, generations, cached.dependsOnEverything)) {
            recordCacheLookup(metrics, false);
            response.http.headers.set('x-cache', 'MISS');
            return null;
          }
          recordCacheLookup(metrics, true);
          served = true;
          response.http.headers.set('x-cache', 'HIT');
          response.http.headers.set('age', String(age));
          requestContext.overallCachePolicy.replace({ maxAge: cached.maxAge - age, scope: 'PUBLIC' });
          return { http: response.http, body: { kind: 'single', singleResult: cached.result } };
        },
        async willSendResponse({ response, overallCachePolicy }) {
          if (served || !key || !generations || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const policy = overallCachePolicy.policyIfCacheable();
          if (!policy || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return;
          const answer: CachedAnswer = { result: response.body.singleResult, generations, dependsOnEverything, storedAt: Date.now(), maxAge: policy.maxAge };
          await store.set(key, JSON.stringify(answer), { ttl: policy.maxAge });
        },
      };
    },
  };
}
