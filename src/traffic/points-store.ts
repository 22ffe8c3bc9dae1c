/**
 * Rate-limit counters: points spent per client in fixed windows (GitHub's model: a
 * budget per window, reset at a known time). In memory for one instance, or in Redis
 * so that every instance draws on the same budget.
 */
import type Redis from 'ioredis';

export interface Charge {
  /** False when the cost would take the client past the limit; nothing was spent then. */
  allowed: boolean;
  /** Points spent in this window, this charge included when allowed. */
  used: number;
  /** When the window ends (epoch milliseconds). */
  resetAt: number;
}

export interface PointsStore {
  charge(client: string, cost: number, limit: number, windowMilliseconds: number): Promise<Charge>;
}

/** The fixed window holding `now`: windows start at whole multiples of their length, the same on every instance. */
export function windowOf(now: number, windowMilliseconds: number): { start: number; resetAt: number } {
  const start = Math.floor(now / windowMilliseconds) * windowMilliseconds;
  return { start, resetAt: start + windowMilliseconds };
}

/** Counters in this process; finished windows are swept as new ones open, and the map is bounded. */
export class MemoryPointsStore implements PointsStore {
  private readonly spent = new Map<string, { start: number; used: number }>();

  constructor(private readonly maximumClients = 100_000) {}

  async charge(client: string, cost: number, limit: number, windowMilliseconds: number): Promise<Charge> {
    const { start, resetAt } = windowOf(Date.now(), windowMilliseconds);
    let entry = this.spent.get(client);
    if (!entry || entry.start !== start) {
      if (!entry) this.makeRoom(start);
      entry = { start, used: 0 };
      this.spent.set(client, entry);
    }
    if (entry.used + cost > limit) return { allowed: false, used: entry.used, resetAt };
    entry.used += cost;
    return { allowed: true, used: entry.used, resetAt };
  }

  private makeRoom(currentStart: number): void {
    if (this.spent.size < this.maximumClients) return;
    for (const [client, entry] of this.spent) if (entry.start !== currentStart) this.spent.delete(client);
    // Still full of clients of this window: forget the oldest (they get a fresh budget, never a wrong refusal).
    while (this.spent.size >= this.maximumClients) this.spent.delete(this.spent.keys().next().value as string);
  }
}

/** Check and spend in one atomic step, so that concurrent requests on several instances cannot overspend. */
const chargeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if used + cost > tonumber(ARGV[2]) then return {0, used} end
used = redis.call('INCRBY', KEYS[1], cost)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, used}`;

export class RedisPointsStore implements PointsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'briefgraph:rate:',
  ) {}

  async charge(client: string, cost: number, limit: number, windowMilliseconds: number): Promise<Charge> {
    const { start, resetAt } = windowOf(Date.now(), windowMilliseconds);
    const [allowed, used] = (await this.redis.eval(chargeScript, 1, `${this.prefix}${client}:${start}`, cost, limit, windowMilliseconds)) as [number, number];
    return { allowed: allowed === 1, used, resetAt };
  }
}
