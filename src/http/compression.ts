/**
 * gzip or Brotli for answers large enough to gain from it. A small answer (most single-record
 * queries) is sent as it is: below about one network packet, compressing costs CPU and saves
 * no round trip. Brotli at quality 4 compresses about as fast as gzip, and better.
 */
import compression from 'compression';
import type express from 'express';

/** Answers smaller than this many bytes go uncompressed. */
export const compressionThresholdBytes = 1400;

export function compressLargeAnswers(): express.RequestHandler {
  return compression({ threshold: compressionThresholdBytes });
}
