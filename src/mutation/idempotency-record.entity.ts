/**
 * What a mutation sent with an `Idempotency-Key` header answered, stored in the same
 * transaction as its writes, so that a retry finds either nothing (the first attempt
 * changed nothing) or the committed answer (it must not be applied again).
 */
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  /** Keys are scoped to the API key that sent them: two clients cannot collide. */
  @PrimaryColumn({ name: 'api_key_id', type: 'int' })
  apiKeyKey!: number;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** The response key of the mutation field (its alias, or its name), so one request may hold several mutations. */
  @PrimaryColumn({ name: 'response_key', type: 'text' })
  responseKey!: string;

  /** SHA-256 of the mutation's name and arguments: the same key with different input is refused. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
