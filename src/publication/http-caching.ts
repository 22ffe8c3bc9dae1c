/**
 * Caching for the publication routes, under the same rules as GraphQL answers: public
 * content may be cached for CACHE_MAX_AGE_SECONDS by browsers and CDNs (varying on what
 * the client accepts), and a client that already holds the same bytes (ETag) or a copy
 * as new as the data (Last-Modified) gets 304 Not Modified.
 */
import { createHash } from 'node:crypto';
import type express from 'express';

export interface CacheableAnswer {
  body: string;
  contentType: string;
  /** When the data behind the answer last changed; null when there is none. */
  lastChanged: Date | null;
}

export function sendCacheable(request: express.Request, response: express.Response, answer: CacheableAnswer, maxAgeSeconds: number): void {
  const etag = `"${createHash('sha256').update(answer.contentType).update('\n').update(answer.body).digest('base64url').slice(0, 27)}"`;
  response.setHeader('Vary', 'Accept');
  response.setHeader('Cache-Control', maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'no-cache');
  response.setHeader('ETag', etag);
  // HTTP dates have whole seconds.
  const lastModified = answer.lastChanged ? new Date(Math.floor(answer.lastChanged.getTime() / 1000) * 1000) : null;
  if (lastModified) response.setHeader('Last-Modified', lastModified.toUTCString());
  const noneMatch = request.get('If-None-Match');
  const modifiedSince = request.get('If-Modified-Since');
  const unchanged =
    noneMatch !== undefined
      ? noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
      : modifiedSince !== undefined && lastModified !== null && !Number.isNaN(Date.parse(modifiedSince)) && lastModified.getTime() <= Date.parse(modifiedSince);
  if (unchanged) {
    response.status(304).end();
    return;
  }
  response.status(200).type(answer.contentType).send(answer.body);
}
