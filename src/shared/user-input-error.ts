/** An error in what the client sent, reported as BAD_USER_INPUT with the argument it concerns. */
import { GraphQLError } from 'graphql';

export function userInputError(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}" ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}
