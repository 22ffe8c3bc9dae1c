/** An error in what the client sent, reported as BAD_USER_INPUT with the argument it concerns. */
import type { GraphQLError } from 'graphql';
import { codedError, ErrorCode } from './error-codes';

export function userInputError(argumentName: string, message: string): GraphQLError {
  return codedError(ErrorCode.BAD_USER_INPUT, `Argument "${argumentName}" ${message}`, { argumentName });
}
