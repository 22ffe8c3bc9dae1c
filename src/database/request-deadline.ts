/**
 * A request that runs out of time must not leave work behind in PostgreSQL. Every
 * pooled connection is a `DeadlineAwareClient` (data-source.ts): statements issued
 * inside a request's deadline scope are tracked, and when the deadline expires the
 * statements still running are cancelled in the database (a protocol CancelRequest,
 * like psql's Ctrl-C) and any further statement of that request is refused without
 * reaching the database. ROLLBACK stays allowed, so an open transaction is undone
 * rather than committed or left open.
 *
 * PostgreSQL's own statement_timeout (set on every connection) bounds each statement
 * even without a deadline; the deadline bounds the request as a whole.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { RequestTimeoutError, type DatabaseFault } from './database-faults';

export class RequestDeadline {
  private expiredFlag = false;
  private readonly expiry = new AbortController();
  /** Aborted when the deadline expires: whatever the request is waiting for (a connection) gives up. */
  readonly signal: AbortSignal = this.expiry.signal;

  constructor() {
    // Every statement waiting for a connection listens (thirty aliased fields: thirty listeners); none is a leak.
    setMaxListeners(0, this.signal);
  }
  /**
   * A database failure outside the resolvers (in a plugin hook, say), which Apollo
   * reports only as a bare HTTP 500; the HTTP layer answers with it instead
   * (src/http/database-fault-status.ts).
   */
  unreportedFault: DatabaseFault | undefined;
  /** Clients running a statement for this request, with how many they have queued. */
  private readonly running = new Map<DeadlineAwareClient, number>();

  get expired(): boolean {
    return this.expiredFlag;
  }

  /** Marks the request as out of time and cancels its statements still running in the database. */
  async expire(): Promise<void> {
    if (this.expiredFlag) return;
    this.expiredFlag = true;
    this.expiry.abort();
    await Promise.all([...this.running.keys()].map((client) => client.cancelRunningStatement()));
  }

  /** @internal for DeadlineAwareClient */
  track(client: DeadlineAwareClient, change: 1 | -1): void {
    const count = (this.running.get(client) ?? 0) + change;
    if (count > 0) this.running.set(client, count);
    else this.running.delete(client);
  }
}

const deadlines = new AsyncLocalStorage<RequestDeadline>();

/** The deadline of the request being served, if any. */
export function currentDeadline(): RequestDeadline | undefined {
  return deadlines.getStore();
}

/** Runs `work` (and everything it starts) under `deadline`. */
export function runWithDeadline<T>(deadline: RequestDeadline, work: () => T): T {
  return deadlines.run(deadline, work);
}

const rollback = /^\s*ROLLBACK\b/i;

function statementText(config: unknown): string {
  if (typeof config === 'string') return config;
  return typeof (config as { text?: unknown })?.text === 'string' ? (config as { text: string }).text : '';
}

/** How soon a cancel is sent again while its statement is still in flight, doubling up to the longest. */
const firstCancelRetryMilliseconds = 100;
const longestCancelRetryMilliseconds = 1000;
const maximumCancelAttempts = 35;

/** Asks the server to cancel whatever the connection's backend is running (the protocol's CancelRequest). */
function sendCancelRequest(host: string, port: number, processId: number, secretKey: number): Promise<void> {
  return new Promise((resolve) => {
    const packet = Buffer.alloc(16);
    packet.writeInt32BE(16, 0);
    packet.writeInt32BE(80877102, 4); // the CancelRequest code
    packet.writeInt32BE(processId, 8);
    packet.writeInt32BE(secretKey, 12);
    const socket = host.startsWith('/') ? net.connect(path.join(host, `.s.PGSQL.${port}`)) : net.connect(port, host);
    // The server closes the connection once it has signalled the backend; an unreachable server has nothing to cancel.
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.once('connect', () => socket.end(packet));
    socket.on('error', () => undefined); // 'close' follows
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * node-postgres' Client, aware of the request deadline it is used under, and never
 * without an 'error' listener.
 */
export class DeadlineAwareClient extends pg.Client {
  private cancelling: Promise<void> | undefined;
  /** Statements sent under a deadline and not yet answered. */
  private statementsInFlight = 0;
  /** Told when the last statement in flight is answered. */
  private readonly answeredWaiters = new Set<() => void>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg-pool and TypeORM each listen for 'error' only part of the time: the pool takes its
    // listener off when it hands a new connection over, synchronously inside the socket
    // handler that read "ready for query", and TypeORM adds its own a promise tick later. A
    // termination that arrives in the same packet (pg_terminate_backend, a restart) is
    // emitted in that gap, and an 'error' event without a listener ends the process. This
    // listener is there for the client's whole life. It need do nothing: the client is
    // already marked unusable, its next statement fails as a database fault (503), and
    // the pool discards it when it is released.
    this.on('error', () => undefined);
  }

  // The promise form (the only one TypeORM uses) is checked; callback and submittable forms pass through.
  // pg.Client's query has seven overloads (a submittable, a config, text with or without values or a callback) returning
  // different things; one override serving them all can only say it returns any of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the union of the base overloads' results
  override query(...args: unknown[]): any {
    const [config, values, callback] = args;
    // The text or a config object; a submittable (a cursor, a stream) or a config with a callback is not the promise form.
    const configObject = config as { submit?: unknown; callback?: unknown } | null | undefined;
    const promiseForm =
      typeof values !== 'function' &&
      typeof callback !== 'function' &&
      typeof configObject?.submit !== 'function' &&
      typeof configObject?.callback !== 'function';
    const deadline = deadlines.getStore();
    if (!promiseForm || (!deadline && !this.cancelling)) return super.query(...(args as [string]));
    return this.queryWithinDeadline(deadline, config, values);
  }

  private async queryWithinDeadline(deadline: RequestDeadline | undefined, config: unknown, values: unknown): Promise<unknown> {
    // A cancel sent for the previous statement must land before the next one starts, or it could cancel that one.
    if (this.cancelling) await this.cancelling;
    if (!deadline) return super.query(config as string, values as unknown[]);
    if (deadline.expired && !rollback.test(statementText(config))) throw new RequestTimeoutError();
    deadline.track(this, 1);
    this.statementsInFlight++;
    try {
      return await super.query(config as string, values as unknown[]);
    } finally {
      deadline.track(this, -1);
      if (--this.statementsInFlight === 0) for (const answered of [...this.answeredWaiters]) answered();
    }
  }

  /** Resolves when no statement is in flight, or after `milliseconds`, whichever comes first. */
  private answeredWithin(milliseconds: number): Promise<void> {
    if (this.statementsInFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const answered = () => {
        clearTimeout(timer);
        this.answeredWaiters.delete(answered);
        resolve();
      };
      const timer = setTimeout(answered, milliseconds);
      this.answeredWaiters.add(answered);
    });
  }

  /**
   * PostgreSQL drops a cancel that reaches the backend before it has read the statement (it
   * cancels only a statement under way), and on a busy machine the statement can still be on
   * its way: the cancel is sent again, further apart each time, until the statement is answered
   * (for at most about half a minute; statement_timeout bounds it beyond that).
   */
  private async cancelUntilAnswered(host: string, port: number, processId: number, secretKey: number): Promise<void> {
    for (let attempt = 0; attempt < maximumCancelAttempts && this.statementsInFlight > 0; attempt++) {
      await sendCancelRequest(host, port, processId, secretKey);
      await this.answeredWithin(Math.min(firstCancelRetryMilliseconds * 2 ** attempt, longestCancelRetryMilliseconds));
    }
  }

  /** @internal for RequestDeadline */
  cancelRunningStatement(): Promise<void> {
    const { processID, secretKey, host, port } = this as unknown as { processID: number | null; secretKey: number | null; host: string; port: number };
    if (!processID || secretKey === null) return Promise.resolve();
    this.cancelling ??= this.cancelUntilAnswered(host, port, processID, secretKey).finally(() => {
      this.cancelling = undefined;
    });
    return this.cancelling;
  }
}
