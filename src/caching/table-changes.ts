/**
 * Knows when content tables change, so cached answers that read them are dropped,
 * without a database round trip when an answer is served.
 *
 * Every content table notifies `briefgraph_change` with its name when a transaction that
 * wrote to it commits (migration AddChangeNotifications), whoever wrote. Each server
 * listens on a connection of its own and counts the notifications per table; a cached
 * answer keeps the counts of the tables it read, as they were before it was computed,
 * and is good while they have not moved. With Redis, the counts live there (raised by
 * every instance that hears a notification), so an answer stored by one instance is
 * checked against the writes every instance heard of.
 *
 * Freshness: the server that commits a mutation raises the counts of the tables it
 * changed before it answers, so its next read never sees a stale answer. Other servers
 * (and this one, for writes from elsewhere: another instance, an import, psql) see a
 * write once its notification arrives, normally within milliseconds of the commit. While
 * the listening connection is down nothing can be trusted: answers are neither served
 * from nor stored in the cache until it is back.
 */
import pg from 'pg';
import type Redis from 'ioredis';
import type { Logger } from '../shared/logger';

export const changeChannel = 'briefgraph_change';

/** Per table, how many changes have been heard of. */
export type ChangeCounts = Record<string, number>;

interface CountStore {
  read(): Promise<ChangeCounts>;
  raise(tables: readonly string[]): Promise<void>;
}

class MemoryCounts implements CountStore {
  private readonly counts = new Map<string, number>();

  async read(): Promise<ChangeCounts> {
    return Object.fromEntries(this.counts);
  }

  async raise(tables: readonly string[]): Promise<void> {
    for (const table of tables) this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }
}

/** Counts in a Redis hash shared by every instance; a Redis that is away reads as "everything changed". */
class RedisCounts implements CountStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async read(): Promise<ChangeCounts> {
    const counts = await this.redis.hgetall(this.key);
    return Object.fromEntries(Object.entries(counts).map(([table, count]) => [table, Number(count)]));
  }

  async raise(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const table of tables) pipeline.hincrby(this.key, table, 1);
    await pipeline.exec();
  }
}

export interface TableChangesOptions {
  /** How to reach PostgreSQL for the listening connection (the data source's settings). */
  connection: pg.ClientConfig;
  logger: Logger;
  redis?: Redis;
  redisKey?: string;
}

export class TableChanges {
  private readonly counts: CountStore;
  private client: pg.Client | undefined;
  /** Raised on every reconnection: answers computed before a gap in listening are never trusted again. */
  private epoch = 0;
  private listening = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = 100;
  private readonly heard = new Set<(table: string) => void>();
  private readonly listeningWatchers = new Set<(listening: boolean) => void>();

  constructor(private readonly options: TableChangesOptions) {
    this.counts = options.redis ? new RedisCounts(options.redis, options.redisKey ?? 'briefgraph:changes') : new MemoryCounts();
  }

  /** Whether changes are being heard of, so that cached answers can be trusted. */
  get reliable(): boolean {
    return this.listening;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.options.connection, application_name: 'briefgraph changes' });
    // A listener for the client's whole life: a lost connection must never end the process.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel !== changeChannel || !message.payload) return;
      const table = message.payload;
      void this.raise([table])
        .catch(() => undefined)
        .then(() => this.heard.forEach((listener) => listener(table)));
    });
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${changeChannel}`);
    this.epoch++;
    this.setListening(true);
    this.reconnectDelay = 100;
  }

  private setListening(listening: boolean): void {
    this.listening = listening;
    for (const watcher of this.listeningWatchers) watcher(listening);
  }

  private lost(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.setListening(false);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.logger.warn('lost the connection that hears of database changes; the response cache is bypassed until it is back');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => this.options.logger.info('hearing of database changes again; the response cache is back'),
        (error: Error) => {
          const client = this.client;
          this.client = undefined;
          client?.end().catch(() => undefined);
          this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
          this.options.logger.debug('could not listen for database changes yet', { error: error.message });
          if (!this.stopped) this.scheduleReconnect();
        },
      );
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
  }

  /** The counts now, with the listening epoch: what a cached answer is checked against; undefined when they cannot be read (Redis away). */
  async snapshot(): Promise<ChangeCounts | undefined> {
    try {
      return { ...(await this.counts.read()), '': this.epoch };
    } catch {
      return undefined;
    }
  }

  /** Marks tables as changed (a mutation this server committed, before it answers). */
  raise(tables: readonly string[]): Promise<void> {
    return this.counts.raise(tables);
  }

  /** Calls `listener` with the table of every change heard of (for tests and measurements). */
  onChange(listener: (table: string) => void): () => void {
    this.heard.add(listener);
    return () => this.heard.delete(listener);
  }

  /** Calls `watcher` whenever listening stops or starts again (for tests). */
  onListeningChange(watcher: (listening: boolean) => void): () => void {
    this.listeningWatchers.add(watcher);
    return () => this.listeningWatchers.delete(watcher);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** The counts of `tables` (and the epoch) in `snapshot`, to keep with an answer that read them. */
export function countsOf(snapshot: ChangeCounts, tables: readonly string[]): ChangeCounts {
  return Object.fromEntries(['', ...tables].map((table) => [table, snapshot[table] ?? 0]));
}

/** Whether nothing an answer read has changed since `kept` was taken. */
export function unchangedSince(kept: ChangeCounts, now: ChangeCounts): boolean {
  return Object.entries(kept).every(([table, count]) => (now[table] ?? 0) === count);
}
