/**
 * Apollo Server on express: what @as-integrations/express5 does, without the per-request
 * work it does not need. The query string is cut from the URL instead of parsed with the
 * legacy `url.parse`; a POST answer is written with its Content-Length in one `end()`
 * instead of through `res.send`, which hashes every answer into an ETag that only a
 * conditional GET can use (GET answers keep it, and their 304s); and an answer Apollo
 * made a bare 500 because the database failed outside a resolver is replaced here by its
 * 503 or 504 (database-fault-status.ts), instead of by wrapping `res.send` on
 * every request.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type express from 'express';
import { unreportedDatabaseFaultAnswer } from './database-fault-status';

/** The query string of a request URL, with its "?" (as url.parse gives `search`), or "". */
export function searchOf(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return '';
  const end = url.indexOf('#', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

function requestHeaders(request: express.Request): HeaderMap {
  const headers = new HeaderMap();
  const sent = request.headers;
  for (const name in sent) {
    const value = sent[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Writes a complete answer: GET and HEAD through res.send (ETag, 304), others in one write with their length. */
function sendComplete(request: express.Request, response: express.Response, body: string): void {
  const faultAnswer = unreportedDatabaseFaultAnswer(response);
  if (faultAnswer !== undefined) body = faultAnswer;
  if (request.method === 'GET' || request.method === 'HEAD') {
    response.send(body);
    return;
  }
  if (!response.hasHeader('content-type')) response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(body));
  response.end(body);
}

async function sendStream(response: express.Response, body: Extract<HTTPGraphQLResponse['body'], { kind: 'chunked' }>): Promise<void> {
  const flushable = response as express.Response & { flush?: () => void };
  for await (const chunk of body.asyncIterator) {
    response.write(chunk);
    if (typeof flushable.flush === 'function') flushable.flush();
  }
  response.end();
}

/** The /graphql handler: hands the request to Apollo and writes its answer. */
export function graphqlHandler<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  context: (request: express.Request, response: express.Response) => Promise<Context>,
): express.RequestHandler {
  apollo.assertStarted('graphqlHandler()');
  return async (request, response) => {
    if (!('body' in request)) {
      response.status(500).send('`req.body` is not set; the JSON body parser must run before the GraphQL handler.');
      return;
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: request.method.toUpperCase(),
      headers: requestHeaders(request),
      search: searchOf(request.url),
      body: request.body,
    };
    const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(request, response) });
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') sendComplete(request, response, answer.body.string);
    else await sendStream(response, answer.body);
  };
}
