import type { ApolloServerPlugin } from '@apollo/server';
import { databaseFaultCodes } from './format-error';

/** Seconds a client is told to wait before retrying when the database is unavailable. */
export const retryAfterSeconds = 1;

/**
 * A request that failed because the database is unavailable answers HTTP 503 (with
 * Retry-After), one whose statements ran out of time 504, so that clients, proxies and
 * load balancers see the failure without reading the body. The codes come from
 * formatError (format-error.ts), which runs first.
 */
export function databaseFaultStatusPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
          const codes = new Set((response.body.singleResult.errors ?? []).map((error) => error.extensions?.code));
          if (codes.has(databaseFaultCodes.unavailable)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(retryAfterSeconds));
          } else if (codes.has(databaseFaultCodes.timeout)) {
            response.http.status = 504;
          }
        },
      };
    },
  };
}
