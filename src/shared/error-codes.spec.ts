import { codedError, ErrorCode, errorCodeAnswers, errorExtensions, httpStatusOf } from './error-codes';

describe('error codes', () => {
  it('give every code an error status, and each code is its own name', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ErrorCode[code]).toBe(code);
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf(code)).toBeLessThan(600);
    }
    expect(Object.keys(errorCodeAnswers).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('put the status into GraphQL extensions only for refusals of a whole request', () => {
    expect(errorExtensions(ErrorCode.QUERY_LIMIT_EXCEEDED, { limit: 'depth' })).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'depth',
      http: { status: 400 },
    });
    expect(errorExtensions(ErrorCode.RATE_LIMITED)).toEqual({ code: 'RATE_LIMITED', http: { status: 429 } });
    expect(errorExtensions(ErrorCode.FORBIDDEN)).toEqual({ code: 'FORBIDDEN' });
    expect(errorExtensions(ErrorCode.BAD_USER_INPUT, { argumentName: 'first' })).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('build GraphQL errors with those extensions', () => {
    const error = codedError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'The Idempotency-Key was already used');
    expect(error.message).toBe('The Idempotency-Key was already used');
    expect(error.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', http: { status: 422 } });
  });
});
