/**
 * Sends one attempt: a POST with a deadline, never following redirects, connecting only
 * to addresses the target rule allows (checked at connection time). Reads at most a
 * little of the answer and discards it. Any 2xx is success.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { guardedLookup, isPrivateAddress } from './target-address';

export interface AttemptOutcome {
  delivered: boolean;
  status: number | null;
  error: string | null;
}

const maximumAnswerBytes = 64 * 1024;

export function sendAttempt(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMilliseconds: number,
  allowPrivate: boolean,
): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // An address written in the URL is never looked up, so it is checked here.
    if (!allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
      resolve({ delivered: false, status: null, error: `refused: ${host} is a private address` });
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(allowPrivate),
      agent: false,
    });
    const timer = setTimeout(() => finish({ delivered: false, status: null, error: `timed out after ${timeoutMilliseconds} ms` }), timeoutMilliseconds);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      let received = 0;
      const done = () => finish({ delivered: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maximumAnswerBytes) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ delivered: false, status: null, error: error.message || error.code || 'connection failed' }),
    );
    request.end(body);
  });
}
