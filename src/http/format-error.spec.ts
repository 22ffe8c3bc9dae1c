import { buildSchema, GraphQLError, parse, validate, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../shared/error-codes';
import { createLogger } from '../shared/logger';
import { databaseFaultAnswer, formatError } from './format-error';

const schema = buildSchema(`
  enum Order { NEWEST OLDEST }
  input Filter { city: String, states: [String!] }
  type Query { meetings(first: Int, order: Order, filter: Filter, id: ID!): Int }
`);

const logged: string[] = [];
const format = formatError(createLogger('error', 'json', (line) => logged.push(line)));

/** Each validation error of a document as Apollo hands it to formatError, and the code formatError gives it. */
function codesOf(document: string): string[] {
  return validate(schema, parse(document)).map((error) => {
    const apolloError = new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
      originalError: error,
    });
    return String(format({ message: error.message, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }, apolloError).extensions?.code);
  });
}

describe('formatError', () => {
  it.each([
    ['a literal of the wrong type', '{ meetings(id: "a", first: "many") }'],
    ['an unknown enum value', '{ meetings(id: "a", order: NEWEST_FIRST) }'],
    ['a string for an enum', '{ meetings(id: "a", order: "NEWEST") }'],
    ['null for a required argument', '{ meetings(id: null) }'],
    ['an unknown input field', '{ meetings(id: "a", filter: { town: "Fresno" }) }'],
    ['a list item of the wrong type', '{ meetings(id: "a", filter: { states: [1] }) }'],
  ])('answers %s written in the document as BAD_USER_INPUT', (_case, document) => {
    expect(codesOf(document)).toEqual([ErrorCode.BAD_USER_INPUT]);
  });

  it.each([
    ['an unknown field', '{ meetings(id: "a") nothing }'],
    ['an unknown argument', '{ meetings(id: "a", town: "Fresno") }'],
    ['a missing required argument', '{ meetings }'],
    ['a variable in the wrong place', 'query($n: String) { meetings(id: "a", first: $n) }'],
    ['an undefined variable', '{ meetings(id: $id) }'],
  ])('leaves %s a GRAPHQL_VALIDATION_FAILED', (_case, document) => {
    expect(codesOf(document)).toEqual([ErrorCode.GRAPHQL_VALIDATION_FAILED]);
  });

  it('does not read messages: a message that reads like a bad value reported elsewhere keeps its code', () => {
    const formatted: GraphQLFormattedError = { message: 'Expected value of type "Int", found "x".', extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } };
    expect(format(formatted, new GraphQLError(formatted.message, { extensions: formatted.extensions })).extensions?.code).toBe(
      ErrorCode.GRAPHQL_VALIDATION_FAILED,
    );
  });

  it('keeps the errors the client is meant to read as they are', () => {
    const formatted: GraphQLFormattedError = {
      message: 'Argument "first" must be at most 100',
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'first' },
    };
    expect(format(formatted, new GraphQLError(formatted.message))).toBe(formatted);
  });

  it('masks an unexpected error and logs it in full', () => {
    logged.length = 0;
    const formatted = format({ message: 'Cannot read properties of undefined', path: ['meetings'] }, new TypeError('Cannot read properties of undefined'));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['meetings'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
    expect(logged.join('\n')).toContain('Cannot read properties of undefined');
  });

  it('says what happened when the database failed', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(
      format(
        { message: 'Unexpected error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
        new GraphQLError('Unexpected error.', { originalError: refused }),
      ),
    ).toMatchObject(databaseFaultAnswer('unavailable'));
    expect(databaseFaultAnswer('timeout').extensions.code).toBe(ErrorCode.TIMEOUT);
  });
});
