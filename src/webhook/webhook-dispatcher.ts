/**
 * Sends what the outbox holds. Each server instance runs one dispatcher; they share the
 * work through the database: a batch of due deliveries is claimed with FOR UPDATE SKIP
 * LOCKED and leased (lease_until, lease_token), so each is sent by one instance at a
 * time, and one whose sender died is taken up again when its lease runs out. Results are
 * written only under the lease that sent them. A failed attempt is retried after an
 * exponentially growing delay (with jitter) until `maximumAttempts`; an endpoint that fails
 * `failuresBeforeDisabling` attempts in a row is disabled, saying why. A delivery can be
 * sent twice only when a sender dies (or loses the database) between sending and
 * recording; receivers discard repeats by `webhook-id`, as the specification expects.
 *
 * The dispatcher wakes when the outbox is written (a NOTIFY heard through TableChanges)
 * and polls now and then in case a notification was missed.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TableChanges } from '../caching/table-changes';
import type { Logger } from '../shared/logger';
import { messageBody, signedHeaders } from './webhook-message';
import { sendAttempt, type AttemptOutcome } from './webhook-sender';
import { CoalescedRun } from '../shared/coalesced-run';

export interface WebhookSettings {
  /** Whether webhooks may point to private, loopback and link-local addresses (tests, closed networks). */
  allowPrivateTargets: boolean;
  /** How long one attempt may take. */
  timeoutMilliseconds: number;
  /** Attempts before a delivery is given up (FAILED). */
  maximumAttempts: number;
  /** The delay before the first retry; each further retry waits twice as long. */
  retryBaseMilliseconds: number;
  /** Failed attempts in a row after which an endpoint is disabled. */
  failuresBeforeDisabling: number;
  /** How often to look for due deliveries when no notification came. */
  pollMilliseconds: number;
  /** Deliveries claimed (and sent concurrently) at once. */
  batchSize: number;
}

export const defaultWebhookSettings: WebhookSettings = {
  allowPrivateTargets: false,
  timeoutMilliseconds: 10_000,
  maximumAttempts: 8,
  retryBaseMilliseconds: 30_000,
  failuresBeforeDisabling: 20,
  pollMilliseconds: 1000,
  batchSize: 16,
};

interface ClaimedDelivery {
  id: number;
  message_id: string;
  event_type: string;
  record_table: string;
  record_id: number;
  kind: string;
  changed_columns: string[];
  occurred_at: Date;
  attempts: number;
  webhook_id: number;
  url: string;
  secret: string;
}

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly run = new CoalescedRun(() => this.drain());
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
    private readonly changes?: TableChanges,
  ) {}

  start(): void {
    this.stopListening = this.changes?.onChange((table) => {
      if (table === 'webhook_delivery') this.wake();
    });
    this.schedule();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopListening?.();
    clearTimeout(this.timer);
    await this.run.stop();
  }

  /** Looks for due deliveries now (or right after the current round). */
  wake(): void {
    this.run.wake();
  }

  private schedule(): void {
    if (this.run.isStopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedule();
    }, this.settings.pollMilliseconds);
    this.timer.unref();
  }

  /** Claims and sends batches until none is due. */
  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.run.isStopped) return;
        const token = randomUUID();
        const claimed = await this.claim(token);
        if (claimed.length === 0) return;
        await Promise.all(claimed.map((delivery) => this.deliver(delivery, token)));
        // Retries due soon are picked up by the next poll or notification.
      }
    } catch (error) {
      this.logger.warn('could not dispatch webhook deliveries; will try again', { error: String((error as Error)?.message ?? error) });
    }
  }

  private async claim(token: string): Promise<ClaimedDelivery[]> {
    const leaseSeconds = (this.settings.timeoutMilliseconds * 2 + 5000) / 1000;
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = (await this.dataSource.query(
      `UPDATE public.webhook_delivery d
          SET lease_until = now() + make_interval(secs => $2), lease_token = $3, attempts = d.attempts + 1, last_attempt_at = now()
         FROM public.webhook w
        WHERE w.id = d.webhook_id AND d.id IN (
          SELECT x.id FROM public.webhook_delivery x JOIN public.webhook y ON y.id = x.webhook_id AND y.enabled
           WHERE x.status = 'PENDING' AND x.next_attempt_at <= now() AND (x.lease_until IS NULL OR x.lease_until < now())
           ORDER BY x.next_attempt_at, x.id LIMIT $1 FOR UPDATE OF x SKIP LOCKED)
       RETURNING d.id, d.message_id, d.event_type, d.record_table, d.record_id, d.kind, d.changed_columns, d.occurred_at, d.attempts, w.id AS webhook_id, w.url, w.secret`,
      [this.settings.batchSize, leaseSeconds, token],
    )) as [ClaimedDelivery[], number];
    return rows;
  }

  private async deliver(delivery: ClaimedDelivery, token: string): Promise<void> {
    const body = messageBody({
      messageId: delivery.message_id,
      eventType: delivery.event_type,
      recordTable: delivery.record_table,
      recordKey: delivery.record_id,
      kind: delivery.kind,
      changedColumns: delivery.changed_columns,
      occurredAt: new Date(delivery.occurred_at),
    });
    let outcome: AttemptOutcome;
    try {
      outcome = await sendAttempt(
        delivery.url,
        signedHeaders(delivery.secret, delivery.message_id, body),
        body,
        this.settings.timeoutMilliseconds,
        this.settings.allowPrivateTargets,
      );
    } catch (error) {
      outcome = { delivered: false, status: null, error: String((error as Error)?.message ?? error) };
    }
    await this.record(delivery, token, outcome);
  }

  /** Writes the attempt's result, only while the lease is still this round's. */
  private async record(delivery: ClaimedDelivery, token: string, outcome: AttemptOutcome): Promise<void> {
    if (outcome.delivered) {
      await this.dataSource.query(
        `WITH delivered AS (
           UPDATE public.webhook_delivery SET status = 'DELIVERED', delivered_at = now(), lease_until = NULL, lease_token = NULL, last_response_status = $3, last_error = NULL
            WHERE id = $1 AND lease_token = $2 RETURNING webhook_id)
         UPDATE public.webhook w SET consecutive_failures = 0 FROM delivered WHERE w.id = delivered.webhook_id AND w.consecutive_failures <> 0`,
        [delivery.id, token, outcome.status],
      );
      return;
    }
    const delayMilliseconds = this.settings.retryBaseMilliseconds * 2 ** (delivery.attempts - 1) * (1 + Math.random() * 0.2);
    const error = (outcome.error ?? 'failed').slice(0, 500);
    await this.dataSource.query(
      `WITH failed AS (
         UPDATE public.webhook_delivery
            SET status = CASE WHEN attempts >= $4 THEN 'FAILED'::webhook_delivery_status ELSE 'PENDING'::webhook_delivery_status END,
                next_attempt_at = now() + make_interval(secs => $5), lease_until = NULL, lease_token = NULL, last_response_status = $3, last_error = $6
          WHERE id = $1 AND lease_token = $2 RETURNING webhook_id)
       UPDATE public.webhook w
          SET consecutive_failures = w.consecutive_failures + 1,
              enabled = w.enabled AND w.consecutive_failures + 1 < $7,
              disabled_reason = CASE WHEN w.enabled AND w.consecutive_failures + 1 >= $7
                                     THEN format('Disabled after %s failed delivery attempts in a row; the last: %s', w.consecutive_failures + 1, $6::text)
                                     ELSE w.disabled_reason END
         FROM failed WHERE w.id = failed.webhook_id`,
      [delivery.id, token, outcome.status, this.settings.maximumAttempts, delayMilliseconds / 1000, error, this.settings.failuresBeforeDisabling],
    );
    this.logger.info('a webhook delivery attempt failed', {
      webhookId: delivery.webhook_id,
      messageId: delivery.message_id,
      attempt: delivery.attempts,
      error,
    });
  }
}
