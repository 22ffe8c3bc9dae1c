/**
 * Where cached answers and persisted queries live: this process (a bounded LRU) or
 * Redis, shared by every instance. The interface is Apollo's KeyValueCache, so the same
 * store serves Apollo's automatic persisted queries.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';

export type KeyValueStore = KeyValueCache<string>;

/** Least recently used entries go first once `maximumEntries` or `maximumBytes` is reached. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private bytes = 0;

  constructor(
    private readonly maximumEntries = 5000,
    private readonly maximumBytes = 64 * 1024 * 1024,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) {
      this.bytes -= entry.value.length;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used now
    return entry.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.delete(key);
    const ttlSeconds = options?.ttl ?? null;
    this.entries.set(key, { value, expiresAt: ttlSeconds === null ? Number.POSITIVE_INFINITY : Date.now() + ttlSeconds * 1000 });
    this.bytes += value.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maximumEntries && this.bytes <= this.maximumBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.value.length;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.value.length;
    return true;
  }
}

/** Entries in Redis under `prefix`; a Redis that is away reads as a miss and a write that fails is dropped. */
export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      const ttl = options?.ttl;
      if (ttl) await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      else await this.redis.set(this.prefix + key, value);
    } catch {
      // A cache that cannot be written is a cache miss later, never an error now.
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }
}

/**
 * A store with entries that are always there and never evicted (the safelist's
 * operations), in front of one that may forget (registrations by clients).
 */
export class PinnedEntriesStore implements KeyValueStore {
  constructor(
    private readonly pinned: ReadonlyMap<string, string>,
    private readonly rest: KeyValueStore,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.pinned.get(key) ?? this.rest.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.pinned.has(key)) await this.rest.set(key, value, options);
  }

  async delete(key: string): Promise<boolean> {
    return this.pinned.has(key) ? false : Boolean(await this.rest.delete(key));
  }
}
