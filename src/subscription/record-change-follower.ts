/**
 * Follows the change feed for this server's subscriptions: every instance reads the
 * feed itself when PostgreSQL notifies it that the feed grew (the notification is sent
 * at commit, whoever wrote: any instance, an import, psql; heard through TableChanges),
 * and hands each change, in feed order, to its subscribers. A change held back behind a
 * slower transaction is looked for again 10 ms later (and by the poll, while anyone listens).
 */
import type { DataSource } from 'typeorm';
import type { TableChanges } from '../caching/table-changes';
import { feedStart, isAfter, positionOf, readStoredChanges, type FeedPosition, type StoredChange } from '../change/change-feed.service';
import type { Logger } from '../shared/logger';
import { CoalescedRun } from '../shared/coalesced-run';

const pageSize = 500;
const heldBackRetryMilliseconds = 10;

export class RecordChangeFollower {
  private position: FeedPosition | undefined;
  private readonly listeners = new Set<(change: StoredChange) => void>();
  private readonly run = new CoalescedRun(() => this.drain());
  private readonly unsubscribe: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private heldBackDelay = heldBackRetryMilliseconds;

  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: TableChanges,
    private readonly logger: Logger,
    private readonly pollMilliseconds = 1000,
  ) {}

  /** How many subscriptions are listening (tests wait on it). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  start(): void {
    this.unsubscribe.push(
      this.changes.onChange((table) => {
        if (table === 'record_change') this.wake();
      }),
      this.changes.onListeningChange((listening) => {
        if (listening) this.wake();
      }),
    );
    this.timer = setInterval(() => {
      if (this.listeners.size > 0) this.wake();
    }, this.pollMilliseconds);
    this.timer.unref();
    this.wake(); // subscriptions get what commits from now on
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const stop of this.unsubscribe) stop();
    await this.run.stop();
  }

  /** Calls `listener` with every change from now on; returns how to stop. */
  listen(listener: (change: StoredChange) => void): () => void {
    this.listeners.add(listener);
    if (!this.position) this.wake();
    return () => this.listeners.delete(listener);
  }

  wake(): void {
    this.run.wake();
  }

  private async drain(): Promise<void> {
    try {
      if (!this.position) {
        // Subscribers get what commits from now on.
        const read = await readStoredChanges(this.dataSource, feedStart, 0);
        this.position = read.head ?? read.horizon;
        return;
      }
      for (;;) {
        const read = await readStoredChanges(this.dataSource, this.position, pageSize);
        for (const change of read.changes) {
          this.position = positionOf(change);
          for (const listener of this.listeners) listener(change);
        }
        if (read.changes.length < pageSize) {
          if (read.head && isAfter(read.head, this.position)) this.position = read.head;
          // Committed changes behind a slower transaction: look again shortly rather than at the next poll.
          // (Waiting twice as long each time, up to the poll's interval, behind a transaction that runs long.)
          if (read.heldBack) {
            setTimeout(() => this.wake(), this.heldBackDelay).unref();
            this.heldBackDelay = Math.min(this.heldBackDelay * 2, this.pollMilliseconds);
          } else {
            this.heldBackDelay = heldBackRetryMilliseconds;
          }
          return;
        }
      }
    } catch (error) {
      this.logger.warn('could not read the change feed for subscriptions; will try again', { error: String((error as Error)?.message ?? error) });
    }
  }
}
