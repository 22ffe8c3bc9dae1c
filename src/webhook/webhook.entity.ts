/**
 * A webhook: an endpoint an admin registered to be told of changes (src/webhook/).
 * Its secret signs deliveries (Standard Webhooks) and is shown once, when created.
 */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { neverCache } from '../caching/cache-control';
import { Node } from '../shared/node';

@Directive(neverCache)
@ObjectType({ implements: Node, description: 'An endpoint told of changes by signed HTTP requests (Standard Webhooks). Readable by admins only.' })
@Entity({ name: 'webhook' })
export class Webhook extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', generatedIdentity: 'ALWAYS' })
  key!: number;

  @Field(() => Date, { description: 'When the webhook was registered.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the webhook was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  // Nullable in the schema only: `url` is nullable on other Node types (Brief, MeetingMaterial), and one
  // field name must have one type across a Node selection (tests/schema-consistency.test.ts).
  @Field(() => String, { nullable: true, description: 'Where deliveries are POSTed (http or https); always set.' })
  @Column({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, for people.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** ChangeKind values; null for every kind. */
  @Column({ type: 'text', array: true, nullable: true })
  kinds!: string[] | null;

  /** Table names of the record types wanted; null for every type. */
  @Column({ name: 'record_types', type: 'text', array: true, nullable: true })
  recordTypes!: string[] | null;

  /** The Standard Webhooks secret ("whsec_" and base64), needed in clear to sign; never shown after creation. */
  @Column({ type: 'text' })
  secret!: string;

  @Field({ description: 'Whether changes are delivered; false after repeated failures (see disabledReason) or when an admin turned it off.' })
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the webhook was disabled, when it was disabled by failures.' })
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Field(() => Int, { description: 'Delivery attempts that failed in a row; reset by a success.' })
  @Column({ name: 'consecutive_failures', type: 'int', default: 0 })
  consecutiveFailures!: number;
}
