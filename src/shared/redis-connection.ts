/**
 * The Redis connection shared by the response cache, persisted queries and rate-limit
 * counters when REDIS_URL is set. Commands fail fast while Redis is away (no offline
 * queue), so callers fall back (a cache miss, an uncounted request) instead of waiting.
 */
import Redis from 'ioredis';
import type { Logger } from './logger';

export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let reported = false;
  redis.on('error', (error) => {
    if (reported) return;
    reported = true;
    logger.warn('Redis is unavailable; caching and rate limits fall back until it returns', { error: error.message });
  });
  redis.on('ready', () => {
    if (reported) logger.info('Redis is available again');
    reported = false;
  });
  return redis;
}

/** Resolves once the connection is ready (or rejects after `milliseconds`), for start-up and tests. */
export function redisReady(redis: Redis, milliseconds = 3000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${milliseconds} ms`)), milliseconds);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
