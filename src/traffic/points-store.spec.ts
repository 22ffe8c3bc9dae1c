import { MemoryPointsStore, windowOf } from './points-store';
import { mutationCost, operationCost } from '../shared/query-limits';

const hour = 3_600_000;

describe('rate-limit windows', () => {
  it('are fixed, start at whole multiples of their length and end when the next starts', () => {
    expect(windowOf(10 * hour + 5, hour)).toEqual({ start: 10 * hour, resetAt: 11 * hour });
    expect(windowOf(11 * hour, hour)).toEqual({ start: 11 * hour, resetAt: 12 * hour });
    expect(windowOf(11 * hour - 1, hour)).toEqual({ start: 10 * hour, resetAt: 11 * hour });
  });
});

describe('the points store in memory', () => {
  afterEach(() => jest.useRealTimers());

  it('spends up to the limit, refuses without spending past it, and starts afresh in the next window', async () => {
    jest.useFakeTimers({ now: 10 * hour + 1000 });
    const store = new MemoryPointsStore();
    expect(await store.charge('key:1', 60, 100, hour)).toEqual({ allowed: true, used: 60, resetAt: 11 * hour });
    expect(await store.charge('key:1', 50, 100, hour)).toEqual({ allowed: false, used: 60, resetAt: 11 * hour });
    expect(await store.charge('key:1', 40, 100, hour)).toEqual({ allowed: true, used: 100, resetAt: 11 * hour });
    expect(await store.charge('key:2', 1, 100, hour)).toMatchObject({ allowed: true, used: 1 });
    jest.setSystemTime(11 * hour);
    expect(await store.charge('key:1', 1, 100, hour)).toEqual({ allowed: true, used: 1, resetAt: 12 * hour });
  });

  it('stays bounded: old windows are swept first, then the oldest clients get a fresh budget', async () => {
    jest.useFakeTimers({ now: 10 * hour });
    const store = new MemoryPointsStore(2);
    await store.charge('a', 5, 100, hour);
    await store.charge('b', 5, 100, hour);
    await store.charge('c', 5, 100, hour);
    expect(await store.charge('a', 1, 100, hour)).toMatchObject({ used: 1 });
    expect(await store.charge('c', 1, 100, hour)).toMatchObject({ used: 6 });
  });
});

describe('operation cost', () => {
  it('is a point per hundred nodes, at least one; a mutation costs more', () => {
    expect([0, 1, 100, 101, 50_000].map((nodes) => operationCost({ nodes, work: 0 }, false))).toEqual([1, 1, 1, 2, 500]);
    expect(operationCost({ nodes: 0, work: 0 }, true)).toBe(mutationCost);
    expect(operationCost({ nodes: 5000, work: 0 }, true)).toBe(50);
  });
});
