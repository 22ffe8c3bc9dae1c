import type express from 'express';
import { handlerChain } from './handler-chain';

type Step = express.RequestHandler;

/** Runs the chain on a dummy request; resolves with what reached the end (`done`) and the steps that ran. */
function run(steps: (ran: string[]) => Step[]): Promise<{ ran: string[]; done: unknown[] }> {
  const ran: string[] = [];
  return new Promise((resolve) => {
    const finish = (...args: unknown[]) => resolve({ ran, done: args });
    handlerChain(steps(ran))({} as express.Request, {} as express.Response, finish);
  });
}

const step =
  (name: string): ((ran: string[]) => Step) =>
  (ran) =>
  (_request, _response, next) => {
    ran.push(name);
    next();
  };

describe('handlerChain', () => {
  it('runs the steps in order, then hands over to what follows the chain', async () => {
    const { ran, done } = await run((ran) => [step('a')(ran), step('b')(ran), step('c')(ran)]);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(done).toEqual([]);
  });

  it('stops at a step that answers instead of calling next', async () => {
    const ran: string[] = [];
    let answered: () => void = () => undefined;
    const answeredPromise = new Promise<void>((resolve) => (answered = resolve));
    const chain = handlerChain([
      step('a')(ran),
      () => {
        ran.push('refuse');
        answered();
      },
      step('c')(ran),
    ]);
    const done = jest.fn();
    chain({} as express.Request, {} as express.Response, done);
    await answeredPromise;
    expect(ran).toEqual(['a', 'refuse']);
    expect(done).not.toHaveBeenCalled();
  });

  it('skips the steps left on an error passed to next, thrown, or rejected by an async step', async () => {
    const failure = new Error('failed');
    const passed = await run((ran) => [step('a')(ran), (_request, _response, next) => next(failure), step('c')(ran)]);
    expect(passed).toEqual({ ran: ['a'], done: [failure] });
    const thrown = await run((ran) => [
      () => {
        throw failure;
      },
      step('b')(ran),
    ]);
    expect(thrown).toEqual({ ran: [], done: [failure] });
    const rejected = await run((ran) => [step('a')(ran), async () => Promise.reject(failure), step('c')(ran)]);
    expect(rejected).toEqual({ ran: ['a'], done: [failure] });
  });

  it('runs a step only once the one before has called next, however late', async () => {
    const { ran } = await run((ran) => [(_request, _response, next) => setImmediate(next), step('b')(ran)]);
    expect(ran).toEqual(['b']);
  });
});
