/**
 * Rate limiting by cost, not by request count (GitHub's points budget): each client
 * (its API key, else its IP address) may spend `points` per window; an operation
 * costs one point per hundred nodes it may return (at least 1, a mutation 10) plus the
 * work of its expensive fields (src/shared/query-cost.ts); an operation refused for a
 * limit, or a request refused before GraphQL, costs 1. Over budget gets HTTP 429 with
 * Retry-After; every answer says what is left and what it cost (`x-ratelimit-cost`, and
 * `extensions.cost` when the request asks with `"extensions": { "cost": true }`).
 */
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type express from 'express';
import type { RequestContext } from '../context';
import { recordRateLimitRejection, type ServerMetrics } from '../http/metrics';
import { jsonError } from '../http/json-errors';
import type { Logger } from '../shared/logger';
import { measuredOperations } from '../shared/query-limits';
import type { KeyAttemptGuard } from '../http/request-identity';
import type { Charge, PointsStore } from './points-store';
import { codedError, ErrorCode } from '../shared/error-codes';
import { rateLimitClientKey } from './client-address';

export interface RateLimitSettings {
  /** Points per client per window; 0 turns rate limiting off. */
  points: number;
  windowSeconds: number;
}

/** What an operation refused for a limit before it ran costs (its size was never spent). */
export const refusedOperationCost = 1;

const addressClient = (request: express.Request) => rateLimitClientKey(null, request.ip);

/** The client a budget belongs to: the API key when there is one, else the address (see TRUST_PROXY). */
export function rateLimitClient(request: express.Request, response: express.Response): string {
  const viewer = response.locals.viewer as { apiKeyKey: number } | null | undefined;
  return rateLimitClientKey(viewer, request.ip);
}

function setBudgetHeaders(set: (name: string, value: string) => void, settings: RateLimitSettings, charge: Charge, cost: number): void {
  set('x-ratelimit-limit', String(settings.points));
  set('x-ratelimit-remaining', String(Math.max(0, settings.points - charge.used)));
  set('x-ratelimit-reset', String(Math.ceil(charge.resetAt / 1000)));
  set('x-ratelimit-cost', String(cost));
}

const secondsUntil = (time: number) => Math.max(1, Math.ceil((time - Date.now()) / 1000));

function refuse(response: express.Response, settings: RateLimitSettings, check: Charge, metrics: ServerMetrics): void {
  recordRateLimitRejection(metrics);
  setBudgetHeaders((name, value) => response.setHeader(name, value), settings, check, 0);
  response.setHeader('retry-after', String(secondsUntil(check.resetAt)));
  jsonError(
    response,
    ErrorCode.RATE_LIMITED,
    `Rate limit of ${settings.points} points per ${settings.windowSeconds} s used up; it resets in ${secondsUntil(check.resetAt)} s`,
  );
}

/**
 * Whether `client` has at least a point left, spending nothing; otherwise answers 429.
 * Counters that cannot be read let the request through (a rate limit is no reason to be down).
 */
async function hasPointsLeft(
  store: PointsStore,
  client: string,
  settings: RateLimitSettings,
  metrics: ServerMetrics,
  logger: Logger,
  response: express.Response,
): Promise<boolean> {
  let check: Charge;
  try {
    check = await store.charge(client, 0, settings.points - 1, settings.windowSeconds * 1000);
  } catch (error) {
    logger.warn('cannot read rate-limit counters; letting the request through', { error: String(error) });
    return true;
  }
  if (!check.allowed) refuse(response, settings, check, metrics);
  return check.allowed;
}

/**
 * Refused keys are charged to the sender's address, on a budget of their own (so that
 * anonymous reads from a busy address do not lock out a valid key sent from it): each
 * refused key costs a point, and once an address has nothing left, keys it sends that
 * are refused get 429 instead of 401 until the window resets. A valid key still works from
 * it: keys are 256 random bits, so the budget bounds the noise of guessing, and never
 * lets one client behind a shared address lock out the others.
 */
export function guardKeyAttempts(store: PointsStore, settings: RateLimitSettings, metrics: ServerMetrics): KeyAttemptGuard {
  const refusedKeysOf = (request: express.Request) => `refused-keys:${addressClient(request)}`;
  return {
    async spent(request) {
      try {
        return !(await store.charge(refusedKeysOf(request), 0, settings.points - 1, settings.windowSeconds * 1000)).allowed;
      } catch {
        return false; // counters that cannot be read refuse nobody
      }
    },
    async refuse(request, response) {
      const windowMilliseconds = settings.windowSeconds * 1000;
      const check = await store
        .charge(refusedKeysOf(request), 0, settings.points - 1, windowMilliseconds)
        .catch(() => ({ allowed: false, used: settings.points, resetAt: Date.now() + windowMilliseconds }));
      refuse(response, settings, { ...check, allowed: false }, metrics);
    },
    async refused(request) {
      await store.charge(refusedKeysOf(request), 1, settings.points, settings.windowSeconds * 1000).catch(() => undefined);
    },
  };
}

/** What a request refused before GraphQL (malformed JSON, a batch, too large a body) costs. */
export const refusedRequestCost = 1;

/**
 * Once the sender is known and before the body is read: a client with nothing left is
 * refused at once, so floods of requests (even malformed ones) cost the server almost
 * nothing. A request refused later, before it reaches GraphQL (whose plugin charges the
 * rest), is charged `refusedRequestCost` when its answer is sent.
 */
export function refuseSpentClients(store: PointsStore, settings: RateLimitSettings, metrics: ServerMetrics, logger: Logger) {
  return async (request: express.Request, response: express.Response): Promise<boolean> => {
    const client = rateLimitClient(request, response);
    response.locals.rateLimitClient = client;
    if (!(await hasPointsLeft(store, client, settings, metrics, logger, response))) return false;
    response.once('finish', () => {
      if (response.locals.reachedGraphQL) return;
      store.charge(client, refusedRequestCost, settings.points, settings.windowSeconds * 1000).catch(() => undefined);
    });
    return true;
  };
}

/** Just before Apollo: from here on the rate-limit plugin charges the request. */
export function markReachedGraphQL(_request: express.Request, response: express.Response, next: express.NextFunction): void {
  response.locals.reachedGraphQL = true;
  next();
}

/** A client asks for the cost in the answer with `"extensions": { "cost": true }` (as a GET parameter too). */
function wantsCost(extensions: Record<string, unknown> | undefined): boolean {
  return extensions?.cost === true;
}

/** Charges each operation its cost once its size is known (after validation, before execution); `forRequest` gives each request its charge. */
export class OperationCharges {
  constructor(
    readonly store: PointsStore,
    readonly settings: RateLimitSettings,
    readonly metrics: ServerMetrics,
    readonly logger: Logger,
  ) {}

  forRequest(): OperationCharge {
    return new OperationCharge(this);
  }
}

/** One request's charge: its operation's cost when its size is known, else a point; the budget headers on its answer. */
export class OperationCharge {
  private charged: { charge: Charge; cost: number } | undefined;

  constructor(private readonly charges: OperationCharges) {}

  private async spend(client: string, cost: number): Promise<{ charge: Charge; cost: number } | undefined> {
    const { store, settings, logger } = this.charges;
    try {
      this.charged = { charge: await store.charge(client, cost, settings.points, settings.windowSeconds * 1000), cost };
    } catch (error) {
      logger.warn('cannot update rate-limit counters; letting the request through', { error: String(error) });
    }
    return this.charged;
  }

  /** Once the operation is known: charges its cost, and throws RATE_LIMITED when the budget does not cover it. */
  async chargeOperation({ contextValue, response }: GraphQLRequestContextDidResolveOperation<RequestContext>): Promise<void> {
    const { settings, metrics } = this.charges;
    const measured = measuredOperations.get(contextValue);
    // An operation refused for a limit is not run, so it costs a token amount, not the size it asked for.
    const cost = !measured ? 1 : measured.refused ? refusedOperationCost : measured.cost;
    const result = await this.spend(contextValue.rateLimitClient, cost);
    if (!result || result.charge.allowed) return;
    recordRateLimitRejection(metrics);
    response.http.headers.set('retry-after', String(secondsUntil(result.charge.resetAt)));
    const remaining = Math.max(0, settings.points - result.charge.used);
    throw codedError(
      ErrorCode.RATE_LIMITED,
      `Rate limit exceeded: this operation costs ${cost} points and ${remaining} of ${settings.points} are left; the budget resets in ${secondsUntil(result.charge.resetAt)} s`,
      { cost, remaining },
    );
  }

  /** Before the answer is sent: what is left and what it cost (and `extensions.cost` when asked for). */
  async setBudget({ contextValue, request, response }: GraphQLRequestContextWillSendResponse<RequestContext>): Promise<void> {
    // Requests refused before their cost was known (a syntax error, say) still spend a point.
    const charged = this.charged ?? (await this.spend(contextValue.rateLimitClient, 1));
    if (!charged) return;
    const { settings } = this.charges;
    setBudgetHeaders((name, value) => response.http.headers.set(name, value), settings, charged.charge, charged.cost);
    if (wantsCost(request.extensions) && response.body.kind === 'single') {
      const measured = measuredOperations.get(contextValue);
      response.body.singleResult.extensions = {
        ...response.body.singleResult.extensions,
        cost: {
          charged: charged.cost,
          nodes: measured?.nodes ?? 0,
          work: measured?.work ?? 0,
          limit: settings.points,
          remaining: Math.max(0, settings.points - charged.charge.used),
          resetAt: new Date(charged.charge.resetAt).toISOString(),
        },
      };
    }
  }
}
