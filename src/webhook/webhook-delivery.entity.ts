/**
 * One message for one webhook: the outbox row written in the transaction of the change
 * (a trigger on record_change, migration AddWebhooks), then claimed, sent, retried and
 * kept as the delivery log.
 */
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { neverCache } from '../caching/cache-control';
import { Node } from '../shared/node';
import type { Webhook } from './webhook.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet delivered: waiting for its first attempt or its next retry.' },
    DELIVERED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt failed; no more retries.' },
  },
});

@Directive(neverCache)
@ObjectType({ implements: Node, description: 'A message sent (or to be sent) to a webhook, with how its attempts went. Readable by admins only.' })
@Entity({ name: 'webhook_delivery' })
@Index(['webhook', 'key'])
@Index('webhook_delivery_due', { synchronize: false }) // next_attempt_at of pending deliveries (partial), created by migration AddWebhooks
export class WebhookDelivery extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', generatedIdentity: 'ALWAYS' })
  key!: number;

  @ManyToOne('Webhook', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook!: Webhook;

  @Field({ description: 'The `webhook-id` header: the same on every attempt, so a receiver can discard repeats.' })
  @Index({ unique: true })
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Field({ description: 'The event type in the payload, such as "brief.published".' })
  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** The change delivered: table, key, kind, changed columns and time (kept here, as the feed is pruned). */
  @Column({ name: 'record_table', type: 'text' })
  recordTable!: string;

  @Column({ name: 'record_id', type: 'int' })
  recordKey!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'changed_columns', type: 'text', array: true, default: '{}' })
  changedColumns!: string[];

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status!: WebhookDeliveryStatus;

  /** The status under a name of its own: `status` is a brief's BriefStatus, and one name has one type on a Node selection. */
  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands: pending, delivered or failed for good.' })
  get deliveryStatus(): WebhookDeliveryStatus {
    return this.status;
  }

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due, while pending.' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** Until when a server instance holds the delivery to send it; another claims it only after that. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt was made.' })
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer, when there was one.' })
  @Column({ name: 'last_response_status', type: 'int', nullable: true })
  lastResponseStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (timeout, refused connection, HTTP status).' })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { description: 'When the change was committed to the outbox.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
