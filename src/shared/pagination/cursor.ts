/**
 * Opaque cursors for keyset pagination: the ordering they belong to and the sort
 * values of the row, signed so that a cursor from another connection or ordering,
 * or an edited one, is refused instead of silently paging from somewhere else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { userInputError } from '../user-input-error';

export type CursorValue = string | number | null;

// Cursors only need to resist accidental or casual editing; the key can be set per deployment.
const secret = process.env.CURSOR_SECRET || 'briefgraph-cursor-v1';

function sign(payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 12);
}

export function encodeCursor(scope: string, values: CursorValue[]): string {
  const payload = Buffer.from(JSON.stringify([scope, ...values]), 'utf8').toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function invalidCursorError(argumentName: string) {
  return userInputError(argumentName, 'is not a cursor of this connection; use a cursor from this connection, with the same ordering');
}

export function decodeCursor(cursor: string, scope: string, argumentName: string): CursorValue[] {
  const invalid = () => invalidCursorError(argumentName);
  if (typeof cursor !== 'string' || cursor.length > 1000) throw invalid();
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature) throw invalid();
  const expected = sign(payload);
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded[0] !== scope) throw invalid();
  return decoded.slice(1) as CursorValue[];
}
