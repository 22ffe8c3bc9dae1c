import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../shared/logger';

/** Validation messages about a value the client wrote (a literal of the wrong type, an unknown enum value). */
const badValueMessage = /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|Expected value of type|(Int|Float|String|Boolean|ID) cannot represent|Field "[^"]+" of required type "[^"]+" was not provided|Field "[^"]+" is not defined by type)/;

/** Errors with a GraphQL code are the client's to read; anything else is a bug, logged in full and masked. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && badValueMessage.test(formatted.message)) {
      // A wrong argument value is bad input like any other, whether written inline or passed as a variable.
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (code === 'INTERNAL_SERVER_ERROR' || (code === undefined && original && !(original instanceof GraphQLError))) {
      logger.error('unexpected error while resolving a request', { path: formatted.path, error: String((original as Error)?.stack ?? original) });
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
