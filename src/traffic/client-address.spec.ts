import type { IncomingMessage } from 'node:http';
import express from 'express';
import { clientAddress, rateLimitClientKey } from './client-address';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

/** The address express gives the same request with `trust proxy` set to `hops` (what HTTP requests are charged to). */
function expressAddress(hops: number, remoteAddress: string, forwardedFor?: string): string | undefined {
  const app = express();
  app.set('trust proxy', hops);
  const incoming = Object.assign(Object.create(app.request), request(remoteAddress, forwardedFor), { app });
  return (incoming as express.Request).ip;
}

describe('the client a request is charged to', () => {
  const cases: Array<[number, string, string | undefined]> = [
    [0, '10.0.0.1', undefined],
    [0, '10.0.0.1', '203.0.113.7'],
    [1, '10.0.0.1', undefined],
    [1, '10.0.0.1', '203.0.113.7'],
    [1, '10.0.0.1', '198.51.100.2, 203.0.113.7'],
    [2, '10.0.0.1', '198.51.100.2, 203.0.113.7'],
    [3, '10.0.0.1', '198.51.100.2, 203.0.113.7'],
    [2, '10.0.0.1', ' , 203.0.113.7'],
  ];
  it.each(cases)('with %i trusted hops, from %s forwarded for %p, is the address express works out', (hops, remote, forwarded) => {
    expect(clientAddress(request(remote, forwarded), hops)).toBe(expressAddress(hops, remote, forwarded));
  });

  it('is the API key when there is one, else the address', () => {
    expect(rateLimitClientKey({ apiKeyKey: 7 }, '10.0.0.1')).toBe('key:7');
    expect(rateLimitClientKey(null, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(rateLimitClientKey(undefined, undefined)).toBe('address:unknown');
  });
});
