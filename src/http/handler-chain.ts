/**
 * A route's steps as one express handler: each step runs when the one before calls `next()`,
 * and may answer instead (refusing the request). express's router would run them as a layer
 * each, matching the path again and trimming and restoring the URL at every step; here the
 * route is matched once. As under express 5, an error thrown by a step, passed to `next`, or
 * rejected by the promise an async step returns, skips the steps left and goes to the error
 * handlers registered after the chain.
 */
import type express from 'express';

export function handlerChain(steps: readonly express.RequestHandler[]): express.RequestHandler {
  return (request, response, done) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error) {
        done(error);
        return;
      }
      const step = steps[index++];
      if (!step) {
        done();
        return;
      }
      try {
        const result = step(request, response, next) as unknown;
        if (result instanceof Promise) result.catch((rejection: unknown) => done(rejection ?? new Error('Rejected promise')));
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}
