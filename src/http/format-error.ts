/**
 * The last look at each GraphQL error before it is sent: a wrong value written into the
 * document is bad user input, the database's failures say what happened, anything else
 * without a code is a bug, logged in full and masked.
 */
import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { databaseFaultOf, type DatabaseFault } from '../database/database-faults';
import { currentDeadline } from '../database/request-deadline';
import { ErrorCode } from '../shared/error-codes';
import type { Logger } from '../shared/logger';

/**
 * The syntax nodes of values written in a document. Validation reports a value of the wrong
 * type, an unknown enum value, or an input object's missing or unknown field (graphql-js's
 * ValuesOfCorrectTypeRule) at the value itself; its other rules report at fields, arguments,
 * names, variables or directives.
 */
const valueKinds = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

/** Whether a validation error is about a value the client wrote (judged by where it was reported, never by its text). */
function isBadValue(error: unknown): boolean {
  const kind = error instanceof GraphQLError ? error.nodes?.[0]?.kind : undefined;
  return kind !== undefined && valueKinds.has(kind);
}

export const databaseFaultCodes = { unavailable: ErrorCode.SERVICE_UNAVAILABLE, overloaded: ErrorCode.SERVICE_OVERLOADED, timeout: ErrorCode.TIMEOUT } as const;

const databaseFaultMessages = {
  unavailable: 'The database is unavailable right now; retry shortly',
  overloaded: 'The server is busy: every database connection stayed in use for as long as a request may wait; retry shortly',
  timeout: 'The database took too long to answer and the work was cancelled; retry, or ask for less',
} as const;

export function databaseFaultAnswer(fault: DatabaseFault): { message: string; extensions: { code: ErrorCode } } {
  return { message: databaseFaultMessages[fault], extensions: { code: databaseFaultCodes[fault] } };
}

/** A database failure as the client should read it, or undefined when the error is not one. */
function databaseFaultFormatted(logger: Logger, formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError | undefined {
  // A fault noted by database-fault-status.ts reaches here as Apollo's generic "Internal server error".
  const fault = databaseFaultOf(original) ?? currentDeadline()?.unreportedFault;
  if (!fault) return undefined;
  logger.warn(
    fault === 'timeout'
      ? 'a database statement ran out of time'
      : fault === 'overloaded'
        ? 'no database connection came free in time'
        : 'the database is unavailable',
    { path: formatted.path, error: String((original as Error)?.message ?? original) },
  );
  return { ...databaseFaultAnswer(fault), path: formatted.path, locations: formatted.locations };
}

/** Whether the error is a bug: Apollo's internal error, or anything thrown that is not a GraphQL error. */
function isUnexpected(code: unknown, original: unknown): boolean {
  return code === ErrorCode.INTERNAL_SERVER_ERROR || (code === undefined && Boolean(original) && !(original instanceof GraphQLError));
}

/** Errors with a GraphQL code are the client's to read; anything else is a bug, logged in full and masked. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED && isBadValue(error)) {
      // A wrong argument value is bad input like any other, whether written inline or passed as a variable.
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    const original = error instanceof GraphQLError ? error.originalError : error;
    // The database's failures are not bugs: say what happened (HTTP status: database-fault-status.ts).
    const fault = code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR ? databaseFaultFormatted(logger, formatted, original) : undefined;
    if (fault) return fault;
    if (isUnexpected(code, original)) {
      logger.error('unexpected error while resolving a request', { path: formatted.path, error: String((original as Error)?.stack ?? original) });
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return formatted;
  };
}
