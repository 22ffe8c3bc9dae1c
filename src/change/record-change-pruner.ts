/**
 * Keeps the change feed to its retention period: removes changes older than it and
 * moves `record_change_horizon` past them in the same statement, so a cursor from
 * before the horizon is refused as expired (CHANGE_CURSOR_EXPIRED) rather than
 * silently skipping what was removed. Every instance may prune; they never conflict
 * (the horizon row serialises them, and only moves forwards).
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../shared/logger';

export const defaultChangeRetentionSeconds = 7 * 24 * 3600;

/** Removes changes older than `retentionSeconds` (and any before them in feed order); returns how many. */
export async function pruneRecordChanges(dataSource: DataSource, retentionSeconds: number): Promise<number> {
  // TypeORM answers a DELETE with [rows, count].
  const [, count] = (await dataSource.query(
    `WITH cutoff AS (
       SELECT c.transaction_id, c.id FROM public.record_change c
        WHERE c.occurred_at < now() - make_interval(secs => $1) AND c.transaction_id < public.briefgraph_change_feed_ready()
        ORDER BY c.transaction_id DESC, c.id DESC LIMIT 1),
     moved AS (
       UPDATE public.record_change_horizon h SET transaction_id = cutoff.transaction_id, id = cutoff.id FROM cutoff
        WHERE (cutoff.transaction_id, cutoff.id) > (h.transaction_id, h.id) RETURNING h.transaction_id, h.id)
     DELETE FROM public.record_change c USING moved WHERE (c.transaction_id, c.id) <= (moved.transaction_id, moved.id)`,
    [retentionSeconds],
  )) as [unknown[], number];
  return count;
}

/** Prunes now and then (at least every ten minutes, more often for short retention periods) until stopped. */
export function startRecordChangePruner(dataSource: DataSource, retentionSeconds: number, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      running = pruneRecordChanges(dataSource, retentionSeconds).catch((error: unknown) => {
        logger.warn('could not prune the change feed; will try again', { error: String((error as Error)?.message ?? error) });
      });
    },
    Math.max(1, Math.min(retentionSeconds / 2, 600)) * 1000,
  );
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
