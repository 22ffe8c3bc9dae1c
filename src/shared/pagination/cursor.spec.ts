import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './cursor';

/** The BAD_USER_INPUT error decodeCursor throws, or undefined when it decodes. */
function refusal(cursor: string, scope = 'briefs:TITLE_ASC'): GraphQLError | undefined {
  try {
    decodeCursor(cursor, scope, 'after');
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('cursors', () => {
  it('give back the sort values they were made from', () => {
    const values = ['District reform', 2019, null, 'naïve “quotes”'];
    expect(decodeCursor(encodeCursor('briefs:TITLE_ASC', values), 'briefs:TITLE_ASC', 'after')).toEqual(values);
  });

  it('are opaque, URL-safe text', () => {
    expect(encodeCursor('briefs:TITLE_ASC', ['a/b+c', 1])).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{12}$/);
  });

  it('are refused by another list or ordering, naming the argument', () => {
    const error = refusal(encodeCursor('briefs:TITLE_ASC', ['x', 1]), 'briefs:TITLE_DESC');
    expect(error?.message).toBe('Argument "after" is not a cursor of this connection; use a cursor from this connection, with the same ordering');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('are refused once edited, whatever part was edited', () => {
    const [payload, signature] = encodeCursor('briefs:TITLE_ASC', ['x', 1]).split('.');
    const forgedPayload = Buffer.from(JSON.stringify(['briefs:TITLE_ASC', 'x', 2])).toString('base64url');
    for (const cursor of [`${forgedPayload}.${signature}`, `${payload}.${signature.slice(0, -1)}A`, `${payload}.`, payload, '', `${payload}.${signature}x`]) {
      expect(refusal(cursor)).toBeInstanceOf(GraphQLError);
    }
  });

  it('are refused when far too long to be one of ours', () => {
    expect(refusal('a'.repeat(1001))).toBeInstanceOf(GraphQLError);
  });
});
