/**
 * Who a request's budget belongs to, the same way for HTTP and WebSocket: the API key when
 * there is one, else the client's address. Behind TRUST_PROXY proxies the address is the one
 * the nearest untrusted hop gave in X-Forwarded-For, as express's `req.ip` works it out for a
 * hop count; WebSocket upgrades do not pass through express, so they read it here.
 */
import type { IncomingMessage } from 'node:http';

/** The client's address: the socket's, or with `trustedHops` proxies in front, the one they forwarded. */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socketAddress;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  // Nearest first: the socket, then the forwarded addresses from the last (added by the nearest proxy) back.
  const hops = [socketAddress, ...forwarded.reverse()];
  return hops[Math.min(trustedHops, hops.length - 1)];
}

/** The rate-limit client: `key:<api key>` for a request with a key, else `address:<address>`. */
export function rateLimitClientKey(viewer: { apiKeyKey: number } | null | undefined, address: string | undefined): string {
  return viewer ? `key:${viewer.apiKeyKey}` : `address:${address ?? 'unknown'}`;
}
