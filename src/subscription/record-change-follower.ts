/**
 * Follows the change feed for this server's subscriptions: every instance reads the
 * feed itself when PostgreSQL notifies it that the feed grew (the notification is sent
 * at commit, whoever wrote: any instance, an import, psql; heard through TableChanges),
 * and hands each change, in feed order, to its subscribers. A change held back behind a
 * slower transaction is looked for again 10 ms later (and by the poll, while anyone listens).
 *
 * With nobody subscribed it reads nothing: it forgets its place when the last subscriber
 * leaves, and the next one waits for one read of where the feed ends before it counts as
 * listening (so every instance does not read the feed after every write for nobody, and a
 * new subscriber is not handed what committed before it came).
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
  /** Subscribed, waiting for the follower to learn where the feed ends (then they listen). */
  private readonly arriving = new Set<(change: StoredChange) => void>();
  private readonly run = new CoalescedRun(() => this.drain());
  private readonly unsubscribe: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private heldBackDelay = heldBackRetryMilliseconds;
  /** Raised whenever the place is forgotten: a read begun before must not set it again. */
  private placeForgotten = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: TableChanges,
    private readonly logger: Logger,
    private readonly pollMilliseconds = 1000,
  ) {}

  /** How many subscriptions are listening: handed every change that commits from now on (tests wait on it). */
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
      if (this.listeners.size > 0 || this.arriving.size > 0) this.wake();
    }, this.pollMilliseconds);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const stop of this.unsubscribe) stop();
    await this.run.stop();
  }

  /** Calls `listener` with every change from now on; returns how to stop. */
  listen(listener: (change: StoredChange) => void): () => void {
    if (this.position) this.listeners.add(listener);
    else {
      this.arriving.add(listener);
      this.wake();
    }
    return () => {
      this.listeners.delete(listener);
      this.arriving.delete(listener);
      if (this.listeners.size === 0 && this.arriving.size === 0) this.forgetPlace();
    };
  }

  private forgetPlace(): void {
    this.position = undefined;
    this.placeForgotten++;
    this.heldBackDelay = heldBackRetryMilliseconds;
  }

  wake(): void {
    this.run.wake();
  }

  private async drain(): Promise<void> {
    try {
      if (this.listeners.size === 0 && this.arriving.size === 0) return; // nobody to hand changes to
      if (this.position) await this.handOnFrom(this.position);
      else await this.findFeedEnd();
    } catch (error) {
      this.logger.warn('could not read the change feed for subscriptions; will try again', { error: String((error as Error)?.message ?? error) });
    }
  }

  /** Subscribers get what commits from now on: from where the feed ends, arriving ones listen. */
  private async findFeedEnd(): Promise<void> {
    const forgotten = this.placeForgotten;
    const read = await readStoredChanges(this.dataSource, feedStart, 0);
    if (forgotten !== this.placeForgotten) return; // everyone left meanwhile; whoever came since asked for a read of their own
    this.position = read.head ?? read.horizon;
    for (const listener of this.arriving) this.listeners.add(listener);
    this.arriving.clear();
    this.lookAgainIfHeldBack(read.heldBack);
  }

  /** Hands every ready change after `position` to the listeners, a page at a time. */
  private async handOnFrom(position: FeedPosition): Promise<void> {
    const forgotten = this.placeForgotten;
    for (;;) {
      const read = await readStoredChanges(this.dataSource, position, pageSize);
      for (const change of read.changes) {
        if (forgotten !== this.placeForgotten) return; // everyone left meanwhile (a listener may leave as it is handed a change)
        this.position = position = positionOf(change);
        for (const listener of this.listeners) listener(change);
      }
      if (forgotten !== this.placeForgotten) return;
      if (read.changes.length < pageSize) {
        if (read.head && isAfter(read.head, position)) this.position = read.head;
        this.lookAgainIfHeldBack(read.heldBack);
        return;
      }
    }
  }

  /**
   * Committed changes behind a slower transaction: look again shortly rather than at the next poll
   * (waiting twice as long each time, up to the poll's interval, behind a transaction that runs long).
   */
  private lookAgainIfHeldBack(heldBack: boolean): void {
    if (heldBack) {
      setTimeout(() => this.wake(), this.heldBackDelay).unref();
      this.heldBackDelay = Math.min(this.heldBackDelay * 2, this.pollMilliseconds);
    } else {
      this.heldBackDelay = heldBackRetryMilliseconds;
    }
  }
}
