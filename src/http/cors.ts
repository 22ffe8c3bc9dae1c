/**
 * CORS for /graphql: which web pages on other origins may call the API from a browser.
 * `CORS_ORIGINS` lists exact origins, or is "*" for any; by default none may (no CORS
 * headers are sent). Apollo's CSRF prevention stays on either way: it refuses the
 * "simple" requests a browser sends without asking first.
 */
import http from 'node:http';
import cors from 'cors';
import type express from 'express';

/** "*" for any origin, or exact origins such as "https://app.example.org". */
export type CorsOrigins = '*' | readonly string[];

export const corsAllowedHeaders = ['content-type', 'authorization', 'idempotency-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];
export const corsExposedHeaders = [
  'x-request-id',
  'x-sql-statements',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-cost',
];

/** How long a browser may reuse a preflight answer. */
const preflightMaxAgeSeconds = 600;

/**
 * Vary set later (Apollo copies its headers, `Vary: Authorization` among them, with
 * setHeader) adds to what is there instead of replacing it, so `Vary: Origin` survives
 * and a CDN never serves one origin's CORS answer to another. Installed on each response
 * as it is (no closure per request); other headers go straight through.
 */
function setHeaderKeepingVary(this: express.Response, name: string, value: number | string | readonly string[]): express.Response {
  if (name.length !== 4 || name.toLowerCase() !== 'vary') return plainSetHeader.call(this, name, value) as express.Response;
  const values = [this.getHeader('vary'), value].flat().flatMap((entry) => (entry === undefined ? [] : String(entry).split(',')));
  const merged = [...new Map(values.map((entry) => [entry.trim().toLowerCase(), entry.trim()])).values()].filter(Boolean);
  return plainSetHeader.call(this, name, merged.join(', ')) as express.Response;
}

const plainSetHeader = http.ServerResponse.prototype.setHeader;

function keepVaryValues(response: express.Response): void {
  response.setHeader = setHeaderKeepingVary as express.Response['setHeader'];
}

/** Answers preflights and adds CORS headers for allowed origins; other origins get no CORS headers. */
export function allowCrossOrigin(origins: CorsOrigins = []): express.RequestHandler {
  const anyOrigin = origins === '*';
  const allowed = new Set(anyOrigin ? [] : origins);
  const handleCors = cors({
    origin: anyOrigin ? '*' : (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: corsAllowedHeaders,
    exposedHeaders: corsExposedHeaders,
    maxAge: preflightMaxAgeSeconds,
  });
  return (request, response, next) => {
    // The answer depends on Origin: shared caches must not give one origin's answer to another.
    if (!anyOrigin) {
      keepVaryValues(response);
      // Usually the first Vary of the answer: set as it is, without express's parse and merge.
      if (response.hasHeader('vary')) response.vary('Origin');
      else plainSetHeader.call(response, 'vary', 'Origin');
    }
    handleCors(request, response, () => {
      // A preflight from an origin that is not allowed: answered, without CORS headers, so the browser refuses.
      if (request.method === 'OPTIONS') {
        response.status(204).setHeader('content-length', '0');
        response.end();
        return;
      }
      next();
    });
  };
}
