/**
 * One client (its API key, else its address) may have at most `maximum` requests in
 * flight on this server; more are refused at once with 429 TOO_MANY_REQUESTS_IN_FLIGHT
 * and Retry-After, before their body is parsed. Its requests beyond its database share
 * wait (src/traffic/database-share.ts); this bounds how many may wait, so one client
 * cannot fill the server's memory with queued work either. Counted per instance.
 */
import type express from 'express';
import { jsonError } from '../http/json-errors';
import { ErrorCode } from '../shared/error-codes';

export const defaultRequestsInFlightPerClient = 20;

export function limitRequestsInFlight(maximum: number, clientOf: (request: express.Request, response: express.Response) => string) {
  const inFlight = new Map<string, number>();
  return (request: express.Request, response: express.Response): boolean => {
    const client = clientOf(request, response);
    const count = inFlight.get(client) ?? 0;
    if (count >= maximum) {
      response.setHeader('retry-after', '1');
      jsonError(
        response,
        ErrorCode.TOO_MANY_REQUESTS_IN_FLIGHT,
        `This client already has ${count} requests in flight, the most allowed at once; wait for answers before sending more`,
      );
      return false;
    }
    inFlight.set(client, count + 1);
    // 'close' comes once the answer is sent or the connection is gone, whichever happens.
    response.once('close', () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left > 0) inFlight.set(client, left);
      else inFlight.delete(client);
    });
    return true;
  };
}
