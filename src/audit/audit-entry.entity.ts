/** One write, as the audit log keeps it: who, what, when, and the record before and after. */
import { Directive, Field, ObjectType } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../shared/node';

@Directive(neverCache)
@ObjectType({ implements: Node, description: 'A write to the knowledge base, kept in the audit log. Readable by admins only.' })
@Entity({ name: 'audit_entry' })
@Index(['recordType', 'recordKey', 'key'])
export class AuditEntry extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', generatedIdentity: 'ALWAYS' })
  key!: number;

  @Field(() => Date, { description: 'When the write was committed.' })
  @Index()
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Kept even after the key is deleted, so the log still says who. */
  @Field({ description: 'The name of the API key that made the write (or "command line" for imports run from a shell).' })
  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_key_id', type: 'int', nullable: true })
  actorKey!: number | null;

  @Field({ description: 'The mutation (or import) that made the write, such as `briefUpdate`.' })
  @Column({ type: 'text' })
  action!: string;

  @Field({ description: 'The type of the record written, such as `Brief`.' })
  @Column({ name: 'record_type', type: 'text' })
  recordType!: string;

  @Column({ name: 'record_id', type: 'int', nullable: true })
  recordKey!: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record before the write; null when it was created.' })
  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record after the write; null when it was deleted.' })
  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The request ID of the HTTP request that made the write, for matching logs.' })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
