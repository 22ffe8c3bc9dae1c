/**
 * Security headers on every answer. The API's answers are JSON, never a page: a policy that
 * allows nothing to load or frame them. The IDE page replaces the policy with its own
 * (src/graphiql-page.ts), which allows exactly what the offline GraphiQL needs.
 */
import type express from 'express';

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(): express.RequestHandler {
  return (_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Content-Security-Policy', apiContentSecurityPolicy);
    next();
  };
}
