/**
 * DataLoader settings shared by the batch loaders that remain outside the read engine
 * (related records, theme timelines).
 *
 * Loaders do not cache across batches. A cached key would resolve at once, so the fields
 * below it would ask for their data a tick earlier than their siblings and split a level's
 * loads into two batches: the statement count would then depend on which records happen
 * to repeat, not on the shape of the query. Keys repeated within one batch are still
 * fetched once.
 */
export const batchOptions = { cache: false } as const;
