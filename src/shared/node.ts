/**
 * The Relay `Node` interface and the columns every stored record shares.
 * Database keys stay internal (`key`); clients only ever see the global `id`.
 */
import { Field, ID, InterfaceType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
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

export abstract class StoredRecord extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', generatedIdentity: 'ALWAYS' })
  key!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
