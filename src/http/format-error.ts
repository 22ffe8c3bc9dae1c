import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseFaultOf, type DatabaseFault } from '../database/database-faults';
import { currentDeadline } from '../database/request-deadline';
import type { Logger } from '../shared/logger';

/** Validation messages about a value the client wrote (a literal of the wrong type, an unknown enum value). */
const badValueMessage = /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|Expected value of type|(Int|Float|String|Boolean|ID) cannot represent|Field "[^"]+" of required type "[^"]+" was not provided|Field "[^"]+" is not defined by type)/;

export const databaseFaultCodes = { unavailable: 'SERVICE_UNAVAILABLE', overloaded: 'SERVICE_OVERLOADED', timeout: 'TIMEOUT' } as const;

const databaseFaultMessages = {
  unavailable: 'The database is unavailable right now; retry shortly',
  overloaded: 'The server is busy: every database connection stayed in use for as long as a request may wait; retry shortly',
  timeout: 'The database took too long to answer and the work was cancelled; retry, or ask for less',
} as const;

export function databaseFaultAnswer(fault: DatabaseFault): { message: string; extensions: { code: string } } {
  return { message: databaseFaultMessages[fault], extensions: { code: databaseFaultCodes[fault] } };
}

/** Errors with a GraphQL code are the client's to read; anything else is a bug, logged in full and masked. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && badValueMessage.test(formatted.message)) {
      // A wrong argument value is bad input like any other, whether written inline or passed as a variable.
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      // The database's failures are not bugs: say what happened (HTTP status: database-fault-status-plugin.ts).
      // A fault noted by database-fault-status-plugin.ts reaches here as Apollo's generic "Internal server error".
      const fault = databaseFaultOf(original) ?? currentDeadline()?.unreportedFault;
      if (fault) {
        logger.warn(fault === 'timeout' ? 'a database statement ran out of time' : fault === 'overloaded' ? 'no database connection came free in time' : 'the database is unavailable', { path: formatted.path, error: String((original as Error)?.message ?? original) });
        return { ...databaseFaultAnswer(fault), path: formatted.path, locations: formatted.locations };
      }
    }
    if (code === 'INTERNAL_SERVER_ERROR' || (code === undefined && original && !(original instanceof GraphQLError))) {
      logger.error('unexpected error while resolving a request', { path: formatted.path, error: String((original as Error)?.stack ?? original) });
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
