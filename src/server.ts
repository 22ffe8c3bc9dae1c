/**
 * Builds the HTTP server: GraphQL at /graphql (with the offline IDE for browsers),
 * /healthz and /readyz. Tests import this to run the real endpoint in-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { authenticate } from './auth/viewer';
import { createRequestContext, type DataSources, type RequestContext } from './context';
import { currentStatementScope, withStatementScope } from './database/statement-counter';
import { sendGraphiQL, wantsGraphiQL } from './graphiql-page';
import { buildBriefgraphSchema } from './schema';
import type { Logger } from './shared/logger';
import { silentLogger } from './shared/logger';
import { queryLimitsPlugin, type QueryLimits } from './shared/query-limits-plugin';

export interface ServerOptions {
  dataSource: DataSource;
  logger?: Logger;
  /** How long in-flight requests may take to finish on shutdown. */
  shutdownTimeoutMilliseconds?: number;
  limits?: Partial<QueryLimits>;
}

/** Bodies of requests without an API key stay small; keyed requests (writes, imports) may send more. */
export const anonymousBodyLimit = '100kb';
export const keyedBodyLimit = '5mb';

/** The same database seen through the `published` schema first: drafts are not there (migration AddWrites). */
export async function openPublishedDataSource(dataSource: DataSource): Promise<DataSource> {
  const options = dataSource.options as typeof dataSource.options & { extra?: Record<string, unknown> };
  const published = new DataSource({ ...options, extra: { ...options.extra, options: '-c search_path=published,public' } } as typeof dataSource.options);
  return published.initialize();
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** The JSON parser would quietly turn invalid UTF-8 into replacement characters, and they would be stored. */
function requireUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('The request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
}

function jsonError(response: express.Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Before the body is read: the request ID, the Idempotency-Key and the API key, so that
 * a bad key is refused without reading the body, and only keyed requests may send large ones.
 */
function identifyRequest(dataSources: DataSources, logger: Logger) {
  const readAnonymousBody = express.json({ limit: anonymousBodyLimit, verify: requireUtf8 });
  const readKeyedBody = express.json({ limit: keyedBodyLimit, verify: requireUtf8 });
  return async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    const sentRequestId = request.get('x-request-id');
    const requestId = sentRequestId && requestIdPattern.test(sentRequestId) ? sentRequestId : randomUUID();
    response.setHeader('x-request-id', requestId);
    response.locals.requestId = requestId;
    const idempotencyKey = request.get('idempotency-key');
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
      jsonError(response, 400, 'BAD_REQUEST', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID');
      return;
    }
    response.locals.idempotencyKey = idempotencyKey ?? null;
    try {
      response.locals.viewer = await authenticate(dataSources.writer.manager, request.get('authorization'));
    } catch (error) {
      if ((error as { extensions?: { code?: string } }).extensions?.code !== 'UNAUTHENTICATED') {
        logger.error('cannot check an API key', { error: String((error as Error).stack ?? error) });
        jsonError(response, 503, 'SERVICE_UNAVAILABLE', 'Cannot check the API key right now; retry shortly');
        return;
      }
      response.setHeader('www-authenticate', 'Bearer realm="briefgraph"');
      jsonError(response, 401, 'UNAUTHENTICATED', (error as Error).message);
      return;
    }
    (response.locals.viewer ? readKeyedBody : readAnonymousBody)(request, response, next);
  };
}

/** The standard introspection query is 15 levels deep; real queries of this graph need fewer than 12. */
export const defaultQueryLimits: QueryLimits = { maximumDepth: 20, maximumNodes: 50_000 };

/** Reports the SQL statements a request issued, for benchmarks, tests and operators. */
function statementCountPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const scope = currentStatementScope();
          if (scope) response.http.headers.set('x-sql-statements', String(scope.statements));
        },
      };
    },
  };
}

export interface BriefgraphServer {
  httpServer: http.Server;
  /** Binds the port; resolves with the port actually bound (useful with 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, lets in-flight ones finish, then closes. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use; stop whatever is using it or set PORT to another port`);
    this.name = 'PortInUseError';
  }
}

/** Validation messages about a value the client wrote (a literal of the wrong type, an unknown enum value). */
const badValueMessage = /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|Expected value of type|(Int|Float|String|Boolean|ID) cannot represent|Field "[^"]+" of required type "[^"]+" was not provided|Field "[^"]+" is not defined by type)/;

/** Errors with a GraphQL code are the client's to read; anything else is a bug, logged in full and masked. */
function formatError(logger: Logger) {
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

export async function createServer(options: ServerOptions): Promise<BriefgraphServer> {
  const logger = options.logger ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  let draining = false;
  const dataSources: DataSources = { writer: options.dataSource, published: await openPublishedDataSource(options.dataSource) };

  const apollo = new ApolloServer<RequestContext>({
    schema: buildBriefgraphSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the shutdown order; Apollo's own signal handlers would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMilliseconds ?? 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin<RequestContext>({ ...defaultQueryLimits, ...options.limits }),
      statementCountPlugin(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    if (draining) {
      response.status(503).json({ status: 'draining' });
      return;
    }
    try {
      await options.dataSource.query('SELECT 1');
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'database unavailable' });
    }
  });
  app.get('/graphql', (request, response, next) => (wantsGraphiQL(request) ? sendGraphiQL(request, response, '/graphql') : next()));
  app.use(
    '/graphql',
    identifyRequest(dataSources, logger),
    // After the body is read, so every statement of the request runs inside the scope.
    (_request: express.Request, _response: express.Response, next: express.NextFunction) => withStatementScope(next),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createRequestContext(dataSources, { viewer: res.locals.viewer, requestId: res.locals.requestId, idempotencyKey: res.locals.idempotencyKey }),
    }),
  );

  // Anything that never reached GraphQL still answers in JSON: unknown paths, bodies
  // that are not JSON or are too large. Never express's HTML error page or a stack trace.
  app.use((_request: express.Request, response: express.Response) => {
    response.status(404).json({ errors: [{ message: 'Not found: GraphQL is served at /graphql', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use((error: Error & { type?: string; status?: number; limit?: number }, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    if (error.type === 'entity.parse.failed') {
      response.status(400).json({ errors: [{ message: `The request body is not valid JSON: ${error.message}`, extensions: { code: 'BAD_REQUEST' } }] });
    } else if (error.type === 'entity.too.large') {
      response.status(413).json({ errors: [{ message: `The request body is larger than the limit of ${error.limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (error.status && error.status >= 400 && error.status < 500) {
      response.status(error.status).json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      logger.error('unexpected error while handling a request', { error: String(error.stack ?? error) });
      response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });

  return {
    httpServer,
    listen(port: number, host?: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
        };
        httpServer.once('error', onError);
        httpServer.listen(port, host, () => {
          httpServer.off('error', onError);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    async close(): Promise<void> {
      draining = true;
      await apollo.stop();
      await dataSources.published.destroy();
    },
  };
}
