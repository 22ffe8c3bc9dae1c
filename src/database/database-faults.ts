/**
 * Tells the database's own failures apart from bugs: the database is unreachable or
 * dropped the connection (the client should retry shortly: SERVICE_UNAVAILABLE), every
 * connection of the pool stayed busy for as long as a request may wait for one (the
 * server is overloaded, not down: SERVICE_OVERLOADED), or a statement ran out of time
 * (TIMEOUT). Anything else is not a database fault.
 */

export type DatabaseFault = 'unavailable' | 'overloaded' | 'timeout';

/** pg-pool's error when no connection of a full pool came free in time (a new connection that fails to open says otherwise). */
const poolWaitTimeoutMessage = 'timeout exceeded when trying to connect';

/** Raised instead of running a statement for a request that has run out of time (request-deadline.ts). */
export class RequestTimeoutError extends Error {
  readonly code = 'BRIEFGRAPH_REQUEST_TIMEOUT';
  constructor(message = 'The request ran out of time; its remaining database work was not run') {
    super(message);
    this.name = 'RequestTimeoutError';
  }
}

/** Network failures while reaching or talking to the server. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
]);

/**
 * SQLSTATEs of an unavailable server: 57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now (starting up, shutting down, in recovery), 53300 too many
 * connections, 08xxx connection exceptions.
 */
function isUnavailableSqlState(code: string): boolean {
  return code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || /^08[0-9A-Z]{3}$/.test(code);
}

/** node-postgres and pg-pool report a lost or refused connection with a message and no code. */
const connectionLossMessage =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Cannot use a pool after calling end on the pool|Driver not Connected)/;

/** The errors an error wraps: GraphQL's originalError, TypeORM's driverError, a cause. */
function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    yield current;
    const wrapper = current as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.driverError ?? wrapper.cause;
  }
}

/**
 * TypeORM releases a transaction's query runner as soon as its connection fails (its
 * 'error' listener), and the transaction's next statement then fails with one of these.
 * The application itself releases runners only once it is done with them.
 */
const releasedByConnectionFailure = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

export function databaseFaultOf(error: unknown): DatabaseFault | undefined {
  for (const cause of causes(error)) {
    if (cause instanceof RequestTimeoutError) return 'timeout';
    if (releasedByConnectionFailure.has((cause as Error).name)) return 'unavailable';
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (code === '57014') return 'timeout'; // query_canceled: statement_timeout, or cancelled when its request ran out of time
      if (isUnavailableSqlState(code) || networkErrorCodes.has(code)) return 'unavailable';
    }
    if (message === poolWaitTimeoutMessage) return 'overloaded';
    if (typeof message === 'string' && connectionLossMessage.test(message)) return 'unavailable';
  }
  return undefined;
}
