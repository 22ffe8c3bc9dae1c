/**
 * gzip or Brotli for answers large enough to gain from it. A small answer (most single-record
 * queries) is sent as it is: below about one network packet, compressing costs CPU and saves
 * no round trip. Brotli at quality 4 compresses about as fast as gzip, and better.
 *
 * A request without Accept-Encoding gets the identity encoding whatever its size, so it
 * skips the middleware, which would otherwise wrap the response's write, end and headers
 * on every request to find that out (the identity answer, which every client accepts, then
 * carries no `Vary: Accept-Encoding`).
 */
import compression from 'compression';
import type express from 'express';

/** Answers smaller than this many bytes go uncompressed. */
export const compressionThresholdBytes = 1400;

export function compressLargeAnswers(): express.RequestHandler {
  const compress = compression({ threshold: compressionThresholdBytes });
  return (request, response, next) => {
    if (request.headers['accept-encoding'] === undefined) next();
    else compress(request, response, next);
  };
}
