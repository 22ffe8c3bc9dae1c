/**
 * Registered operations (a safelist), read from a persisted-query manifest file, the
 * format Apollo's client tooling writes:
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body>", "name": "BriefPage", "type": "query", "body": "query BriefPage { … }" }] }
 * Registered operations can always be called by hash alone. In safelist-only mode,
 * requests without an API key may run registered operations only — the control partner
 * sites with fixed queries want.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type express from 'express';
import { jsonError } from '../http/json-errors';
import { ErrorCode } from '../shared/error-codes';

export class SafelistError extends Error {}

export type Safelist = Map<string, string>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function readSafelist(file: string): Safelist {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SafelistError(`SAFELIST_FILE ${file}: cannot read it as JSON: ${(error as Error).message}`);
  }
  const operations = (manifest as { operations?: unknown })?.operations;
  if ((manifest as { format?: unknown })?.format !== 'apollo-persisted-query-manifest' || !Array.isArray(operations)) {
    throw new SafelistError(`SAFELIST_FILE ${file}: expected { "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }`);
  }
  const safelist: Safelist = new Map();
  operations.forEach((operation: { id?: unknown; body?: unknown }, index) => {
    if (typeof operation?.body !== 'string' || operation.body.trim() === '')
      throw new SafelistError(`SAFELIST_FILE ${file}: operations[${index}] has no "body"`);
    const hash = sha256Hex(operation.body);
    if (operation.id !== undefined && operation.id !== hash) {
      throw new SafelistError(`SAFELIST_FILE ${file}: operations[${index}] has id ${String(operation.id)}, but the SHA-256 of its body is ${hash}`);
    }
    safelist.set(hash, operation.body);
  });
  return safelist;
}

interface OperationRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** A GET request's one operation, from its query string (extensions that are not JSON count as none). */
function operationOfQueryString(query: express.Request['query']): OperationRequest {
  const extensions = typeof query.extensions === 'string' ? query.extensions : undefined;
  try {
    return { query: query.query, extensions: extensions ? (JSON.parse(extensions) as OperationRequest['extensions']) : undefined };
  } catch {
    return { query: query.query, extensions: undefined };
  }
}

/** The SHA-256 an operation is registered under: of its text when sent, else the hash it names. */
function hashOf(operation: OperationRequest): string | undefined {
  if (typeof operation.query === 'string') return sha256Hex(operation.query);
  const sentHash = operation.extensions?.persistedQuery?.sha256Hash;
  return typeof sentHash === 'string' ? sentHash : undefined;
}

/**
 * Fills in the text of registered operations sent by hash alone, and in safelist-only
 * mode refuses anything else from requests without an API key.
 */
export function applySafelist(safelist: Safelist, only: boolean) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    const operations: OperationRequest[] =
      request.method === 'GET' ? [operationOfQueryString(request.query)] : Array.isArray(request.body) ? request.body : [request.body ?? {}];
    for (const operation of operations) {
      const hash = hashOf(operation);
      const registered = hash ? safelist.get(hash) : undefined;
      if (registered && operation.query === undefined && request.method !== 'GET') operation.query = registered;
      if (only && !response.locals.viewer && !registered) {
        jsonError(response, ErrorCode.OPERATION_NOT_IN_SAFELIST, 'Only registered operations may run here; this one is not in the safelist');
        return;
      }
    }
    next();
  };
}
