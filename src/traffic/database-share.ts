/**
 * Fair use of the database pool: one client (its API key, else its address) may have
 * at most `perClient` requests using database connections at once, and one request at
 * most `perRequest` connections at once. A client's further requests wait for its own
 * share, never for other clients' connections, so ten expensive requests from one
 * address (or one request of thirty aliased facet counts) cannot take the whole pool
 * while small requests of others queue behind them.
 *
 * The shares are taken in front of the pool (`sharePool` wraps pg-pool's connect) inside
 * the request's scope (`withDatabaseShare`), so every path to the database is covered:
 * the read engine, TypeORM, transactions. A share is counted per request, not per
 * connection: a request that already uses the database (a transaction, say) gets further
 * connections within its own `perRequest`, so it never waits on its own client's other
 * requests while holding a connection. With `perRequest` 1 a request must not hold a
 * connection while it waits for another: the engine's statements return theirs at once,
 * and a mutation does all its work on its transaction's connection. Waits end with the
 * request's deadline. Work outside a request (start-up, the CLI) is not limited.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { availableParallelism } from 'node:os';
import type express from 'express';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { RequestTimeoutError } from '../database/database-faults';
import { currentDeadline } from '../database/request-deadline';

export interface DatabaseShareSettings {
  /** Requests of one client using the database at once. */
  perClient: number;
  /** Connections one request uses at once. */
  perRequest: number;
}

/**
 * One client may keep at most half the machine's cores busy in PostgreSQL (at least one),
 * one statement per request. Measured with `npm run bench -- --abuse` on a 2-core machine
 * (docs/benchmarks.md): with 4 requests of 2 connections, ten copies of an expensive query
 * from one client slowed other clients' small queries 10-40×; with 2 of 1, 2-6×; with 1
 * of 1, not at all. A request's own statements then take turns, which costs a large
 * request time, not other clients.
 */
export const defaultDatabaseShare: DatabaseShareSettings = { perClient: Math.max(1, Math.floor(availableParallelism() / 2)), perRequest: 1 };

/** First come, first served; a waiter whose request runs out of time leaves the queue. */
class Slots {
  private used = 0;
  private readonly queue: Array<{ grant: () => void }> = [];

  constructor(private readonly capacity: number) {}

  get idle(): boolean {
    return this.used === 0 && this.queue.length === 0;
  }

  acquire(signal: AbortSignal | undefined): Promise<void> {
    if (this.used < this.capacity) {
      this.used++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', abandon);
          resolve();
        },
      };
      const abandon = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(new RequestTimeoutError());
      };
      if (signal?.aborted) return abandon();
      signal?.addEventListener('abort', abandon, { once: true });
      this.queue.push(waiter);
    });
  }

  release(): void {
    const next = this.queue.shift();
    if (next)
      next.grant(); // the slot passes on
    else this.used--;
  }
}

/** One request's use of the database: its connections, and its client's slot while it holds any. */
class RequestShare {
  private readonly connections: Slots;
  private held = 0;
  private clientSlot: Promise<void> | undefined;

  constructor(
    private readonly clients: ClientShares,
    private readonly client: string,
    settings: DatabaseShareSettings,
  ) {
    this.connections = new Slots(settings.perRequest);
  }

  /** Waits for a connection slot of the request and, for its first connection, its client's slot. */
  async acquire(signal: AbortSignal | undefined): Promise<void> {
    await this.connections.acquire(signal);
    this.held++;
    this.clientSlot ??= this.clients.acquire(this.client, signal);
    try {
      await this.clientSlot;
    } catch (error) {
      this.clientSlot = this.held === 1 ? undefined : this.clientSlot;
      this.held--;
      this.connections.release();
      throw error;
    }
  }

  release(): void {
    this.connections.release();
    this.held--;
    if (this.held === 0 && this.clientSlot) {
      this.clientSlot = undefined;
      this.clients.release(this.client);
    }
  }
}

/** The slots of every client with requests using the database (forgotten once idle, so the map stays small). */
class ClientShares {
  private readonly byClient = new Map<string, Slots>();

  constructor(private readonly perClient: number) {}

  acquire(client: string, signal: AbortSignal | undefined): Promise<void> {
    let slots = this.byClient.get(client);
    if (!slots) {
      slots = new Slots(this.perClient);
      this.byClient.set(client, slots);
    }
    return slots.acquire(signal);
  }

  release(client: string): void {
    const slots = this.byClient.get(client);
    if (!slots) return;
    slots.release();
    if (slots.idle) this.byClient.delete(client);
  }
}

const shares = new AsyncLocalStorage<RequestShare>();

export interface DatabaseShares {
  /** Runs the rest of the request within a share of `client` (express middleware factory). */
  middleware(clientOf: (request: express.Request, response: express.Response) => string): express.RequestHandler;
}

export function databaseShares(settings: DatabaseShareSettings): DatabaseShares {
  const clients = new ClientShares(settings.perClient);
  return {
    middleware: (clientOf) => (request, response, next) => {
      shares.run(new RequestShare(clients, clientOf(request, response), settings), next);
    },
  };
}

type Connect = Pool['connect'];
const shared = new WeakSet<Pool>();

/** Makes the data source's pool take the request's share before handing out a connection. */
export function sharePool(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || shared.has(pool)) return;
  shared.add(pool);
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void,
  ) => Promise<PoolClient> | void;
  pool.connect = ((callback?: (error: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void) => {
    const share = shares.getStore();
    if (!share) return connect(callback);
    const obtained = (async () => {
      await share.acquire(currentDeadline()?.signal);
      let client: PoolClient;
      try {
        client = await (connect() as Promise<PoolClient>);
      } catch (error) {
        share.release();
        throw error;
      }
      const release = client.release;
      let released = false;
      client.release = ((error?: unknown) => {
        if (!released) {
          released = true;
          share.release();
        }
        return release.call(client, error as Error);
      }) as PoolClient['release'];
      return client;
    })();
    if (!callback) return obtained;
    obtained.then(
      (client) => callback(undefined, client, client.release as (release?: unknown) => void),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as Connect;
}
