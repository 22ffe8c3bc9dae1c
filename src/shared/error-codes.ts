/**
 * Every code a client can find in an error's `extensions.code`, and in one exhaustive table
 * what each means over HTTP. The compiler insists that a new code gets its row, so a code
 * is never spelt out as a string elsewhere, and its status is decided here, once.
 * (The codes in mutation payloads' `userErrors` are another, smaller set: src/mutation/user-error.ts.)
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  // Apollo's own request errors: the operation never ran.
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  // Refusals of the request's shape, before GraphQL.
  BAD_REQUEST = 'BAD_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ACCEPTABLE = 'NOT_ACCEPTABLE',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  VARIABLES_TOO_LARGE = 'VARIABLES_TOO_LARGE',
  VARIABLES_TOO_DEEP = 'VARIABLES_TOO_DEEP',
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  BATCHING_DISABLED = 'BATCHING_DISABLED',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  OPERATION_NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST',
  // Limits on what an operation may cost.
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  TOO_MANY_REQUESTS_IN_FLIGHT = 'TOO_MANY_REQUESTS_IN_FLIGHT',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  CHANGE_CURSOR_EXPIRED = 'CHANGE_CURSOR_EXPIRED',
  SUBSCRIBER_TOO_SLOW = 'SUBSCRIBER_TOO_SLOW',
  // Who may do what.
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  // The server's side.
  TIMEOUT = 'TIMEOUT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SERVICE_OVERLOADED = 'SERVICE_OVERLOADED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

interface ErrorCodeAnswer {
  /** The HTTP status of an answer refused with this code as a whole. */
  status: number;
  /**
   * Whether a GraphQL error with this code carries `extensions.http` (Apollo then answers with
   * the status). False for errors of one field, which answer 200 beside the other fields' data,
   * and for errors whose status Apollo or a plugin sets (database-fault-status.ts).
   */
  statusInGraphQL: boolean;
}

export const errorCodeAnswers: Record<ErrorCode, ErrorCodeAnswer> = {
  [ErrorCode.GRAPHQL_PARSE_FAILED]: { status: 400, statusInGraphQL: false },
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: { status: 400, statusInGraphQL: false },
  [ErrorCode.OPERATION_RESOLUTION_FAILURE]: { status: 400, statusInGraphQL: false },
  [ErrorCode.BAD_USER_INPUT]: { status: 400, statusInGraphQL: false },
  [ErrorCode.BAD_REQUEST]: { status: 400, statusInGraphQL: true },
  [ErrorCode.NOT_FOUND]: { status: 404, statusInGraphQL: false },
  [ErrorCode.NOT_ACCEPTABLE]: { status: 406, statusInGraphQL: false },
  [ErrorCode.METHOD_NOT_ALLOWED]: { status: 405, statusInGraphQL: false },
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: { status: 415, statusInGraphQL: false },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { status: 413, statusInGraphQL: false },
  [ErrorCode.VARIABLES_TOO_LARGE]: { status: 413, statusInGraphQL: false },
  [ErrorCode.VARIABLES_TOO_DEEP]: { status: 400, statusInGraphQL: false },
  [ErrorCode.PERSISTED_QUERY_HASH_MISMATCH]: { status: 400, statusInGraphQL: false },
  [ErrorCode.BATCHING_DISABLED]: { status: 400, statusInGraphQL: false },
  [ErrorCode.BATCH_TOO_LARGE]: { status: 400, statusInGraphQL: false },
  [ErrorCode.OPERATION_NOT_IN_SAFELIST]: { status: 400, statusInGraphQL: false },
  [ErrorCode.QUERY_LIMIT_EXCEEDED]: { status: 400, statusInGraphQL: true },
  [ErrorCode.RATE_LIMITED]: { status: 429, statusInGraphQL: true },
  [ErrorCode.TOO_MANY_REQUESTS_IN_FLIGHT]: { status: 429, statusInGraphQL: false },
  // An error of the field whose answer was withheld: the rest of the answer stands (200).
  [ErrorCode.RESPONSE_TOO_LARGE]: { status: 413, statusInGraphQL: false },
  // The change feed's cursor is older than what is kept: an error of the field, the consumer re-syncs.
  [ErrorCode.CHANGE_CURSOR_EXPIRED]: { status: 400, statusInGraphQL: false },
  // A subscription closed because its subscriber fell behind (WebSocket only).
  [ErrorCode.SUBSCRIBER_TOO_SLOW]: { status: 400, statusInGraphQL: false },
  [ErrorCode.UNAUTHENTICATED]: { status: 401, statusInGraphQL: false },
  [ErrorCode.FORBIDDEN]: { status: 403, statusInGraphQL: false },
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: { status: 422, statusInGraphQL: true },
  [ErrorCode.TIMEOUT]: { status: 504, statusInGraphQL: false },
  [ErrorCode.SERVICE_UNAVAILABLE]: { status: 503, statusInGraphQL: false },
  [ErrorCode.SERVICE_OVERLOADED]: { status: 503, statusInGraphQL: false },
  [ErrorCode.INTERNAL_SERVER_ERROR]: { status: 500, statusInGraphQL: false },
};

export function httpStatusOf(code: ErrorCode): number {
  return errorCodeAnswers[code].status;
}

/** The extensions of a GraphQL error with this code: the code, what else the error tells, and its HTTP status where the table says so. */
export function errorExtensions(code: ErrorCode, details: Record<string, unknown> = {}): Record<string, unknown> {
  const { status, statusInGraphQL } = errorCodeAnswers[code];
  return { code, ...details, ...(statusInGraphQL ? { http: { status } } : {}) };
}

export function codedError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: errorExtensions(code, details) });
}
