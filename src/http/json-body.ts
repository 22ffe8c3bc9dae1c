/**
 * The JSON body of a request, read as express.json() (body-parser) reads it: UTF-8 only,
 * an object or an array, within a byte limit. The common case (a plain
 * `application/json` body with its Content-Length, not compressed, within the limit) is
 * read here without body-parser's per-request machinery (media-type parsing, a decoder
 * stream, its listeners), which costs more than the rest of reading a small body; every
 * other request goes to body-parser as before, which answers too-large, empty,
 * compressed and chunked bodies and unusual media types.
 */
import { isUtf8 } from 'node:buffer';
import type express from 'express';

/** The content types almost every client sends, recognised without parsing the header. */
export const plainJsonTypes = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
  'application/json; charset=UTF-8',
]);

/** What body-parser's errors carry, for jsonErrorHandler (json-errors.ts). */
function bodyError(message: string, type: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true, type });
}

/** A plain JSON body of `limitBytes` or less, with its length declared: the case read here. */
function isPlainJsonBody(request: express.Request, limitBytes: number): boolean {
  const { headers } = request;
  const declared = headers['content-length'];
  if (declared === undefined || headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
  const length = Number(declared);
  return plainJsonTypes.has(headers['content-type'] ?? '') && /^\d+$/.test(declared) && length > 0 && length <= limitBytes;
}

/**
 * body-parser's message for a body that is JSON but not an object or array: JSON.parse's own
 * for the text with everything from that character on masked, then unmasked.
 */
function strictViolationMessage(text: string, first: string): string {
  const index = first === '' ? -1 : text.indexOf(first);
  const masked = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(masked);
    return 'strict violation';
  } catch (error) {
    return (error as Error).message.replace(/#+/g, (placeholder) => text.slice(index, index + placeholder.length));
  }
}

/** The parsed body, or the error body-parser would give for it (not UTF-8, not JSON, not an object or array). */
function parseBody(body: Buffer): unknown {
  if (!isUtf8(body)) throw bodyError('The request body is not valid UTF-8', 'encoding.invalid');
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark, which body-parser's decoder drops
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw bodyError(strictViolationMessage(text, first ?? ''), 'entity.parse.failed');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw bodyError((error as Error).message, 'entity.parse.failed');
  }
}

/** Reads a JSON body of at most `limitBytes`; `fallback` (body-parser's json()) reads every body this does not. */
export function readJsonBody(limitBytes: number, fallback: express.RequestHandler): express.RequestHandler {
  return (request, response, next) => {
    if (!isPlainJsonBody(request, limitBytes)) {
      fallback(request, response, next);
      return;
    }
    const chunks: Buffer[] = [];
    let failed = false;
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('error', () => {
      failed = true;
      next(bodyError('request aborted', 'request.aborted'));
    });
    request.once('end', () => {
      if (failed) return;
      try {
        request.body = parseBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch (error) {
        next(error);
        return;
      }
      next();
    });
  };
}
