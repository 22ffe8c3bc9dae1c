/** An API key for writes. Only a hash of the secret is stored; the secret is shown once, when created. */
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import { Column, Entity, Index } from 'typeorm';
import { Node, StoredRecord } from '../shared/node';

export enum ApiKeyRole {
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: 'What a key may do. Reads need no key.',
  valuesConfig: {
    EDITOR: { description: 'Create and update content, publish and unpublish briefs.' },
    ADMIN: { description: 'Everything an editor may do, and delete records, manage keys, import and read the audit log.' },
  },
});

@Directive(neverCache)
@ObjectType({ implements: Node, description: 'An API key, by name and prefix; the secret itself is never shown again after creation.' })
@Entity({ name: 'api_key' })
export class ApiKey extends StoredRecord {
  @Field({ description: 'Unique name saying who or what uses the key; recorded in the audit log.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'The first characters of the secret, to recognise a key without revealing it.' })
  @Column({ type: 'text' })
  prefix!: string;

  /** SHA-256 of the secret, hex. Secrets are 256 random bits, so a fast hash is enough and lookups are by index. */
  @Index({ unique: true })
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Field(() => ApiKeyRole, { description: 'What the key may do.' })
  @Column({ type: 'enum', enum: ApiKeyRole, enumName: 'api_key_role' })
  role!: ApiKeyRole;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; a revoked key authenticates nothing.' })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { name: 'createdAt', description: 'When the key was created.' })
  get creationTime(): Date {
    return this.createdAt;
  }
}
