/**
 * The Relay `Node` interface and the columns every stored record shares.
 * Database keys stay internal (`key`); clients only ever see the global `id`.
 */
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encodeGlobalId } from './global-id';

@InterfaceType({
  description: 'An object with a stable, opaque global ID, fetchable with `node(id:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, stable global identifier.' })
  get id(): string {
    return encodeGlobalId(this.constructor.name, (this as unknown as StoredRecord).key);
  }
}

/** An object type (never in the schema itself: nothing returns it), so its fields (`updatedAt`, `version`) appear on every type that extends it. */
@ObjectType()
export abstract class StoredRecord extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', generatedIdentity: 'ALWAYS' })
  key!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * Raised by one by a database trigger on every change to the row (migration AddWrites),
   * whoever makes it; updates may name the version they expect to change.
   */
  @Field(() => Int, { description: 'Raised by one on every change; pass it as `expectedVersion` to update only what you last read.' })
  @Column({ type: 'int', default: 1, insert: false, update: false })
  version!: number;
}
