/**
 * The batch functions behind every relation: one SQL statement per batch of keys,
 * results in the same order and length as the keys (the DataLoader contract).
 *
 * Loaders do not cache across batches (`batchOptions`). A cached key would resolve at
 * once, so the fields below it would ask for their data a tick earlier than their
 * siblings and split a level's loads into two batches: the statement count would
 * then depend on which records happen to repeat, not on the shape of the query.
 * Keys repeated within one batch are still fetched once.
 */
import DataLoader from 'dataloader';
import { In, type EntityManager, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import type { StoredRecord } from './node';

export const batchOptions = { cache: false } as const;

const unique = (keys: readonly number[]) => [...new Set(keys)];

/** Loads records by their database key; a missing record loads as null. */
export function recordsByKey<T extends { key: number }>(manager: EntityManager, entity: EntityTarget<T>): DataLoader<number, T | null> {
  return new DataLoader(async (keys) => {
    const records = await manager.getRepository(entity).findBy({ key: In(unique(keys)) } as FindOptionsWhere<T>);
    const byKey = new Map(records.map((record) => [record.key, record]));
    return keys.map((key) => byKey.get(key) ?? null);
  }, batchOptions);
}

/** Loads the records whose `parentProperty` column holds each key, in the given order. */
export function recordsByParent<T extends StoredRecord>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  parentProperty: keyof T & string,
  order: FindOptionsOrder<T>,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const records = await manager.getRepository(entity).find({ where: { [parentProperty]: In(unique(keys)) } as FindOptionsWhere<T>, order });
    const byParent = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const record of records) byParent.get(record[parentProperty] as unknown as number)?.push(record);
    return keys.map((key) => byParent.get(key)!);
  }, batchOptions);
}

/**
 * Loads, for each owner key, the ordered keys of related records, from a query
 * that takes the owner keys as $1 (an int array) and returns (owner, target) rows
 * in the order the targets should appear.
 */
export function relatedKeys(manager: EntityManager, sql: string): DataLoader<number, number[]> {
  return new DataLoader(async (keys) => {
    const rows = (await manager.query(sql, [unique(keys)])) as Array<{ owner: number; target: number }>;
    const byOwner = new Map<number, number[]>(keys.map((key) => [key, []]));
    for (const row of rows) byOwner.get(row.owner)?.push(row.target);
    return keys.map((key) => byOwner.get(key)!);
  }, batchOptions);
}

/** Follows owner → related keys → records, keeping the related keys' order. */
export async function loadRelated<T>(keysLoader: DataLoader<number, number[]>, recordLoader: DataLoader<number, T | null>, ownerKey: number): Promise<T[]> {
  const targetKeys = await keysLoader.load(ownerKey);
  const records = await recordLoader.loadMany(targetKeys);
  return records.filter((record): record is T => record !== null && !(record instanceof Error));
}
